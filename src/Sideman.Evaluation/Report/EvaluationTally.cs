using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Report;

/// <summary>
/// What an evaluation counted: a <see cref="StyleTally"/> per style (in the order styles first appeared) and
/// the accents of each metre pooled over all styles (drums only from styles with a kit).
/// </summary>
public sealed class EvaluationTally
{
    private readonly Dictionary<string, StyleTally> _styles = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly Dictionary<TimeSignature, AccentProfile> _accents = new();

    public IEnumerable<StyleTally> Styles => _order.Select(s => _styles[s]);
    public IReadOnlyDictionary<TimeSignature, AccentProfile> Accents => _accents;
    public int Songs { get; private set; }
    public long Bars { get; private set; }

    /// <summary>The guards' counters over every generated part (<see cref="EvaluationRunner"/> adds them).</summary>
    public GuardTally Guards { get; } = new();

    public StyleTally? Style(string style) => _styles.GetValueOrDefault(style);

    public void Add(HeardSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (!_styles.TryGetValue(song.Style, out StyleTally? tally))
        {
            _styles[song.Style] = tally = new StyleTally(song.Style);
            _order.Add(song.Style);
        }
        tally.Add(song);
        Songs++;
        Bars += song.Bars.Count;
        foreach (TimeSignature metre in song.Bars.Select(b => b.TimeSignature).Distinct())
        {
            if (!_accents.TryGetValue(metre, out AccentProfile? profile))
                _accents[metre] = profile = new AccentProfile(metre);
            profile.Add(song, includeDrums: StyleFamilies.HasKit(song.Style));
        }
    }
}
