namespace Sideman.Engine.Parameters;

/// <summary>
/// A continuous range with more resolution at the low end: plain = min + (max-min)·n^k, with k
/// chosen so that the middle of the knob lands on <c>midpoint</c>. Used for times and frequencies.
/// </summary>
public sealed class SkewedScale : ParameterScale
{
    private readonly double _exponent;
    private readonly Func<double, string> _format;
    private readonly Func<string, (bool ok, double value)> _parse;

    public SkewedScale(double min, double max, double midpoint, Func<double, string> format, Func<string, (bool ok, double value)> parse)
    {
        if (!(max > min) || !(midpoint > min) || !(midpoint < max) || !double.IsFinite(max) || !double.IsFinite(min))
            throw new ArgumentException($"Skewed range [{min}, {max}] with midpoint {midpoint} needs min < midpoint < max.");
        Min = min;
        Max = max;
        _exponent = Math.Log((midpoint - min) / (max - min)) / Math.Log(0.5);
        _format = format;
        _parse = parse;
    }

    public double Min { get; }
    public double Max { get; }

    public override double ToPlain(double normalized) => Min + (Max - Min) * Math.Pow(normalized, _exponent);

    public override double ToNormalized(double plain) => Math.Pow(Clamp01((plain - Min) / (Max - Min)), 1.0 / _exponent);

    public override double Sanitize(double plain) => Math.Clamp(plain, Min, Max);

    public override string Format(double plain) => _format(plain);

    public override bool TryParse(string text, out double plain)
    {
        (bool ok, double value) = _parse(text);
        plain = ok ? value : 0;
        return ok;
    }

    /// <summary>A time in milliseconds: "12.5" or "12.5 ms" or "1.2 s".</summary>
    public static SkewedScale Milliseconds(double minMs, double maxMs, double midpointMs) =>
        new(minMs, maxMs, midpointMs, FormatMilliseconds, ParseMilliseconds);

    private static string FormatMilliseconds(double ms) =>
        ms < 10 ? FormatNumber(ms, 2) : ms < 100 ? FormatNumber(ms, 1) : FormatNumber(ms, 0);

    private static (bool, double) ParseMilliseconds(string text)
    {
        string t = text.Trim();
        double factor = 1;
        if (t.EndsWith("ms", StringComparison.OrdinalIgnoreCase))
            t = t[..^2];
        else if (t.EndsWith('s') || t.EndsWith('S'))
        {
            t = t[..^1];
            factor = 1000;
        }
        return TryParseNumber(t, out double v) ? (true, v * factor) : (false, 0);
    }
}
