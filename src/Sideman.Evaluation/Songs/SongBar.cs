using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// One bar of a song under evaluation: its index, where it starts (pattern ticks from the song's start,
/// <see cref="PatternGrid.TicksPerQuarter"/> per quarter), metre, energy level 0..4 (-1 when unknown, as for
/// human recordings) and chords (empty when unknown).
/// </summary>
public sealed record SongBar(int Index, long Start, TimeSignature TimeSignature, int Energy, BarChord[] Chords)
{
    public int Length => TimeSignature.TicksPerBar;

    /// <summary>The chord sounding at <paramref name="tick"/> of this bar (N.C. when the bar has none).</summary>
    public ChordSymbol ChordAt(int tick)
    {
        var chord = ChordSymbol.NoChord;
        foreach (BarChord c in Chords)
        {
            if (c.Tick > tick)
                break;
            chord = c.Chord;
        }
        return chord;
    }
}
