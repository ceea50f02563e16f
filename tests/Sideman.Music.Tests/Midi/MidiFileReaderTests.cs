using Sideman.Music.Midi.Files;

namespace Sideman.Music.Tests.Midi;

/// <summary>
/// The SMF reader (NAudio's parser under Sideman's layer) on hand-assembled bytes: every feature it claims,
/// and clear errors naming the file, the byte where reading stopped and what is wrong.
/// </summary>
public sealed class MidiFileReaderTests
{
    private static MidiFile Read(byte[] bytes) => MidiFileReader.Read(bytes, "test.mid");

    [Fact]
    public void Reads_running_status_and_note_on_velocity_zero_as_note_off()
    {
        byte[] track = Smf.Track(
            0x00, 0x90, 60, 100,   // note on C4
            0x10, 64, 90,          // running status: note on E4 at +16
            0x10, 60, 0,           // running status, velocity 0: C4 off
            0x00, 0x80, 64, 40,    // explicit note off E4 with release velocity
            0x05, 0xB3, 7, 99,     // controller on channel 3
            0x00, 0xC3, 33,        // program change, one data byte
            0x00, 0xD3, 70,        // channel pressure
            0x00, 0xE3, 0x00, 0x40,// pitch bend centre (LSB 0, MSB 64 = 8192)
            0x00, 0xA3, 60, 5);    // poly pressure
        MidiFile f = Read(Smf.File(0, 96, track));
        Assert.Equal(0, f.Format);
        Assert.Equal(96, f.TicksPerQuarter);
        MidiFileEvent[] e = [.. f.Tracks[0].Events];
        Assert.Equal(
        [
            MidiFileEvent.NoteOn(0, 0, 60, 100),
            MidiFileEvent.NoteOn(16, 0, 64, 90),
            MidiFileEvent.NoteOff(32, 0, 60, 0),
            MidiFileEvent.NoteOff(32, 0, 64, 40),
            MidiFileEvent.Controller(37, 3, 7, 99),
            MidiFileEvent.Program(37, 3, 33),
            new(37, MidiFileEventKind.ChannelPressure, 3, 70, 0),
            new(37, MidiFileEventKind.PitchBend, 3, 8192, 0),
            new(37, MidiFileEventKind.PolyPressure, 3, 60, 5),
        ], e);
        Assert.Equal(37, f.Tracks[0].EndTick);
    }

    [Fact]
    public void Reads_the_meta_events_and_skips_sysex_and_other_metas()
    {
        byte[] track = Smf.Track(
            0x00, 0xFF, 0x03, 0x04, (byte)'B', (byte)'a', (byte)'s', (byte)'s',   // track name
            0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20,                          // tempo 500000 = 120 BPM
            0x00, 0xFF, 0x58, 0x04, 0x06, 0x03, 0x24, 0x08,                    // 6/8
            0x00, 0xFF, 0x59, 0x02, 0xFD, 0x01,                                // 3 flats, minor
            0x00, 0xF0, 0x03, 0x7E, 0x7F, 0xF7,                                // sysex, skipped
            0x00, 0xFF, 0x01, 0x02, (byte)'h', (byte)'i',                      // text, skipped
            0x00, 0x91, 40, 80,
            0x60, 40, 0);                                                      // running status
        MidiFile f = Read(Smf.File(1, 480, track));
        MidiTrack t = f.Tracks[0];
        Assert.Equal("Bass", t.Name);
        Assert.Equal(
        [
            MidiFileEvent.Tempo(0, 500000),
            MidiFileEvent.TimeSignature(0, 6, 8),
            MidiFileEvent.KeySignature(0, -3, minor: true),
            MidiFileEvent.NoteOn(0, 1, 40, 80),
            MidiFileEvent.NoteOff(96, 1, 40, 0),
        ], t.Events);
        Assert.Equal(120.0, t.Events[0].Bpm, 9);
    }

    [Fact]
    public void Reads_several_tracks_and_keeps_bytes_after_end_of_track_out()
    {
        byte[] a = Smf.Track(0x00, 0x90, 60, 1, 0x08, 0x80, 60, 0);
        byte[] b = [.. Smf.Track(0x00, 0x99, 36, 100), 0x00, 0x99, 38, 100]; // junk after End of Track
        MidiFile f = Read(Smf.File(1, 96, a, b));
        Assert.Equal(2, f.Tracks.Count);
        Assert.Single(f.Tracks[1].Events);
        Assert.Equal(9, f.Tracks[1].Events[0].Channel);
        Assert.Equal(0, f.Tracks[1].EndTick);
    }

    [Fact]
    public void Meta_events_come_before_channel_messages_at_one_tick()
    {
        // A tempo change written after a note at the same tick: the track holds (and NAudio writes) the meta first.
        MidiFile f = Read(Smf.File(0, 96, Smf.Track(0x00, 0x90, 60, 100, 0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x10, 0x80, 60, 0)));
        Assert.Equal([MidiFileEvent.Tempo(0, 500000), MidiFileEvent.NoteOn(0, 0, 60, 100), MidiFileEvent.NoteOff(16, 0, 60, 0)], f.Tracks[0].Events);
        MidiFile back = Read(MidiFileWriter.ToBytes(f));
        Assert.Equal(f.Tracks[0].Events, back.Tracks[0].Events);
    }

    [Fact]
    public void Reads_an_smpte_division_and_a_track_without_end_of_track()
    {
        byte[] bytes = Smf.File(0, 0xE728, [0x00, 0x90, 60, 1, 0x08, 0x80, 60, 0]); // -25 fps, 40 ticks per frame
        MidiFile f = Read(bytes);
        Assert.Equal(0, f.TicksPerQuarter);
        Assert.Equal(0xE728, f.RawDivision);
        Assert.Equal(8, f.Tracks[0].EndTick);
    }

    /// <summary>What Sideman's layer checks itself, before NAudio reads on: the header, and meta values MIDI cannot mean.</summary>
    public static TheoryData<string, byte[], long, string> Refused => new()
    {
        { "not MIDI", "RIFF....WAVEfmt "u8.ToArray(), 0, "MThd" },
        { "short", "MThd"u8.ToArray(), 0, "too short" },
        { "format 3", [.. "MThd"u8.ToArray(), 0, 0, 0, 6, 0, 3, 0, 1, 0, 96], 8, "format 3" },
        { "division 0", [.. "MThd"u8.ToArray(), 0, 0, 0, 6, 0, 1, 0, 1, 0, 0], 12, "division" },
        { "bad SMPTE division", [.. "MThd"u8.ToArray(), 0, 0, 0, 6, 0, 1, 0, 1, 0xE5, 40], 12, "SMPTE division" },
        { "no tracks", Smf.File(1, 96), 14, "no track chunk" },
        { "bad time signature", Smf.File(1, 96, Smf.Track(0x00, 0xFF, 0x58, 0x04, 4, 9, 24, 8)), -1, "track 0, tick 0: time signature 4/2^9" },
        { "tempo 0", Smf.File(1, 96, Smf.Track(0x10, 0xFF, 0x51, 0x03, 0, 0, 0)), -1, "track 0, tick 16: tempo event sets 0" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_sideman_checks_is_a_clear_error_with_file_and_place(string what, byte[] bytes, long offset, string message)
    {
        var e = Assert.Throws<MidiFileException>(() => Read(bytes));
        Assert.Equal(offset, e.Offset);
        Assert.Contains("test.mid", e.Message);
        if (offset >= 0)
            Assert.Contains($"at byte {offset}", e.Message);
        Assert.Contains(message, e.Message);
        Assert.False(string.IsNullOrEmpty(what));
    }

    /// <summary>Damage NAudio's parser meets: the chunk and event bytes; the error says where it stopped reading.</summary>
    public static TheoryData<string, byte[]> Damaged => new()
    {
        { "chunk past end", [.. Smf.File(1, 96, Smf.Track(0x00, 0x90, 60, 100))[..^2]] },
        { "event past chunk", Smf.File(1, 96, [0x00, 0x90, 60]) },
        { "status as data", Smf.File(1, 96, Smf.Track(0x00, 0x90, 0x90, 100)) },
        { "not a track chunk", [.. Smf.File(1, 96)[..10], 0, 1, 0, 96, .. Smf.Chunk("XYZW", [1, 2, 3])] },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void Damage_is_a_clear_error_with_file_and_offset(string what, byte[] bytes)
    {
        var e = Assert.Throws<MidiFileException>(() => Read(bytes));
        Assert.InRange(e.Offset, 14, bytes.Length);
        Assert.Contains($"MIDI file test.mid: at byte {e.Offset}: not a readable Standard MIDI File (", e.Message);
        Assert.False(string.IsNullOrEmpty(what));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(Path.GetTempPath(), "sideman-no-such-file.mid");
        var e = Assert.Throws<MidiFileException>(() => MidiFileReader.Read(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Every_truncation_of_a_valid_file_is_refused_or_read_never_crashes()
    {
        byte[] full = Smf.File(1, 96,
            Smf.Track(0x00, 0xFF, 0x03, 0x01, (byte)'x', 0x00, 0xFF, 0x51, 0x03, 0x07, 0xA1, 0x20, 0x00, 0x90, 60, 100, 0x60, 60, 0),
            Smf.Track(0x00, 0x99, 36, 100, 0x18, 0x89, 36, 0));
        for (int n = 0; n < full.Length; n++)
        {
            try
            {
                Read(full[..n]);
            }
            catch (MidiFileException e)
            {
                Assert.InRange(e.Offset, -1, n); // -1: a value in a track, named by track and tick
                Assert.Contains("test.mid", e.Message);
            }
        }
    }
}
