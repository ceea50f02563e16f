using System.Text;

namespace Sideman.Music.Midi.Files;

/// <summary>
/// Reads Standard MIDI Files, format 0, 1 and 2: running status, note-on with velocity 0 as note-off,
/// the tempo, time-signature, key-signature, track-name and end-of-track meta events; other meta events
/// and system-exclusive messages are skipped. Chunks other than MTrk are skipped. Every malformed byte is
/// a <see cref="MidiFileException"/> naming the file and the offset; nothing is read past the data. [main]
/// </summary>
public static class MidiFileReader
{
    /// <summary>Files larger than this are refused before reading (no MIDI file is this big).</summary>
    public const int MaxFileBytes = 64 << 20;

    public static MidiFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] data;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new MidiFileException(path, "file not found");
            if (info.Length > MaxFileBytes)
                throw new MidiFileException(path, $"is {info.Length} bytes, larger than any MIDI file Sideman reads ({MaxFileBytes} bytes)");
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MidiFileException(path, $"cannot be read ({e.Message})", e);
        }
        return Read(data, path);
    }

    /// <summary>Parses a file's bytes; <paramref name="name"/> names it in errors.</summary>
    public static MidiFile Read(ReadOnlySpan<byte> data, string name)
    {
        var c = new MidiByteCursor(data, name);
        if (data.Length < 14 || !data[..4].SequenceEqual("MThd"u8))
        {
            // RIFF-wrapped MIDI (RMID) holds the SMF inside a 'data' chunk.
            if (data.Length >= 20 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("RMID"u8))
                throw c.ErrorAt(0, "this is a RIFF MIDI (.rmi) file; extract the Standard MIDI File inside it");
            throw c.ErrorAt(0, data.Length < 14 ? $"only {data.Length} bytes: too short for a MIDI header" : "does not start with 'MThd': not a Standard MIDI File");
        }
        c.Skip(4, "the header id");
        uint headerLength = c.ReadUInt32("the header length");
        if (headerLength < 6 || headerLength > (uint)(data.Length - 8))
            throw c.ErrorAt(4, $"header length {headerLength} is impossible (6 expected, file is {data.Length} bytes)");
        int format = c.ReadUInt16("the format");
        int declaredTracks = c.ReadUInt16("the track count");
        ushort division = c.ReadUInt16("the division");
        if (format > 2)
            throw c.ErrorAt(8, $"format {format} is unknown (0, 1 or 2)");
        if (division == 0)
            throw c.ErrorAt(12, "the division (ticks per quarter) is 0");
        if ((division & 0x8000) != 0)
        {
            int fps = -(sbyte)(division >> 8);
            if (fps is not (24 or 25 or 29 or 30) || (division & 0xFF) == 0)
                throw c.ErrorAt(12, $"SMPTE division 0x{division:X4} is invalid");
        }
        c.Seek(8 + (int)headerLength);

        var tracks = new List<MidiTrack>(declaredTracks);
        while (c.Remaining >= 8)
        {
            int chunkStart = c.Position;
            ReadOnlySpan<byte> id = c.ReadBytes(4, "a chunk id");
            uint length = c.ReadUInt32("a chunk length");
            if (length > (uint)c.Remaining)
                throw c.ErrorAt(chunkStart + 4, $"chunk '{Printable(id)}' declares {length} bytes but only {c.Remaining} remain (the file is truncated or damaged)");
            int end = c.Position + (int)length;
            if (id.SequenceEqual("MTrk"u8))
            {
                c.Limit(end);
                tracks.Add(ReadTrack(ref c, tracks.Count));
                c.Limit(data.Length);
            }
            c.Seek(end);
        }
        if (tracks.Count == 0)
            throw c.ErrorAt(c.Position, $"the file has no track chunk (the header announces {declaredTracks})");
        if (format == 0 && tracks.Count != 1)
            format = 1; // a format 0 file with more tracks: read it as the tracks it has
        return MidiFile.FromRaw(format, division, tracks);
    }

    private static MidiTrack ReadTrack(ref MidiByteCursor c, int index)
    {
        var events = new List<MidiFileEvent>();
        string? name = null;
        long tick = 0;
        long? endTick = null;
        int status = 0; // running status: the last channel-message status byte, 0 = none yet
        while (!c.AtEnd)
        {
            tick += c.ReadVariableLength("a delta time");
            int at = c.Position;
            byte first = c.ReadByte("a status byte");
            if (first == 0xFF)
            {
                byte type = c.ReadByte("a meta event type");
                int length = c.ReadVariableLength("a meta event length");
                ReadOnlySpan<byte> body = c.ReadBytes(length, $"meta event 0x{type:X2}");
                if (type == 0x2F)
                {
                    endTick = tick;
                    break; // anything after End of Track in the chunk is ignored
                }
                ReadMeta(ref c, at, type, body, tick, events, ref name);
                continue;
            }
            if (first is 0xF0 or 0xF7)
            {
                int length = c.ReadVariableLength("a system-exclusive length");
                c.Skip(length, "a system-exclusive message");
                continue;
            }
            int data1;
            if (first < 0x80)
            {
                if (status == 0)
                    throw c.ErrorAt(at, $"track {index}: data byte 0x{first:X2} with no status before it (running status without a status)");
                data1 = first;
            }
            else if (first >= 0xF0)
            {
                throw c.ErrorAt(at, $"track {index}: status 0x{first:X2} (a system message) does not belong in a MIDI file");
            }
            else
            {
                status = first;
                data1 = c.ReadDataByte("the first data byte");
            }
            int channel = status & 0x0F;
            switch (status >> 4)
            {
                case 0x8:
                    events.Add(new(tick, MidiFileEventKind.NoteOff, channel, data1, c.ReadDataByte("a note-off velocity")));
                    break;
                case 0x9:
                    int velocity = c.ReadDataByte("a note-on velocity");
                    events.Add(new(tick, velocity == 0 ? MidiFileEventKind.NoteOff : MidiFileEventKind.NoteOn, channel, data1, velocity));
                    break;
                case 0xA:
                    events.Add(new(tick, MidiFileEventKind.PolyPressure, channel, data1, c.ReadDataByte("a pressure value")));
                    break;
                case 0xB:
                    events.Add(new(tick, MidiFileEventKind.Controller, channel, data1, c.ReadDataByte("a controller value")));
                    break;
                case 0xC:
                    events.Add(new(tick, MidiFileEventKind.ProgramChange, channel, data1, 0));
                    break;
                case 0xD:
                    events.Add(new(tick, MidiFileEventKind.ChannelPressure, channel, data1, 0));
                    break;
                default: // 0xE: pitch bend, LSB then MSB
                    events.Add(new(tick, MidiFileEventKind.PitchBend, channel, data1 | (c.ReadDataByte("a pitch-bend MSB") << 7), 0));
                    break;
            }
        }
        return new MidiTrack(name, events, endTick);
    }

    private static void ReadMeta(ref MidiByteCursor c, int at, byte type, ReadOnlySpan<byte> body, long tick, List<MidiFileEvent> events, ref string? name)
    {
        switch (type)
        {
            case 0x03:
                name ??= Encoding.Latin1.GetString(body); // SMF text is 8-bit; Latin-1 keeps every byte
                break;
            case 0x51:
                if (body.Length != 3)
                    throw c.ErrorAt(at, $"tempo event has {body.Length} data bytes, 3 expected");
                int micros = (body[0] << 16) | (body[1] << 8) | body[2];
                if (micros == 0)
                    throw c.ErrorAt(at, "tempo event sets 0 microseconds per quarter note");
                events.Add(MidiFileEvent.Tempo(tick, micros));
                break;
            case 0x58:
                if (body.Length < 2)
                    throw c.ErrorAt(at, $"time signature event has {body.Length} data bytes, 4 expected");
                if (body[0] == 0 || body[1] > 6)
                    throw c.ErrorAt(at, $"time signature {body[0]}/2^{body[1]} is invalid");
                events.Add(MidiFileEvent.TimeSignature(tick, body[0], 1 << body[1]));
                break;
            case 0x59:
                if (body.Length != 2)
                    throw c.ErrorAt(at, $"key signature event has {body.Length} data bytes, 2 expected");
                int sharps = (sbyte)body[0];
                if (sharps is < -7 or > 7 || body[1] > 1)
                    throw c.ErrorAt(at, $"key signature ({sharps}, {body[1]}) is invalid");
                events.Add(MidiFileEvent.KeySignature(tick, sharps, body[1] == 1));
                break;
        }
    }

    private static string Printable(ReadOnlySpan<byte> id)
    {
        var sb = new StringBuilder(4);
        foreach (byte b in id)
            sb.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return sb.ToString();
    }
}
