namespace Sideman.Music.Patterns;

/// <summary>
/// Consecutive bars of one part with their shared conditioning: style (a STYLE token name of
/// models/vocab.json, e.g. "funk"), role, key tonic (pitch class; -1 for drums: chord roots are
/// written relative to it) and tempo bucket (see the TEMPO tokens).
/// </summary>
public sealed class PartPhrase
{
    private readonly BarPattern[] _bars;

    public PartPhrase(string style, PartRole part, int keyTonic, int tempoBucket, BarPattern[] bars)
    {
        ArgumentException.ThrowIfNullOrEmpty(style);
        ArgumentNullException.ThrowIfNull(bars);
        if (PartRoles.IsPitched(part) ? keyTonic is < 0 or > 11 : keyTonic != -1)
            throw new ArgumentOutOfRangeException(nameof(keyTonic), keyTonic,
                "pitched parts need a key tonic 0..11; drums take -1");
        Style = style;
        Part = part;
        KeyTonic = keyTonic;
        TempoBucket = tempoBucket;
        _bars = bars;
    }

    public string Style { get; }
    public PartRole Part { get; }
    public int KeyTonic { get; }
    public int TempoBucket { get; }

    /// <summary>[any]</summary>
    public ReadOnlySpan<BarPattern> Bars => _bars;
}
