namespace Sideman.Engine.Parameters;

/// <summary>A choice among named items; the plain value is the item's index.</summary>
public sealed class ListScale : ParameterScale
{
    private readonly string[] _names;

    public ListScale(IReadOnlyList<string> names)
    {
        if (names.Count < 2)
            throw new ArgumentException("A list parameter needs at least two items.");
        if (names.Distinct(StringComparer.OrdinalIgnoreCase).Count() != names.Count)
            throw new ArgumentException("List items must be distinct (case-insensitively), or text input would be ambiguous.");
        _names = names.ToArray();
    }

    public IReadOnlyList<string> Names => _names;

    public override int StepCount => _names.Length - 1;

    public override double ToPlain(double normalized) => Math.Min(StepCount, Math.Floor(normalized * (StepCount + 1)));

    public override double ToNormalized(double plain) => Clamp01(Math.Round(plain) / StepCount);

    public override double Sanitize(double plain) => Math.Clamp(Math.Round(plain), 0, StepCount);

    public override string Format(double plain) => _names[(int)Math.Clamp(Math.Round(plain), 0, StepCount)];

    /// <summary>Accepts an item name (any case) or its index.</summary>
    public override bool TryParse(string text, out double plain)
    {
        string t = text.Trim();
        for (int i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], t, StringComparison.OrdinalIgnoreCase))
            {
                plain = i;
                return true;
            }
        }
        if (TryParseNumber(t, out plain) && plain == Math.Floor(plain) && plain >= 0 && plain <= StepCount)
            return true;
        plain = 0;
        return false;
    }
}
