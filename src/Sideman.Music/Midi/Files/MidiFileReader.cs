using System.Buffers.Binary;
using System.Text;
using NAudio.Midi;
using NAudioEvent = NAudio.Midi.MidiEvent;

namespace Sideman.Music.Midi.Files;

/// <summary>
/// Reads Standard MIDI Files, format 0, 1 and 2, with NAudio's parser (running status, system-exclusive
/// and unknown meta events, note pairing all NAudio's), into Sideman's <see cref="MidiFile"/>: channel
/// messages, a note-on with velocity 0 as a note-off, the tempo, time-signature and key-signature events,
/// the track name and the end of each track. What this layer adds is what Sideman promises its users:
/// every failure, NAudio's included, is a <see cref="MidiFileException"/> naming the file, the byte where
/// reading stopped and what is wrong; the header is checked here first (a .wav, an .rmi, format 3,
/// division 0 get their own words), and meta values MIDI cannot mean (tempo 0, 4/2^9) are refused.
/// NAudio reads the tracks the header announces, and reads past some damage inside a track (a data byte
/// with no status before it, a five-byte delta time, a tempo with two data bytes) as best it can; an
/// escaped system-exclusive packet (0xF7 with a length) it reads up to the next 0xF7. [main]
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
        (int format, ushort division) = ReadHeader(data, name);
        var stream = new MemoryStream(data.ToArray(), writable: false);
        NAudio.Midi.MidiFile parsed;
        try
        {
            parsed = new NAudio.Midi.MidiFile(stream, strictChecking: false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // NAudio says what it met; where it stopped reading is the place to look.
            throw new MidiFileException(name, Math.Min(stream.Position, data.Length), $"not a readable Standard MIDI File ({e.Message})");
        }
        var tracks = new List<MidiTrack>(parsed.Tracks);
        for (int t = 0; t < parsed.Tracks; t++)
            tracks.Add(ReadTrack(parsed.Events[t], t, name));
        if (tracks.Count == 0)
            throw new MidiFileException(name, data.Length, "the file has no track chunk");
        if (format == 0 && tracks.Count != 1)
            format = 1; // a format 0 file with more tracks: read it as the tracks it has
        return MidiFile.FromRaw(format, division, tracks);
    }

    /// <summary>
    /// The 14-byte header, checked before NAudio reads on: these are the mistakes a user makes (a .wav, an
    /// .rmi, a text file), and each gets its own words.
    /// </summary>
    private static (int Format, ushort Division) ReadHeader(ReadOnlySpan<byte> data, string name)
    {
        if (data.Length < 14 || !data[..4].SequenceEqual("MThd"u8))
        {
            if (data.Length >= 20 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("RMID"u8))
                throw new MidiFileException(name, 0, "this is a RIFF MIDI (.rmi) file; extract the Standard MIDI File inside it");
            throw new MidiFileException(name, 0, data.Length < 14
                ? $"only {data.Length} bytes: too short for a MIDI header"
                : "does not start with 'MThd': not a Standard MIDI File");
        }
        uint headerLength = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        if (headerLength < 6 || headerLength > (uint)(data.Length - 8))
            throw new MidiFileException(name, 4, $"header length {headerLength} is impossible (6 expected, file is {data.Length} bytes)");
        int format = BinaryPrimitives.ReadUInt16BigEndian(data[8..]);
        ushort division = BinaryPrimitives.ReadUInt16BigEndian(data[12..]);
        if (format > 2)
            throw new MidiFileException(name, 8, $"format {format} is unknown (0, 1 or 2)");
        if (division == 0)
            throw new MidiFileException(name, 12, "the division (ticks per quarter) is 0");
        if ((division & 0x8000) != 0)
        {
            int fps = -(sbyte)(division >> 8);
            if (fps is not (24 or 25 or 29 or 30) || (division & 0xFF) == 0)
                throw new MidiFileException(name, 12, $"SMPTE division 0x{division:X4} is invalid");
        }
        return (format, division);
    }

    private static MidiTrack ReadTrack(IList<NAudioEvent> source, int index, string name)
    {
        var events = new List<MidiFileEvent>(source.Count);
        string? trackName = null;
        long? endTick = null;
        foreach (NAudioEvent e in source)
        {
            long tick = e.AbsoluteTime;
            int channel = e.Channel - 1; // NAudio numbers channels 1..16
            switch (e)
            {
                case MetaEvent { MetaEventType: MetaEventType.EndTrack }:
                    endTick = tick;
                    break;
                case TempoEvent tempo:
                    if (tempo.MicrosecondsPerQuarterNote <= 0)
                        throw Bad(name, index, tick, "tempo event sets 0 microseconds per quarter note");
                    events.Add(MidiFileEvent.Tempo(tick, tempo.MicrosecondsPerQuarterNote));
                    break;
                case TimeSignatureEvent ts:
                    if (ts.Numerator == 0 || ts.Denominator is < 0 or > 6)
                        throw Bad(name, index, tick, $"time signature {ts.Numerator}/2^{ts.Denominator} is invalid");
                    events.Add(MidiFileEvent.TimeSignature(tick, ts.Numerator, 1 << ts.Denominator));
                    break;
                case KeySignatureEvent key:
                    int sharps = (sbyte)(byte)key.SharpsFlats;
                    if (sharps is < -7 or > 7 || key.MajorMinor is < 0 or > 1)
                        throw Bad(name, index, tick, $"key signature ({sharps}, {key.MajorMinor}) is invalid");
                    events.Add(MidiFileEvent.KeySignature(tick, sharps, key.MajorMinor == 1));
                    break;
                case TextEvent { MetaEventType: MetaEventType.SequenceTrackName } text:
                    trackName ??= Encoding.Latin1.GetString(text.Data); // SMF text is 8-bit; Latin-1 keeps every byte
                    break;
                case NoteEvent note when e.CommandCode == MidiCommandCode.NoteOn:
                    events.Add(note.Velocity == 0
                        ? MidiFileEvent.NoteOff(tick, channel, note.NoteNumber, 0)
                        : MidiFileEvent.NoteOn(tick, channel, note.NoteNumber, note.Velocity));
                    break;
                case NoteEvent note when e.CommandCode == MidiCommandCode.NoteOff:
                    events.Add(MidiFileEvent.NoteOff(tick, channel, note.NoteNumber, note.Velocity));
                    break;
                case NoteEvent pressure when e.CommandCode == MidiCommandCode.KeyAfterTouch:
                    events.Add(new(tick, MidiFileEventKind.PolyPressure, channel, pressure.NoteNumber, pressure.Velocity));
                    break;
                case ControlChangeEvent cc:
                    events.Add(MidiFileEvent.Controller(tick, channel, (int)cc.Controller, cc.ControllerValue));
                    break;
                case PatchChangeEvent patch:
                    events.Add(MidiFileEvent.Program(tick, channel, patch.Patch));
                    break;
                case ChannelAfterTouchEvent pressure:
                    events.Add(new(tick, MidiFileEventKind.ChannelPressure, channel, pressure.AfterTouchPressure, 0));
                    break;
                case PitchWheelChangeEvent bend:
                    events.Add(new(tick, MidiFileEventKind.PitchBend, channel, bend.Pitch, 0));
                    break;
                // System-exclusive messages and the other meta events are not Sideman's business.
            }
            if (endTick is not null)
                break; // anything after End of Track in the chunk is ignored
        }
        return new MidiTrack(trackName, events, endTick);
    }

    private static MidiFileException Bad(string name, int track, long tick, string problem) =>
        new(name, $"track {track}, tick {tick}: {problem}");
}
