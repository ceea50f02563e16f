using System.Buffers.Binary;
using System.Text;

namespace Sideman.Music.Midi.Files;

/// <summary>
/// Writes Standard MIDI Files: the header, then each track with its name, events (running status for
/// channel messages) and End of Track. Values that MIDI cannot hold are refused with the track and event
/// named, before anything is written. [main]
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
        var output = new MemoryStream();
        Span<byte> header = stackalloc byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 6);
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], (ushort)file.Format);
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)file.Tracks.Count);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], file.RawDivision);
        output.Write(header);
        for (int t = 0; t < file.Tracks.Count; t++)
            WriteTrack(output, file.Tracks[t], t, name);
        return output.ToArray();
    }

    private static void WriteTrack(MemoryStream output, MidiTrack track, int index, string name)
    {
        var body = new MemoryStream();
        long tick = 0;
        int status = 0;
        if (track.Name is { } trackName)
        {
            body.WriteByte(0); // delta 0
            WriteMeta(body, 0x03, Encoding.Latin1.GetBytes(trackName));
        }
        foreach (MidiFileEvent e in track.Events)
        {
            WriteVariableLength(body, e.Tick - tick, index, e, name);
            tick = e.Tick;
            if (e.IsMeta)
            {
                WriteMetaEvent(body, e, index, name);
                status = 0; // meta events cancel running status, as the spec says
                continue;
            }
            Check(e.Channel, 0, 15, "channel", index, e, name);
            int s = e.Kind switch
            {
                MidiFileEventKind.NoteOff => 0x80,
                MidiFileEventKind.NoteOn => 0x90,
                MidiFileEventKind.PolyPressure => 0xA0,
                MidiFileEventKind.Controller => 0xB0,
                MidiFileEventKind.ProgramChange => 0xC0,
                MidiFileEventKind.ChannelPressure => 0xD0,
                MidiFileEventKind.PitchBend => 0xE0,
                _ => throw Bad(index, e, name, "unknown event kind"),
            } | e.Channel;
            if (s != status)
            {
                body.WriteByte((byte)s);
                status = s;
            }
            if (e.Kind == MidiFileEventKind.PitchBend)
            {
                Check(e.Data1, 0, 16383, "pitch bend", index, e, name);
                body.WriteByte((byte)(e.Data1 & 0x7F));
                body.WriteByte((byte)(e.Data1 >> 7));
                continue;
            }
            Check(e.Data1, 0, 127, "first data byte", index, e, name);
            body.WriteByte((byte)e.Data1);
            if (e.Kind is not (MidiFileEventKind.ProgramChange or MidiFileEventKind.ChannelPressure))
            {
                Check(e.Data2, 0, 127, "second data byte", index, e, name);
                if (e.Kind == MidiFileEventKind.NoteOn && e.Data2 == 0)
                    throw Bad(index, e, name, "a note-on needs a velocity of 1..127 (velocity 0 would read back as a note-off)");
                body.WriteByte((byte)e.Data2);
            }
        }
        WriteVariableLength(body, track.EndTick - tick, index, default, name);
        WriteMeta(body, 0x2F, []);

        Span<byte> chunk = stackalloc byte[8];
        "MTrk"u8.CopyTo(chunk);
        BinaryPrimitives.WriteUInt32BigEndian(chunk[4..], checked((uint)body.Length));
        output.Write(chunk);
        body.Position = 0;
        body.CopyTo(output);
    }

    private static void WriteMetaEvent(MemoryStream body, MidiFileEvent e, int index, string name)
    {
        switch (e.Kind)
        {
            case MidiFileEventKind.Tempo:
                Check(e.Data1, 1, 0xFFFFFF, "tempo (microseconds per quarter)", index, e, name);
                WriteMeta(body, 0x51, [(byte)(e.Data1 >> 16), (byte)(e.Data1 >> 8), (byte)e.Data1]);
                break;
            case MidiFileEventKind.TimeSignature:
                Check(e.Data1, 1, 255, "time signature numerator", index, e, name);
                int power = System.Numerics.BitOperations.Log2((uint)Math.Max(1, e.Data2));
                if (e.Data2 < 1 || (1 << power) != e.Data2 || power > 6)
                    throw Bad(index, e, name, $"time signature denominator {e.Data2} is not a power of two up to 64");
                WriteMeta(body, 0x58, [(byte)e.Data1, (byte)power, 24, 8]);
                break;
            default: // KeySignature
                Check(e.Data1, -7, 7, "key signature sharps/flats", index, e, name);
                Check(e.Data2, 0, 1, "key signature mode", index, e, name);
                WriteMeta(body, 0x59, [(byte)(sbyte)e.Data1, (byte)e.Data2]);
                break;
        }
    }

    private static void WriteMeta(MemoryStream body, byte type, ReadOnlySpan<byte> data)
    {
        body.WriteByte(0xFF);
        body.WriteByte(type);
        WriteLength(body, data.Length);
        body.Write(data);
    }

    private static void WriteVariableLength(MemoryStream body, long value, int index, MidiFileEvent e, string name)
    {
        if (value is < 0 or > 0x0FFFFFFF)
            throw Bad(index, e, name, $"the time from the previous event ({value} ticks) does not fit a MIDI delta time");
        WriteLength(body, (int)value);
    }

    private static void WriteLength(MemoryStream body, int value)
    {
        Span<byte> buffer = stackalloc byte[4];
        int n = 0;
        buffer[n++] = (byte)(value & 0x7F);
        while ((value >>= 7) > 0)
            buffer[n++] = (byte)((value & 0x7F) | 0x80);
        for (int i = n - 1; i >= 0; i--)
            body.WriteByte(buffer[i]);
    }

    private static void Check(int value, int min, int max, string what, int index, MidiFileEvent e, string name)
    {
        if (value < min || value > max)
            throw Bad(index, e, name, $"{what} {value} is outside {min}..{max}");
    }

    private static MidiFileException Bad(int index, MidiFileEvent e, string name, string problem) =>
        new(name, $"cannot write track {index}, event {e}: {problem}");
}
