using Sideman.Music.Patterns;

namespace Sideman.Music.Time;

/// <summary>A time signature such as 4/4 or 6/8. Always valid: the constructor rejects nonsense and
/// <c>default</c> reads as 4/4.</summary>
public readonly struct TimeSignature : IEquatable<TimeSignature>
{
    public const int MaxNumerator = 64;
    public const int MaxDenominator = 64;

    public static readonly TimeSignature FourFour = new(4, 4);

    private readonly int _numerator;
    private readonly int _denominator;

    public TimeSignature(int numerator, int denominator)
    {
        if (!IsValid(numerator, denominator))
            throw new ArgumentOutOfRangeException(nameof(denominator), $"{numerator}/{denominator} is not a time signature (numerator 1..{MaxNumerator}, denominator a power of two 1..{MaxDenominator}).");
        _numerator = numerator;
        _denominator = denominator;
    }

    public int Numerator => _numerator == 0 ? 4 : _numerator;
    public int Denominator => _denominator == 0 ? 4 : _denominator;

    /// <summary>Bar length in quarter notes (6/8 = 3, 7/4 = 7).</summary>
    public double QuarterNotesPerBar => Numerator * 4.0 / Denominator;

    /// <summary>Length of one bar in pattern ticks (PatternGrid.TicksPerQuarter per quarter). [any]</summary>
    public int TicksPerBar => Numerator * PatternGrid.TicksPerQuarter * 4 / Denominator;

    /// <summary>Length of one beat (the denominator's note) in quarter notes.</summary>
    public double QuarterNotesPerBeat => 4.0 / Denominator;

    public static bool IsValid(int numerator, int denominator) =>
        numerator >= 1 && numerator <= MaxNumerator && denominator >= 1 && denominator <= MaxDenominator
        && (denominator & (denominator - 1)) == 0;

    public bool Equals(TimeSignature other) => Numerator == other.Numerator && Denominator == other.Denominator;
    public override bool Equals(object? obj) => obj is TimeSignature other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);
    public static bool operator ==(TimeSignature a, TimeSignature b) => a.Equals(b);
    public static bool operator !=(TimeSignature a, TimeSignature b) => !a.Equals(b);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
