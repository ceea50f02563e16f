using System.Globalization;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// Writes the tokens the caller fixes, without allocating: the header (BOS STYLE PART [KEY] TEMPO)
/// and each bar's conditioning (BAR TS SEC EN and, when given, the chords; SEC as <see cref="StyleSections"/> maps it
/// for the style). Lookup tables are built
/// once from the vocabulary. Invalid conditioning is an <see cref="ArgumentException"/> naming the bar.
/// </summary>
internal sealed class BarPromptEncoder
{
    private readonly Vocabulary _v;
    private readonly Dictionary<(int, int), int> _timeSignatures = new();
    private readonly int[] _sections;
    private readonly int[] _energies;
    private readonly int[] _qualities;
    private readonly int[] _changeByTick;

    public BarPromptEncoder(Vocabulary vocabulary)
    {
        _v = vocabulary;
        var (tsFirst, tsCount) = _v.Range(TokenKind.TimeSignature);
        for (int id = tsFirst; id < tsFirst + tsCount; id++)
            _timeSignatures[(_v[id].Numerator, _v[id].Denominator)] = id;
        _sections = Enum.GetValues<SectionKind>().Select(_v.Section).ToArray();
        var (enFirst, enCount) = _v.Range(TokenKind.Energy);
        _energies = Enumerable.Range(enFirst, enCount).ToArray();
        _qualities = Enum.GetValues<ChordQuality>().Select(_v.Quality).ToArray();
        var (chgFirst, chgCount) = _v.Range(TokenKind.ChordChange);
        int maxTick = chgCount == 0 ? 0 : Enumerable.Range(chgFirst, chgCount).Max(id => _v[id].Value);
        _changeByTick = new int[maxTick + 1];
        Array.Fill(_changeByTick, -1);
        for (int id = chgFirst; id < chgFirst + chgCount; id++)
            _changeByTick[_v[id].Value] = id;
        MaxChordTokens = 3 + 4 * chgCount; // first chord ROOT QUAL BASS, then CHG ROOT QUAL BASS per change
    }

    /// <summary>The most tokens a bar's conditioning can take (BAR TS SEC EN + the longest chord list).</summary>
    public int MaxPromptTokens => 4 + MaxChordTokens;

    public int MaxChordTokens { get; }

    public int MaxChordsPerBar => 1 + _v.Range(TokenKind.ChordChange).Count;

    /// <summary>The header's tokens. [main] (allocates once per part)</summary>
    public int[] Header(PartHeader header)
    {
        var output = new List<int>(5);
        new PatternTokenizer(_v).EncodeHeader(header.Style, header.Part, header.KeyTonic, header.TempoBucket, output);
        return [.. output];
    }

    /// <summary>Writes BAR TS SEC EN [chords] into <paramref name="dest"/>; returns the count. [generator]</summary>
    public int Encode(in BarConditioning bar, PartHeader header, Span<int> dest)
    {
        if (!_timeSignatures.TryGetValue((bar.TimeSignature.Numerator, bar.TimeSignature.Denominator), out int ts))
            throw Bad(bar, $"time signature {bar.TimeSignature} is not one the model knows (see the TS tokens of vocab.json)");
        if ((uint)bar.Energy >= (uint)_energies.Length)
            throw Bad(bar, $"energy {bar.Energy} is outside 0..{_energies.Length - 1}");
        if ((uint)bar.Section >= (uint)_sections.Length)
            throw Bad(bar, $"section {(int)bar.Section} is unknown");
        int n = 0;
        dest[n++] = _v.Bar;
        dest[n++] = ts;
        dest[n++] = _sections[(int)StyleSections.Conditioned(header.Style, bar.Section)];
        dest[n++] = _energies[bar.Energy];
        if (!PartRoles.IsPitched(header.Part))
            return n;

        ReadOnlySpan<BarChord> chords = bar.Chords.Span;
        int length = bar.TimeSignature.TicksPerBar;
        int last = -1;
        for (int i = 0; i < chords.Length; i++)
        {
            BarChord c = chords[i];
            if (i == 0 && c.Tick != 0)
                throw Bad(bar, $"the first chord must start at tick 0, not {c.Tick}");
            if (c.Tick <= last || c.Tick >= length)
                throw Bad(bar, $"chord at tick {c.Tick} is out of order or past the bar's {length} ticks");
            last = c.Tick;
            if (i > 0)
            {
                if (c.Tick >= _changeByTick.Length || _changeByTick[c.Tick] < 0)
                    throw Bad(bar, $"chord change at tick {c.Tick} is off the eighth-note grid (multiples of 12 ticks)");
                dest[n++] = _changeByTick[c.Tick];
            }
            if (c.Chord.IsNoChord)
            {
                dest[n++] = _v.NoChord;
                continue;
            }
            dest[n++] = _v.Root(((c.Chord.Root - header.KeyTonic) % 12 + 12) % 12);
            dest[n++] = _qualities[(int)c.Chord.Quality];
            if (c.Chord.BassInterval != 0)
                dest[n++] = _v.BassInterval(c.Chord.BassInterval);
        }
        return n;
    }

    private static ArgumentException Bad(in BarConditioning bar, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"bar {bar.BarIndex}: {problem}."), nameof(bar));
}
