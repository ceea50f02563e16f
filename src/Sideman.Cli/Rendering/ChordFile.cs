using Sideman.Music.Midi;
using Sideman.Music.Midi.Files;
using Sideman.Music.Time;

namespace Sideman.Cli.Rendering;

/// <summary>
/// The chords a user plays, read from a MIDI file: its notes and sustain pedal on every channel (in musical time:
/// quarters, so they land on the render's bars at any tempo), its first tempo and metre, and its length. [main]
/// </summary>
internal sealed class ChordFile
{
    private readonly List<(double Quarter, MidiEvent Event)> _events;

    private ChordFile(List<(double, MidiEvent)> events, double? tempo, TimeSignature? signature, double length)
    {
        _events = events;
        Tempo = tempo;
        Signature = signature;
        LengthQuarters = length;
    }

    public double? Tempo { get; }
    public TimeSignature? Signature { get; }
    public double LengthQuarters { get; }

    /// <summary>Reads <paramref name="path"/>; MidiFileException or FormatException say what is wrong with it.</summary>
    public static ChordFile Read(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"the chords file {path} does not exist");
        MidiFile file = MidiFileReader.Read(path);
        if (file.TicksPerQuarter <= 0)
            throw new FormatException($"{path} counts time in SMPTE frames; save it with ticks per quarter note");
        double tpq = file.TicksPerQuarter;
        var events = new List<(double, MidiEvent)>();
        double? tempo = null;
        TimeSignature? signature = null;
        long end = 0;
        int notes = 0;
        foreach (MidiTrack track in file.Tracks)
        {
            end = Math.Max(end, track.EndTick);
            foreach (MidiFileEvent e in track.Events)
            {
                double quarter = e.Tick / tpq;
                switch (e.Kind)
                {
                    case MidiFileEventKind.NoteOn:
                        events.Add((quarter, MidiEvent.NoteOn(0, e.Data1, e.Data2 / 127f, e.Channel)));
                        notes++;
                        break;
                    case MidiFileEventKind.NoteOff:
                        events.Add((quarter, MidiEvent.NoteOff(0, e.Data1, 0, e.Channel)));
                        break;
                    case MidiFileEventKind.Controller when e.Data1 == MidiControllers.SustainPedal:
                        events.Add((quarter, MidiEvent.Controller(0, e.Data1, e.Data2 / 127f, e.Channel)));
                        break;
                    case MidiFileEventKind.Tempo when tempo is null && e.Data1 > 0:
                        tempo = Math.Clamp(e.Bpm, 20, 999);
                        break;
                    case MidiFileEventKind.TimeSignature when signature is null && TimeSignature.IsValid(e.Data1, e.Data2):
                        signature = new TimeSignature(e.Data1, e.Data2);
                        break;
                }
            }
        }
        if (notes == 0)
            throw new FormatException($"{path} holds no notes: play the chords on channel 1 (or any channel but the band's 2-5 and 10)");
        // Note-offs before note-ons at one time, so a repeated chord is released before it sounds again.
        var ordered = events.Select((e, i) => (e, i))
            .OrderBy(x => x.e.Item1).ThenBy(x => x.e.Item2.Kind == MidiEventKind.NoteOn ? 1 : 0).ThenBy(x => x.i)
            .Select(x => x.e).ToList();
        return new ChordFile(ordered, tempo, signature, end / tpq);
    }

    /// <summary>The events at absolute samples for a render at <paramref name="samplesPerQuarter"/>.</summary>
    public IReadOnlyList<(long Sample, MidiEvent Event)> Events(double samplesPerQuarter) =>
        _events.Select(e => ((long)Math.Round(e.Quarter * samplesPerQuarter), e.Event)).ToList();
}
