namespace Sideman.Engine.Parameters;

/// <summary>
/// Stereo position from hard left (-100) through centre (0) to hard right (+100). Shown as a
/// mixer shows it: "C", "30L", "30R". Typed text may be any of those, "L30", "centre", or a
/// signed number.
/// </summary>
public sealed class PanScale : ParameterScale
{
    public const double Limit = 100;

    public override double ToPlain(double normalized) => (normalized * 2 - 1) * Limit;

    public override double ToNormalized(double plain) => Clamp01((plain / Limit + 1) / 2);

    public override double Sanitize(double plain) => Math.Clamp(plain, -Limit, Limit);

    public override string Format(double plain)
    {
        double rounded = Math.Round(Math.Clamp(plain, -Limit, Limit), MidpointRounding.AwayFromZero);
        if (rounded == 0)
            return "C";
        return FormatNumber(Math.Abs(rounded), 0) + (rounded < 0 ? "L" : "R");
    }

    public override bool TryParse(string text, out double plain)
    {
        string t = text.Trim().ToLowerInvariant();
        plain = 0;
        if (t is "c" or "center" or "centre" or "mid")
            return true;
        double sign = 0;
        if (t.EndsWith('l') || t.StartsWith('l'))
            sign = -1;
        else if (t.EndsWith('r') || t.StartsWith('r'))
            sign = 1;
        if (sign != 0)
            t = t.Trim('l', 'r').Trim();
        if (!TryParseNumber(t, out double value))
            return false;
        if (sign != 0)
        {
            if (value < 0)
                return false;
            value *= sign;
        }
        plain = value;
        return true;
    }
}
