namespace Sideman.Engine.Parameters;

/// <summary>A continuous range where equal normalized steps are equal plain steps.</summary>
public sealed class LinearScale : ParameterScale
{
    private readonly int _decimals;

    public LinearScale(double min, double max, int decimals = 2)
    {
        if (!(max > min) || !double.IsFinite(min) || !double.IsFinite(max))
            throw new ArgumentException($"Linear range [{min}, {max}] must be finite with max > min.");
        Min = min;
        Max = max;
        _decimals = decimals;
    }

    public double Min { get; }
    public double Max { get; }

    public override double ToPlain(double normalized) => Min + (Max - Min) * normalized;

    public override double ToNormalized(double plain) => Clamp01((plain - Min) / (Max - Min));

    public override double Sanitize(double plain) => Math.Clamp(plain, Min, Max);

    public override string Format(double plain) => FormatNumber(plain, _decimals);

    public override bool TryParse(string text, out double plain) => TryParseNumber(text, out plain);
}
