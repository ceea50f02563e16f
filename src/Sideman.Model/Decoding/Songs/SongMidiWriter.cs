using Sideman.Music.Midi;
using Sideman.Music.Midi.Files;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// A generated song as a format 1 MIDI file: a conductor track (tempo, time signatures, key) and one
/// track per part with a General MIDI program. Pitched parts are realised over each bar's chords with
/// <see cref="ChordRelativePitch.ToMidi"/> in the part's register (folded by octaves into the instrument's
/// <see cref="PlayableRange"/>); drums play on channel 10. Micro-timing
/// is kept (96 ticks per quarter = the model's 1/96-quarter unit). [main]
/// </summary>
public static class SongMidiWriter
{
    public const int TicksPerQuarter = 96;
    private const int PatternToMidi = TicksPerQuarter / PatternGrid.TicksPerQuarter;
    private const int DrumHitTicks = TicksPerQuarter / 4;

    /// <summary>
    /// (0-based channel, GM program) per part, on Sideman's own channel map (<see cref="BandChannels"/>), so the
    /// file played into the plugin sounds on the band's instruments; the melody is the player's channel.
    /// </summary>
    public static (int Channel, int Program) Voice(PartRole part) => part switch
    {
        PartRole.Drums => (BandChannels.Drums - 1, 0),
        PartRole.Bass => (BandChannels.Bass - 1, 33),    // electric bass (finger)
        PartRole.Keys => (BandChannels.Keys - 1, 0),     // acoustic grand piano
        PartRole.Pad => (BandChannels.Pad - 1, 89),      // pad 2 (warm)
        PartRole.Arp => (BandChannels.Arp - 1, 80),      // lead 1 (square)
        _ => (BandChannels.Player - 1, 73),              // melody: flute
    };

    /// <summary>The notes a part's instrument plays well; a note the model puts outside is moved by octaves into it.</summary>
    public static (int Low, int High) PlayableRange(PartRole part) => part switch
    {
        PartRole.Bass => (28, 67),    // E1 .. G4
        PartRole.Keys => (36, 96),    // C2 .. C7
        PartRole.Pad => (36, 91),
        PartRole.Arp => (43, 103),
        _ => (48, 96),
    };

    public static MidiFile Build(SongPlan plan, IReadOnlyList<GeneratedPart> parts)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parts);
        var tracks = new List<MidiTrack> { Conductor(plan, parts) };
        foreach (GeneratedPart part in parts)
            tracks.Add(PartTrack(part));
        return new MidiFile(1, TicksPerQuarter, tracks);
    }

    private static MidiTrack Conductor(SongPlan plan, IReadOnlyList<GeneratedPart> parts)
    {
        var events = new List<MidiFileEvent>
        {
            MidiFileEvent.Tempo(0, (int)Math.Round(60_000_000.0 / plan.Bpm)),
            MidiFileEvent.KeySignature(0, SharpsOf(plan.KeyTonic), minor: false),
        };
        long tick = 0;
        TimeSignature? current = null;
        foreach (BarConditioning bar in plan.Bars)
        {
            if (current != bar.TimeSignature)
            {
                events.Add(MidiFileEvent.TimeSignature(tick, bar.TimeSignature.Numerator, bar.TimeSignature.Denominator));
                current = bar.TimeSignature;
            }
            tick += bar.TimeSignature.TicksPerBar * PatternToMidi;
        }
        long end = Math.Max(tick, parts.Count == 0 ? 0 : parts.Max(p => EndOf(p)));
        return new MidiTrack("Sideman", events, end);
    }

    private static long EndOf(GeneratedPart part) => part.Bars.Sum(b => (long)b.TimeSignature.TicksPerBar * PatternToMidi);

    private static MidiTrack PartTrack(GeneratedPart part)
    {
        PartRole role = part.Header.Part;
        var (channel, program) = Voice(role);
        var notes = new List<(long Start, long End, int Key, int Velocity)>();
        long barStart = 0;
        foreach (BarPattern bar in part.Bars)
        {
            if (role == PartRole.Drums)
            {
                foreach (DrumEvent h in bar.Hits)
                {
                    long start = Math.Max(0, barStart + h.Tick * PatternToMidi + h.MicroOffset);
                    notes.Add((start, start + DrumHitTicks, h.GmNote, h.Velocity));
                }
            }
            else
            {
                int centre = PartRoles.RegisterCentre(role);
                var (low, high) = PlayableRange(role);
                foreach (PitchedEvent n in bar.Notes)
                {
                    ChordSymbol chord = bar.ChordAt(n.Tick);
                    if (chord.IsNoChord)
                        continue; // N.C.: pitched parts rest
                    int key = n.Pitch.ToMidi(chord, centre);
                    while (key > high)
                        key -= 12;
                    while (key < low)
                        key += 12;
                    long start = Math.Max(0, barStart + n.Tick * PatternToMidi + n.MicroOffset);
                    notes.Add((start, start + Math.Max(1, n.DurationTicks * PatternToMidi), key, n.Velocity));
                }
            }
            barStart += bar.TimeSignature.TicksPerBar * PatternToMidi;
        }

        // One sounding note per key: a new note on a key cuts the previous one; notes on one key at one tick merge.
        notes.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Key.CompareTo(b.Key));
        var lastIndex = new Dictionary<int, int>();
        var kept = new List<(long Start, long End, int Key, int Velocity)>(notes.Count);
        foreach (var n in notes)
        {
            if (lastIndex.TryGetValue(n.Key, out int prev))
            {
                var p = kept[prev];
                if (p.Start == n.Start)
                {
                    kept[prev] = (p.Start, Math.Max(p.End, n.End), p.Key, Math.Max(p.Velocity, n.Velocity));
                    continue;
                }
                if (p.End > n.Start)
                    kept[prev] = (p.Start, n.Start, p.Key, p.Velocity);
            }
            lastIndex[n.Key] = kept.Count;
            kept.Add(n);
        }

        var events = new List<(long Tick, int Order, MidiFileEvent Event)>(2 * kept.Count + 1);
        events.Add((0, -1, MidiFileEvent.Program(0, channel, program)));
        long songEnd = EndOf(part);
        foreach (var note in kept)
        {
            // Notes ring at most to the end of the song, so the file ends where its last bar does.
            if (note.Start >= songEnd)
                continue;
            var n = note with { End = Math.Min(note.End, songEnd) };
            int velocity = Math.Clamp(n.Velocity, 1, 127);
            events.Add((n.Start, 1, MidiFileEvent.NoteOn(n.Start, channel, n.Key, velocity)));
            events.Add((n.End, 0, MidiFileEvent.NoteOff(n.End, channel, n.Key)));
        }
        // At one tick: program first, then note-offs, then note-ons, so a repeated key is released before it sounds again.
        events.Sort((a, b) => a.Tick != b.Tick ? a.Tick.CompareTo(b.Tick) : a.Order != b.Order ? a.Order.CompareTo(b.Order) : a.Event.Data1.CompareTo(b.Event.Data1));
        return new MidiTrack(PartName(role), events.Select(e => e.Event), songEnd);
    }

    private static string PartName(PartRole role) => char.ToUpperInvariant(PartRoles.Name(role)[0]) + PartRoles.Name(role)[1..];

    /// <summary>Sharps (+) or flats (-) of the major key on <paramref name="tonic"/>, the usual spelling (F# major, Db major).</summary>
    private static int SharpsOf(int tonic) => tonic switch
    {
        0 => 0, 7 => 1, 2 => 2, 9 => 3, 4 => 4, 11 => 5, 6 => 6,
        5 => -1, 10 => -2, 3 => -3, 8 => -4, 1 => -5,
        _ => 0,
    };
}
