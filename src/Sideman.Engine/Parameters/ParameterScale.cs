using System.Globalization;

namespace Sideman.Engine.Parameters;

/// <summary>
/// Maps a parameter's normalized value (0..1, what hosts automate) to its plain value (what the
/// engine and the user see) and formats/parses the plain value as text. Scales are immutable and
/// the two mappings are pure, so any thread may call them; only Format/TryParse allocate.
/// </summary>
public abstract class ParameterScale
{
    /// <summary>0 for continuous; otherwise the number of steps (count of values - 1), as VST3 wants.</summary>
    public virtual int StepCount => 0;

    /// <summary>[any] <paramref name="normalized"/> is already clamped to 0..1 and finite.</summary>
    public abstract double ToPlain(double normalized);

    /// <summary>[any] Result in 0..1; out-of-range plain values clamp. <paramref name="plain"/> is not NaN.</summary>
    public abstract double ToNormalized(double plain);

    /// <summary>
    /// [any] The nearest valid plain value: clamped into range and snapped onto steps. Unlike a
    /// round trip through <see cref="ToNormalized"/>, a valid value comes back bit-identical, so saved
    /// state re-saves byte for byte. <paramref name="plain"/> is not NaN.
    /// </summary>
    public abstract double Sanitize(double plain);

    /// <summary>[main] Text for a plain value, without the units (hosts show units separately).</summary>
    public abstract string Format(double plain);

    /// <summary>[main] Parses user text (units already stripped) into a plain value.</summary>
    public abstract bool TryParse(string text, out double plain);

    protected static string FormatNumber(double value, int decimals)
    {
        decimals = Math.Clamp(decimals, 0, 3);
        double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
            rounded = 0; // never show "-0.00"
        return rounded.ToString(decimals switch { 0 => "0", 1 => "0.0", 2 => "0.00", _ => "0.000" }, CultureInfo.InvariantCulture);
    }

    /// <summary>Invariant parsing that also accepts a decimal comma, since users type what their locale taught them.</summary>
    protected static bool TryParseNumber(string text, out double value)
    {
        const NumberStyles style = NumberStyles.Float;
        string trimmed = text.Trim().Replace('\u2212', '-'); // typographic minus
        if (double.TryParse(trimmed, style, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return true;
        if (trimmed.Contains(',') && !trimmed.Contains('.')
            && double.TryParse(trimmed.Replace(',', '.'), style, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            return true;
        value = 0;
        return false;
    }

    protected static double Clamp01(double x) => x < 0 ? 0 : x > 1 ? 1 : x;
}
