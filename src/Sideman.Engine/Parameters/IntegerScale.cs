namespace Sideman.Engine.Parameters;

/// <summary>Whole numbers min..max, stepped (e.g. a seed or a bar count).</summary>
public sealed class IntegerScale : ParameterScale
{
    public IntegerScale(int min, int max)
    {
        if (max <= min)
            throw new ArgumentException($"Integer range [{min}, {max}] needs max > min.");
        Min = min;
        Max = max;
    }

    public int Min { get; }
    public int Max { get; }

    public override int StepCount => Max - Min;

    // VST3's discrete convention: each step owns an equal slice of 0..1.
    public override double ToPlain(double normalized) => Min + Math.Min(StepCount, Math.Floor(normalized * (StepCount + 1)));

    public override double ToNormalized(double plain) => Clamp01((Math.Round(plain) - Min) / StepCount);

    public override double Sanitize(double plain) => Math.Clamp(Math.Round(plain), Min, Max);

    public override string Format(double plain) => FormatNumber(Math.Round(plain), 0);

    public override bool TryParse(string text, out double plain)
    {
        if (TryParseNumber(text, out plain) && plain == Math.Floor(plain))
            return true;
        plain = 0;
        return false;
    }
}
