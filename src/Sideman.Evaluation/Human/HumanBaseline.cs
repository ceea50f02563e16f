using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Human;

/// <summary>
/// Human drumming to set the generated drums beside: every "beat" take of the Groove corpus (fills left out),
/// measured by the same code as the generated songs. Drum figures come from the 4/4 takes, per Sideman style
/// (the pipeline's mapping, <see cref="GrooveStyles"/>), over all of them, and over the takes of the backbeat
/// styles; accents per metre from the takes of each metre (Groove has a few in 3/4, 6/8 and 5/4).
/// </summary>
public sealed class HumanBaseline
{
    /// <summary>A style counts as covered by Groove, with a figure of its own, from this many 4/4 bars of beats ...</summary>
    public const int MinBarsForStyle = 100;

    /// <summary>... played in at least this many takes (one take is one groove, not a style).</summary>
    public const int MinTakesForStyle = 3;

    private readonly Dictionary<string, DrumFigures> _byStyle;
    private readonly Dictionary<string, int> _takesByStyle;

    private HumanBaseline(Dictionary<string, DrumFigures> byStyle, Dictionary<string, int> takesByStyle, DrumFigures all, DrumFigures backbeatStyles,
                          Dictionary<TimeSignature, AccentProfile> accents, Dictionary<TimeSignature, int> takesByMetre)
    {
        _byStyle = byStyle;
        _takesByStyle = takesByStyle;
        All = all;
        BackbeatStyles = backbeatStyles;
        Accents = accents;
        TakesByMetre = takesByMetre;
    }

    /// <summary>Every 4/4 beat take pooled.</summary>
    public DrumFigures All { get; }

    /// <summary>The 4/4 beat takes of <see cref="StyleFamily.Backbeat"/> styles pooled: the reference of a backbeat style Groove does not cover.</summary>
    public DrumFigures BackbeatStyles { get; }

    public IReadOnlyDictionary<TimeSignature, AccentProfile> Accents { get; }
    public IReadOnlyDictionary<TimeSignature, int> TakesByMetre { get; }

    public int Takes4x4 => _takesByStyle.Values.Sum();

    public IEnumerable<string> Styles => _byStyle.Keys.Order(StringComparer.Ordinal);

    public int TakesOf(string style) => _takesByStyle.GetValueOrDefault(style);

    /// <summary>The style's own figures, whatever their size (null when Groove has no take of it).</summary>
    public DrumFigures? Of(string style) => _byStyle.TryGetValue(style, out DrumFigures f) ? f : null;

    /// <summary>The style's own figures when Groove covers it (<see cref="MinBarsForStyle"/> bars in <see cref="MinTakesForStyle"/> takes or more), else null.</summary>
    public DrumFigures? Covering(string style) =>
        Of(style) is { Bars: >= MinBarsForStyle } f && TakesOf(style) >= MinTakesForStyle ? f : null;

    /// <summary>Reads and measures the beat takes of the corpus at <paramref name="corpusRoot"/>.</summary>
    public static HumanBaseline Load(string corpusRoot, DrumClasses drums, IEnumerable<TimeSignature> metres)
    {
        ArgumentNullException.ThrowIfNull(metres);
        return Measure(GrooveCorpus.Takes(corpusRoot).Where(t => t.BeatType == "beat").Select(t => GrooveSongReader.Read(corpusRoot, t, drums)), metres);
    }

    /// <summary>Measures human songs (drums only; each bar's metre as the song has it).</summary>
    public static HumanBaseline Measure(IEnumerable<HeardSong> songs, IEnumerable<TimeSignature> metres)
    {
        ArgumentNullException.ThrowIfNull(songs);
        var byStyle = new Dictionary<string, DrumFigures>(StringComparer.Ordinal);
        var takes = new Dictionary<string, int>(StringComparer.Ordinal);
        var accents = metres.Distinct().ToDictionary(m => m, m => new AccentProfile(m));
        var takesByMetre = accents.Keys.ToDictionary(m => m, _ => 0);
        DrumFigures all = default, backbeat = default;
        foreach (HeardSong song in songs)
        {
            TimeSignature metre = song.Bars[0].TimeSignature;
            if (accents.TryGetValue(metre, out AccentProfile? profile))
            {
                profile.Add(song, includeDrums: true);
                takesByMetre[metre]++;
            }
            if (metre != TimeSignature.FourFour)
                continue;
            DrumFigures f = DrumFigures.Of(song);
            byStyle[song.Style] = byStyle.GetValueOrDefault(song.Style) + f;
            takes[song.Style] = takes.GetValueOrDefault(song.Style) + 1;
            all += f;
            if (StyleFamilies.Of(song.Style) == StyleFamily.Backbeat)
                backbeat += f;
        }
        return new HumanBaseline(byStyle, takes, all, backbeat, accents, takesByMetre);
    }
}
