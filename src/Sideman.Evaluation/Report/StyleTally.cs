using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Report;

/// <summary>Everything counted for one style over its songs: per part, per seed and per metre.</summary>
public sealed class StyleTally
{
    public static readonly PartRole[] PitchedParts = [PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];

    private readonly Dictionary<PartRole, PitchFigures> _pitch = new();
    private readonly Dictionary<PartRole, DensityLadder> _density = new();
    private readonly SortedDictionary<ulong, BassDownbeat> _bassBySeed = new();
    private readonly SortedDictionary<ulong, DrumFigures> _drumsBySeed = new();
    private readonly Dictionary<TimeSignature, AccentProfile> _accents = new();

    public StyleTally(string style)
    {
        Style = style;
        Family = StyleFamilies.Of(style);
        foreach (PartRole part in PitchedParts)
            _pitch[part] = default;
        foreach (PartRole part in (PartRole[])[PartRole.Drums, .. PitchedParts])
            _density[part] = new DensityLadder(part);
    }

    public string Style { get; }
    public StyleFamily Family { get; }
    public int Songs { get; private set; }
    public long Bars { get; private set; }

    public PitchFigures Pitch(PartRole part) => _pitch.GetValueOrDefault(part);
    public DensityLadder Density(PartRole part) => _density[part];
    public IReadOnlyDictionary<ulong, BassDownbeat> BassBySeed => _bassBySeed;
    public IReadOnlyDictionary<ulong, DrumFigures> DrumsBySeed => _drumsBySeed;
    public IReadOnlyDictionary<TimeSignature, AccentProfile> Accents => _accents;

    public BassDownbeat Bass => _bassBySeed.Values.Aggregate(default(BassDownbeat), (a, b) => a + b);
    public DrumFigures Drums => _drumsBySeed.Values.Aggregate(default(DrumFigures), (a, b) => a + b);

    /// <summary>The seed whose bass states the chord's bass on beat 1 least often (lowest seed on a tie).</summary>
    public (ulong Seed, Ratio Rate)? WorstBassSeed => Worst(_bassBySeed.Select(kv => (kv.Key, kv.Value.All)));

    /// <summary>The seed with the fewest backbeat bars in 4/4 (lowest seed on a tie).</summary>
    public (ulong Seed, Ratio Rate)? WorstBackbeatSeed => Worst(_drumsBySeed.Select(kv => (kv.Key, kv.Value.Backbeat)));

    public void Add(HeardSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (song.Style != Style)
            throw new ArgumentException($"song '{song.Name}' is {song.Style}, not {Style}", nameof(song));
        ulong seed = song.Seed ?? 0;
        Songs++;
        Bars += song.Bars.Count;
        foreach (PartRole part in PitchedParts)
            _pitch[part] += PitchFigures.Of(song, part);
        foreach (DensityLadder ladder in _density.Values)
            ladder.Add(song);
        _bassBySeed[seed] = _bassBySeed.GetValueOrDefault(seed) + BassDownbeat.Of(song);
        if (song.HasDrums)
            _drumsBySeed[seed] = _drumsBySeed.GetValueOrDefault(seed) + DrumFigures.Of(song);
        foreach (TimeSignature metre in song.Bars.Select(b => b.TimeSignature).Distinct())
        {
            if (!_accents.TryGetValue(metre, out AccentProfile? profile))
                _accents[metre] = profile = new AccentProfile(metre);
            profile.Add(song, includeDrums: StyleFamilies.HasKit(Style));
        }
    }

    private static (ulong, Ratio)? Worst(IEnumerable<(ulong Seed, Ratio Rate)> bySeed)
    {
        (ulong, Ratio)? worst = null;
        foreach (var (seed, rate) in bySeed)
        {
            if (rate.Total > 0 && (worst is null || rate.Value < worst.Value.Item2.Value))
                worst = (seed, rate);
        }
        return worst;
    }
}
