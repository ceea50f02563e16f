using Sideman.Music.Midi.Files;
using Xunit.Abstractions;

namespace Sideman.Music.Tests.Midi;

/// <summary>Writer then reader gives back the same file, for built files and for every real corpus file.</summary>
public sealed class MidiFileRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void A_built_format_1_file_round_trips_exactly()
    {
        var conductor = new MidiTrack("Song", [MidiFileEvent.Tempo(0, 500000), MidiFileEvent.TimeSignature(0, 4, 4),
            MidiFileEvent.KeySignature(0, 2, minor: false), MidiFileEvent.Tempo(384, 428571), MidiFileEvent.TimeSignature(384, 7, 8)], endTick: 1000);
        var bass = new MidiTrack("Bass", [MidiFileEvent.Program(0, 0, 33), MidiFileEvent.NoteOn(0, 0, 40, 100), MidiFileEvent.NoteOff(96, 0, 40),
            MidiFileEvent.NoteOn(96, 0, 43, 90), new(100, MidiFileEventKind.PitchBend, 0, 16383, 0), MidiFileEvent.NoteOff(200, 0, 43, 64),
            MidiFileEvent.Controller(200, 0, 64, 127), new(201, MidiFileEventKind.ChannelPressure, 0, 12, 0), new(202, MidiFileEventKind.PolyPressure, 0, 43, 3)]);
        var drums = new MidiTrack(null, [MidiFileEvent.NoteOn(0, 9, 36, 127), MidiFileEvent.NoteOn(0, 9, 42, 80), MidiFileEvent.NoteOff(24, 9, 36), MidiFileEvent.NoteOff(24, 9, 42)]);
        var file = new MidiFile(1, 96, [conductor, bass, drums]);

        MidiFile back = MidiFileReader.Read(MidiFileWriter.ToBytes(file), "built.mid");
        AssertSame(file, back);
        Assert.Equal(1000, back.Tracks[0].EndTick);
    }

    [Fact]
    public void Values_midi_cannot_hold_are_refused_before_writing()
    {
        var bad = new MidiFile(1, 96, [new MidiTrack("x", [MidiFileEvent.NoteOn(0, 0, 128, 100)])]);
        var e = Assert.Throws<MidiFileException>(() => MidiFileWriter.ToBytes(bad, "out.mid"));
        Assert.Contains("out.mid", e.Message);
        Assert.Contains("first data byte 128", e.Message);
        var zero = new MidiFile(1, 96, [new MidiTrack("x", [MidiFileEvent.NoteOn(0, 0, 60, 0)])]);
        Assert.Contains("velocity", Assert.Throws<MidiFileException>(() => MidiFileWriter.ToBytes(zero)).Message);
        var ts = new MidiFile(1, 96, [new MidiTrack("x", [MidiFileEvent.TimeSignature(0, 3, 3)])]);
        Assert.Contains("power of two", Assert.Throws<MidiFileException>(() => MidiFileWriter.ToBytes(ts)).Message);
    }

    [Fact]
    public void Every_groove_and_mutopia_file_reads_and_round_trips()
    {
        string[] files = [.. CorpusFiles.Groove(), .. CorpusFiles.Mutopia()];
        Assert.True(files.Length > 1000, $"only {files.Length} corpus MIDI files found under {CorpusFiles.Root}");
        long events = 0;
        foreach (string path in files)
        {
            MidiFile f = MidiFileReader.Read(path);
            Assert.True(f.Tracks.Count > 0);
            MidiFile back = MidiFileReader.Read(MidiFileWriter.ToBytes(f, path), path + " (rewritten)");
            AssertSame(f, back);
            events += f.Tracks.Sum(t => t.Events.Count);
        }
        output.WriteLine($"{files.Length} corpus files, {events} events, all read and round-tripped");
    }

    private static void AssertSame(MidiFile expected, MidiFile actual)
    {
        Assert.Equal(expected.Format, actual.Format);
        Assert.Equal(expected.RawDivision, actual.RawDivision);
        Assert.Equal(expected.Tracks.Count, actual.Tracks.Count);
        for (int t = 0; t < expected.Tracks.Count; t++)
        {
            Assert.Equal(expected.Tracks[t].Name, actual.Tracks[t].Name);
            Assert.Equal(expected.Tracks[t].EndTick, actual.Tracks[t].EndTick);
            Assert.Equal(expected.Tracks[t].Events, actual.Tracks[t].Events);
        }
    }
}
