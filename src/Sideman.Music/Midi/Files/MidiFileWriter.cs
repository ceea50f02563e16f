using System.Text;
using NAudio.Midi;
using NAudioEvent = NAudio.Midi.MidiEvent;

namespace Sideman.Music.Midi.Files;

/// <summary>
/// Writes Standard MIDI Files with NAudio: the header, then each track with its name, its events and End
/// of Track. Events go out in the track's order (by tick; events at one tick in the order they were
/// given, <see cref="MidiTrack"/>), so the same file gives the same bytes. Values that MIDI cannot hold
/// are refused with the track and event named, before anything is written. [main]
/// </summary>
public static class MidiFileWriter
{
    public static void Write(string path, MidiFile file)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes = ToBytes(file, path);
        try
        {
            string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
                Directory.CreateDirectory(dir);
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MidiFileException(path, $"cannot be written ({e.Message})", e);
        }
    }

    public static void Write(Stream stream, MidiFile file, string name = "(stream)")
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(file, name));
    }

    public static byte[] ToBytes(MidiFile file, string name = "(memory)")
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.TicksPerQuarter == 0)
            throw new MidiFileException(name, $"cannot write a file that counts SMPTE frames (division 0x{file.RawDivision:X4})");
        var collection = new MidiEventCollection(file.Format, file.TicksPerQuarter);
        for (int t = 0; t < file.Tracks.Count; t++)
            collection.AddTrack(TrackEvents(file.Tracks[t], t, name));
        // No PrepareForExport: it would re-sort (metas first at a tick) and drop empty tracks; ours are in order.
        var output = new MemoryStream();
        NAudio.Midi.MidiFile.Export(output, collection);
        return output.ToArray();
    }

    private static List<NAudioEvent> TrackEvents(MidiTrack track, int index, string name)
    {
        var events = new List<NAudioEvent>(track.Events.Count + 2);
        if (track.Name is { } trackName)
            events.Add(new RawMetaEvent(MetaEventType.SequenceTrackName, 0, Encoding.Latin1.GetBytes(trackName)));
        long previous = 0;
        foreach (MidiFileEvent e in track.Events)
        {
            if (e.Tick - previous > 0x0FFFFFFF)
                throw Bad(index, e, name, $"the time from the previous event ({e.Tick - previous} ticks) does not fit a MIDI delta time");
            previous = e.Tick;
            events.Add(e.IsMeta ? MetaEventOf(e, index, name) : ChannelEventOf(e, index, name));
        }
        if (track.EndTick - previous > 0x0FFFFFFF)
            throw Bad(index, default, name, $"the time to the end of the track ({track.EndTick - previous} ticks) does not fit a MIDI delta time");
        events.Add(new MetaEvent(MetaEventType.EndTrack, 0, track.EndTick));
        return events;
    }

    private static NAudioEvent ChannelEventOf(MidiFileEvent e, int index, string name)
    {
        Check(e.Channel, 0, 15, "channel", index, e, name);
        int channel = e.Channel + 1; // NAudio numbers channels 1..16
        if (e.Kind == MidiFileEventKind.PitchBend)
        {
            Check(e.Data1, 0, 16383, "pitch bend", index, e, name);
            return new PitchWheelChangeEvent(e.Tick, channel, e.Data1);
        }
        Check(e.Data1, 0, 127, "first data byte", index, e, name);
        if (e.Kind is not (MidiFileEventKind.ProgramChange or MidiFileEventKind.ChannelPressure))
            Check(e.Data2, 0, 127, "second data byte", index, e, name);
        return e.Kind switch
        {
            MidiFileEventKind.NoteOn when e.Data2 == 0 =>
                throw Bad(index, e, name, "a note-on needs a velocity of 1..127 (velocity 0 would read back as a note-off)"),
            MidiFileEventKind.NoteOn => new NoteEvent(e.Tick, channel, MidiCommandCode.NoteOn, e.Data1, e.Data2),
            MidiFileEventKind.NoteOff => new NoteEvent(e.Tick, channel, MidiCommandCode.NoteOff, e.Data1, e.Data2),
            MidiFileEventKind.PolyPressure => new NoteEvent(e.Tick, channel, MidiCommandCode.KeyAfterTouch, e.Data1, e.Data2),
            MidiFileEventKind.Controller => new ControlChangeEvent(e.Tick, channel, (MidiController)e.Data1, e.Data2),
            MidiFileEventKind.ProgramChange => new PatchChangeEvent(e.Tick, channel, e.Data1),
            MidiFileEventKind.ChannelPressure => new ChannelAfterTouchEvent(e.Tick, channel, e.Data1),
            _ => throw Bad(index, e, name, "unknown event kind"),
        };
    }

    private static NAudioEvent MetaEventOf(MidiFileEvent e, int index, string name)
    {
        switch (e.Kind)
        {
            case MidiFileEventKind.Tempo:
                Check(e.Data1, 1, 0xFFFFFF, "tempo (microseconds per quarter)", index, e, name);
                return new TempoEvent(e.Data1, e.Tick);
            case MidiFileEventKind.TimeSignature:
                Check(e.Data1, 1, 255, "time signature numerator", index, e, name);
                int power = System.Numerics.BitOperations.Log2((uint)Math.Max(1, e.Data2));
                if (e.Data2 < 1 || (1 << power) != e.Data2 || power > 6)
                    throw Bad(index, e, name, $"time signature denominator {e.Data2} is not a power of two up to 64");
                return new TimeSignatureEvent(e.Tick, e.Data1, power, 24, 8);
            default: // KeySignature
                Check(e.Data1, -7, 7, "key signature sharps/flats", index, e, name);
                Check(e.Data2, 0, 1, "key signature mode", index, e, name);
                return new KeySignatureEvent(e.Data1, e.Data2, e.Tick);
        }
    }

    private static void Check(int value, int min, int max, string what, int index, MidiFileEvent e, string name)
    {
        if (value < min || value > max)
            throw Bad(index, e, name, $"{what} {value} is outside {min}..{max}");
    }

    private static MidiFileException Bad(int index, MidiFileEvent e, string name, string problem) =>
        new(name, $"cannot write track {index}, event {e}: {problem}");
}
