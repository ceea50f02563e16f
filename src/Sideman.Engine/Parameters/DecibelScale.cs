namespace Sideman.Engine.Parameters;

/// <summary>
/// A volume in dB with silence (-inf) at the bottom. Follows a cubic fader law on amplitude
/// (gain = maxGain·n³), so the travel is spent where ears care: with +6 dB at the top, 0 dB sits
/// at 79 %, -20 dB at 37 %, and n = 0 is exactly -inf (gain 0).
/// </summary>
public sealed class DecibelScale : ParameterScale
{
    /// <summary>dB per decade of normalized value: 20·log10(n³).</summary>
    private const double DbPerDecade = 60.0;

    public DecibelScale(double maxDb)
    {
        if (!double.IsFinite(maxDb))
            throw new ArgumentException("maxDb must be finite.");
        MaxDb = maxDb;
    }

    public double MaxDb { get; }

    public override double ToPlain(double normalized) =>
        normalized <= 0 ? double.NegativeInfinity : MaxDb + DbPerDecade * Math.Log10(normalized);

    public override double ToNormalized(double plain) =>
        double.IsNegativeInfinity(plain) ? 0 : Clamp01(Math.Pow(10, (plain - MaxDb) / DbPerDecade));

    public override double Sanitize(double plain) => Math.Min(plain, MaxDb);

    /// <summary>[any] Linear gain for a dB value; -inf gives exactly 0.</summary>
    public static double ToGain(double db) => double.IsNegativeInfinity(db) ? 0 : Math.Pow(10, db / 20);

    public override string Format(double plain) =>
        double.IsNegativeInfinity(plain) || plain < -200 ? "-inf" : FormatNumber(plain, 1);

    public override bool TryParse(string text, out double plain)
    {
        string t = text.Trim();
        if (t.EndsWith("db", StringComparison.OrdinalIgnoreCase))
            t = t[..^2].Trim();
        string word = t.Replace('\u2212', '-').ToLowerInvariant();
        if (word is "-inf" or "-infinity" or "-∞" or "off")
        {
            plain = double.NegativeInfinity;
            return true;
        }
        return TryParseNumber(t, out plain);
    }
}
