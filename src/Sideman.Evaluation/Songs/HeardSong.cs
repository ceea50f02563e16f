using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// A song as the metrics read it, whoever played it: the generator (<see cref="GeneratedSongReader"/>) or a
/// drummer of the Groove corpus (<see cref="Human.GrooveSongReader"/>). Bars in order; drum hits and each
/// pitched part's notes in time order. <see cref="Seed"/> is null for human playing, <see cref="KeyTonic"/>
/// -1 when the key is unknown. <see cref="EnergyLadder"/> marks the songs whose bars count for density per
/// energy (the same chart at each level, so levels compare like with like).
/// </summary>
public sealed class HeardSong
{
    public HeardSong(string name, string style, ulong? seed, int keyTonic, IReadOnlyList<SongBar> bars, IReadOnlyList<SongHit>? hits,
                     IReadOnlyDictionary<PartRole, IReadOnlyList<SongNote>> notes, bool energyLadder = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(style);
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(notes);
        if (keyTonic is < -1 or > 11)
            throw new ArgumentOutOfRangeException(nameof(keyTonic), keyTonic, "key tonic must be a pitch class 0..11 or -1");
        for (int i = 0; i < bars.Count; i++)
        {
            if (bars[i].Index != i || (i > 0 && bars[i].Start != bars[i - 1].Start + bars[i - 1].Length))
                throw new ArgumentException($"bar {i} is out of order: bars must be numbered 0.. and follow each other", nameof(bars));
        }
        if (notes.Keys.Any(p => !PartRoles.IsPitched(p)))
            throw new ArgumentException("drums are hits, not notes", nameof(notes));
        if (hits is not null && hits.Any(h => (uint)h.Bar >= (uint)bars.Count || (uint)h.Tick >= (uint)bars[h.Bar].Length))
            throw new ArgumentException("a hit lies outside the song's bars", nameof(hits));
        if (notes.Values.Any(list => list.Any(n => (uint)n.Bar >= (uint)bars.Count || (uint)n.Tick >= (uint)bars[n.Bar].Length)))
            throw new ArgumentException("a note lies outside the song's bars", nameof(notes));
        Name = name;
        Style = style;
        Seed = seed;
        KeyTonic = keyTonic;
        Bars = bars;
        Hits = hits;
        Notes = notes;
        EnergyLadder = energyLadder;
    }

    public string Name { get; }
    public string Style { get; }
    public ulong? Seed { get; }
    public int KeyTonic { get; }
    public IReadOnlyList<SongBar> Bars { get; }

    /// <summary>The drum part's hits, or null when the song has no drum part.</summary>
    public IReadOnlyList<SongHit>? Hits { get; }

    /// <summary>Each pitched part's notes.</summary>
    public IReadOnlyDictionary<PartRole, IReadOnlyList<SongNote>> Notes { get; }

    public bool EnergyLadder { get; }

    public bool HasDrums => Hits is not null;

    /// <summary>The bar a snapped position (pattern ticks from the song's start) falls in, or -1 outside the song.</summary>
    public static int BarAt(IReadOnlyList<SongBar> bars, long position)
    {
        int lo = 0, hi = bars.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            SongBar b = bars[mid];
            if (position < b.Start)
                hi = mid - 1;
            else if (position >= b.Start + b.Length)
                lo = mid + 1;
            else
                return mid;
        }
        return -1;
    }
}
