using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// A generated song as heard: pitched notes realised over the chord at their onset exactly as
/// <see cref="SongMidiWriter"/> writes them (<see cref="ChordRelativePitch.ToMidi"/> in the part's register),
/// every onset at its grid tick plus its micro-timing offset.
/// </summary>
public static class GeneratedSongReader
{
    public static HeardSong Read(string name, SongPlan plan, IReadOnlyList<GeneratedPart> parts, ulong seed, DrumClasses drums, bool energyLadder = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(drums);
        var bars = new SongBar[plan.Bars.Count];
        long start = 0;
        for (int i = 0; i < bars.Length; i++)
        {
            BarConditioning c = plan.Bars[i];
            bars[i] = new SongBar(i, start, c.TimeSignature, c.Energy, c.Chords.ToArray());
            start += c.TimeSignature.TicksPerBar;
        }
        List<SongHit>? hits = null;
        var notes = new Dictionary<PartRole, IReadOnlyList<SongNote>>();
        foreach (GeneratedPart part in parts)
        {
            PartRole role = part.Header.Part;
            if (role == PartRole.Drums)
                hits = Hits(bars, part.Bars, drums);
            else
                notes[role] = Notes(bars, part.Bars, role);
        }
        return new HeardSong(name, plan.Style, seed, plan.KeyTonic, bars, hits, notes, energyLadder);
    }

    private static List<SongHit> Hits(SongBar[] bars, IReadOnlyList<BarPattern> patterns, DrumClasses drums)
    {
        var hits = new List<SongHit>();
        for (int b = 0; b < patterns.Count && b < bars.Length; b++)
        {
            foreach (DrumEvent h in patterns[b].Hits)
            {
                string? drum = drums.Of(h.GmNote);
                long at = BeatGrid.Snap(bars[b].Start + h.Tick + (double)h.MicroOffset / PatternGrid.MicroUnitsPerTick);
                int bar = HeardSong.BarAt(bars, at);
                if (drum is not null && bar >= 0)
                    hits.Add(new SongHit(bar, (int)(at - bars[bar].Start), drum, h.Velocity));
            }
        }
        return hits;
    }

    private static List<SongNote> Notes(SongBar[] bars, IReadOnlyList<BarPattern> patterns, PartRole role)
    {
        var notes = new List<SongNote>();
        int centre = PartRoles.RegisterCentre(role);
        for (int b = 0; b < patterns.Count && b < bars.Length; b++)
        {
            BarPattern pattern = patterns[b];
            foreach (PitchedEvent n in pattern.Notes)
            {
                ChordSymbol chord = pattern.ChordAt(n.Tick);
                if (chord.IsNoChord)
                    continue; // N.C.: the part rests (SongMidiWriter writes nothing)
                double onset = bars[b].Start + n.Tick + (double)n.MicroOffset / PatternGrid.MicroUnitsPerTick;
                long at = BeatGrid.Snap(onset);
                int bar = HeardSong.BarAt(bars, at);
                if (bar < 0)
                    continue;
                int pitchClass = ((n.Pitch.ToMidi(chord, centre) % 12) + 12) % 12;
                notes.Add(new SongNote(bar, (int)(at - bars[bar].Start), onset, onset + n.DurationTicks, pitchClass, n.Velocity, chord));
            }
        }
        notes.Sort((x, y) => x.Start.CompareTo(y.Start));
        return notes;
    }
}
