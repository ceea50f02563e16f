using Sideman.Evaluation.Songs;
using Sideman.Model.Decoding;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Metrics;

/// <summary>
/// Density per energy: one part's events (notes or hits) per bar at each energy level 0..4, over the bars of the
/// songs marked <see cref="HeardSong.EnergyLadder"/> (pitched parts skip bars without a chord). It rises when
/// every level plays more than the level below (<see cref="EnergySweepRow.Rises"/>, the rule the energy sweep of
/// `sideman bench` and the shipped-model energy test use).
/// </summary>
public sealed class DensityLadder
{
    public const int Levels = EnergySweep.Levels;

    private readonly long[] _events = new long[Levels];
    private readonly long[] _bars = new long[Levels];

    public DensityLadder(PartRole part) => Part = part;

    public PartRole Part { get; }

    public void Add(HeardSong song)
    {
        ArgumentNullException.ThrowIfNull(song);
        if (!song.EnergyLadder)
            return;
        var events = new long[song.Bars.Count];
        if (Part == PartRole.Drums)
        {
            if (song.Hits is null)
                return;
            foreach (SongHit h in song.Hits)
                events[h.Bar]++;
        }
        else
        {
            if (!song.Notes.TryGetValue(Part, out IReadOnlyList<SongNote>? notes))
                return;
            foreach (SongNote n in notes)
                events[n.Bar]++;
        }
        foreach (SongBar bar in song.Bars)
        {
            if (bar.Energy is < 0 or >= Levels)
                continue;
            if (Part != PartRole.Drums && bar.Chords.All(c => c.Chord.IsNoChord))
                continue;
            _events[bar.Energy] += events[bar.Index];
            _bars[bar.Energy]++;
        }
    }

    /// <summary>Events per bar at each level (NaN for a level with no bars).</summary>
    public double[] EventsPerBar => [.. Enumerable.Range(0, Levels).Select(e => _bars[e] == 0 ? double.NaN : (double)_events[e] / _bars[e])];

    public bool Rises => new EnergySweepRow(Part, EventsPerBar).Rises;
}
