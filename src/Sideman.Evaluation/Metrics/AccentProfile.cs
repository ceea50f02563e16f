using Sideman.Evaluation.Songs;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Metrics;

/// <summary>
/// Accents per position of one metre: for each beat (quarters in x/4, eighths in x/8), the mean weight per bar
/// of the onsets there, weight being the sum of their velocities (so a beat is heavier when more instruments
/// strike it and when they strike harder). Kept per part (drums, bass, keys, pad, arp) and for the band (all
/// parts). Also counts kicks per beat, for where a 6/8 kick falls. A style without a drum kit adds no drums.
/// </summary>
public sealed class AccentProfile
{
    public const string Band = "band";

    private readonly Dictionary<string, double[]> _weights = new(StringComparer.Ordinal);

    public AccentProfile(TimeSignature metre)
    {
        Metre = metre;
        KicksOnBeat = new long[BeatGrid.Beats(metre)];
    }

    public TimeSignature Metre { get; }

    /// <summary>Bars of this metre counted.</summary>
    public long Bars { get; private set; }

    /// <summary>Kicks on each beat (0-based), and all kicks in these bars wherever they fall.</summary>
    public long[] KicksOnBeat { get; }
    public long Kicks { get; private set; }

    /// <summary>The groups with weights: part names and <see cref="Band"/>.</summary>
    public IEnumerable<string> Groups => _weights.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds the bars of this metre of <paramref name="song"/>; its drums only if <paramref name="includeDrums"/>.</summary>
    public void Add(HeardSong song, bool includeDrums)
    {
        ArgumentNullException.ThrowIfNull(song);
        var inMetre = new bool[song.Bars.Count];
        foreach (SongBar b in song.Bars)
        {
            inMetre[b.Index] = b.TimeSignature == Metre;
            Bars += inMetre[b.Index] ? 1 : 0;
        }
        if (includeDrums && song.Hits is { } hits)
        {
            double[] drums = Weights(PartRoles.Name(PartRole.Drums));
            double[] band = Weights(Band);
            foreach (SongHit h in hits)
            {
                if (!inMetre[h.Bar])
                    continue;
                if (h.Drum == DrumClasses.Kick)
                    Kicks++;
                int beat = BeatGrid.BeatAt(h.Tick, Metre);
                if (beat < 0)
                    continue;
                drums[beat] += h.Velocity;
                band[beat] += h.Velocity;
                if (h.Drum == DrumClasses.Kick)
                    KicksOnBeat[beat]++;
            }
        }
        foreach (var (part, notes) in song.Notes)
        {
            double[] own = Weights(PartRoles.Name(part));
            double[] band = Weights(Band);
            foreach (SongNote n in notes)
            {
                int beat = inMetre[n.Bar] ? BeatGrid.BeatAt(n.Tick, Metre) : -1;
                if (beat < 0)
                    continue;
                own[beat] += n.Velocity;
                band[beat] += n.Velocity;
            }
        }
    }

    /// <summary>Mean weight per bar on each beat for a group (zeros when the group never played).</summary>
    public double[] Mean(string group)
    {
        var mean = new double[KicksOnBeat.Length];
        if (Bars > 0 && _weights.TryGetValue(group, out double[]? sum))
        {
            for (int i = 0; i < mean.Length; i++)
                mean[i] = sum[i] / Bars;
        }
        return mean;
    }

    /// <summary>Beat 1 weighs at least as much as every other beat (false when nothing was counted).</summary>
    public bool BeatOneStrongest(string group)
    {
        double[] m = Mean(group);
        return m[0] > 0 && m.Skip(1).All(w => m[0] >= w);
    }

    /// <summary>The share of this metre's kicks that fall on the given 1-based beats.</summary>
    public Ratio KicksOn(params int[] beats) => new(beats.Sum(b => KicksOnBeat[b - 1]), Kicks);

    /// <summary>The given 1-based beats each carry more kicks than every other beat (the kick's pulse is there).</summary>
    public bool KickPulseOn(params int[] beats)
    {
        long weakest = beats.Min(b => KicksOnBeat[b - 1]);
        for (int i = 0; i < KicksOnBeat.Length; i++)
        {
            if (!beats.Contains(i + 1) && KicksOnBeat[i] >= weakest)
                return false;
        }
        return weakest > 0;
    }

    private double[] Weights(string group)
    {
        if (!_weights.TryGetValue(group, out double[]? w))
            _weights[group] = w = new double[KicksOnBeat.Length];
        return w;
    }
}
