using Sideman.Evaluation.Human;
using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Midi.Files;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Tests.Human;

/// <summary>A Groove take is cut into bars as the data pipeline cuts it and measured like a generated song.</summary>
public sealed class GrooveSongReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-groove-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GrooveTake Take(TimeSignature metre, params (long Tick, int Note, int Velocity)[] notes)
    {
        const int tpq = 480;
        var events = new List<MidiFileEvent>();
        foreach (var (tick, note, velocity) in notes)
        {
            events.Add(MidiFileEvent.NoteOn(tick, 9, note, velocity));
            events.Add(MidiFileEvent.NoteOff(tick + 60, 9, note));
        }
        MidiFileWriter.Write(Path.Combine(_dir, "take.mid"), new MidiFile(0, tpq, [new MidiTrack("drums", events)]));
        return new GrooveTake("t1", "rock", 120, "beat", metre, "test", "take.mid");
    }

    [Fact]
    public void Hits_snap_into_bars_unmapped_notes_are_skipped_and_a_last_bar_of_two_hits_is_dropped()
    {
        const int q = 480;
        GrooveTake take = Take(TimeSignature.FourFour,
            (0, 36, 100), (q + 20, 38, 110), (3 * q - 15, 38, 105), (q / 2, 42, 70), (q / 2, 100, 90),   // bar 1: snare a little late on 2, early on 4
            (4 * q - 10, 36, 90), (5 * q, 40, 100), (7 * q, 37, 100),                                     // bar 2: kick just before the line is its beat 1
            (8 * q, 49, 120), (8 * q + 1, 36, 100));                                                        // bar 3: the final crash and kick

        HeardSong song = GrooveSongReader.Read(_dir, take, Repo.Drums);

        Assert.Equal(2, song.Bars.Count);
        Assert.Null(song.Seed);
        Assert.Equal("rock", song.Style);
        Assert.Equal(-1, song.Bars[0].Energy);
        Assert.Equal(7, song.Hits!.Count);
        DrumFigures f = DrumFigures.Of(song);
        Assert.Equal(new Ratio(2, 2), f.Backbeat);
        Assert.Equal(new Ratio(2, 2), f.KickOnOne);
        Assert.Equal(1.0, f.KicksPerBar);
        Assert.Equal(0.5, f.HatsPerBar);
    }

    [Fact]
    public void A_6_8_take_has_bars_of_six_eighths()
    {
        const int e = 240;
        GrooveTake take = Take(new TimeSignature(6, 8), (0, 36, 100), (3 * e, 36, 100), (6 * e, 36, 100), (9 * e, 36, 100), (9 * e, 42, 60), (11 * e, 42, 60));
        HeardSong song = GrooveSongReader.Read(_dir, take, Repo.Drums);
        Assert.Equal(2, song.Bars.Count);
        var profile = new AccentProfile(new TimeSignature(6, 8));
        profile.Add(song, includeDrums: true);
        Assert.Equal([2L, 0, 0, 2, 0, 0], profile.KicksOnBeat);
    }
}
