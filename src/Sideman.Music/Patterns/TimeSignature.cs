namespace Sideman.Music.Patterns;

/// <summary>A bar's metre, e.g. 4/4 or 12/8.</summary>
public readonly record struct TimeSignature
{
    public TimeSignature(int numerator, int denominator)
    {
        if (numerator <= 0)
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "the numerator must be positive");
        if (denominator is not (1 or 2 or 4 or 8 or 16 or 32))
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "the denominator must be a power of two up to 32");
        Numerator = numerator;
        Denominator = denominator;
    }

    public int Numerator { get; }
    public int Denominator { get; }

    /// <summary>Length of one bar in pattern ticks (24 per quarter). [any]</summary>
    public int TicksPerBar => Numerator * PatternGrid.TicksPerQuarter * 4 / Denominator;

    public static TimeSignature FourFour => new(4, 4);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
