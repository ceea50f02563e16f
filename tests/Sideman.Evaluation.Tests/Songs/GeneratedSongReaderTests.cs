using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Tests.Songs;

/// <summary>Generated bars are heard as the MIDI writer realises them: pitch over the chord at the onset, micro-timing kept.</summary>
public sealed class GeneratedSongReaderTests
{
    private static readonly SongPlan Plan = SongPlan.Create(new SongRequest { Chart = "Am | C/E", Key = "C", Energy = "1,3", Style = "funk" });

    private static BarPattern Bar(int i, PitchedEvent[] notes, DrumEvent[] hits) =>
        new(Plan.Bars[i].TimeSignature, SectionKind.Verse, Plan.Bars[i].Energy, Plan.Bars[i].Chords.ToArray(), notes, hits);

    private static GeneratedPart Part(PartRole role, params BarPattern[] bars) =>
        new(PartHeader.Create("funk", role, 0, 3), bars, [], default, 0, 0);

    [Fact]
    public void Notes_are_realised_over_their_chord_and_hits_keep_their_micro_timing()
    {
        var third = new ChordRelativePitch(0, 3, 0);
        var root = new ChordRelativePitch(-1, 1, 0);
        GeneratedPart bass = Part(PartRole.Bass,
            Bar(0, [new PitchedEvent(0, third, 12, 90), new PitchedEvent(90, root, 12, 80)], []),   // C over Am; an A anticipating bar 2
            Bar(1, [new PitchedEvent(0, root, 24, 100)], []));                                     // C over C/E (the model's root)
        GeneratedPart drums = Part(PartRole.Drums,
            Bar(0, [], [new DrumEvent(0, 36, 100), new DrumEvent(24, 38, 110, MicroOffset: 8), new DrumEvent(93, 42, 60, MicroOffset: 4)]),
            Bar(1, [], [new DrumEvent(0, 36, 100, MicroOffset: -8)]));

        HeardSong song = GeneratedSongReader.Read("t", Plan, [drums, bass], 7, Repo.Drums, energyLadder: true);

        Assert.Equal("funk", song.Style);
        Assert.Equal(7UL, song.Seed);
        Assert.Equal(0, song.KeyTonic);
        Assert.True(song.EnergyLadder);
        Assert.Equal([0L, 96L], song.Bars.Select(b => b.Start));
        Assert.Equal([1, 3], song.Bars.Select(b => b.Energy));
        SongNote[] notes = [.. song.Notes[PartRole.Bass]];
        Assert.Equal([0, 9, 0], notes.Select(n => n.PitchClass));      // C (third of Am), A, C
        Assert.Equal(4, notes[2].Chord.BassInterval);                   // heard over C/E
        Assert.Equal(90 + 12, notes[1].End);
        SongHit[] hits = [.. song.Hits!];
        Assert.Equal(["kick", "snare", "hh_closed", "kick"], hits.Select(h => h.Drum));
        Assert.Equal((0, 24), (hits[1].Bar, hits[1].Tick));             // 2 ticks late: still beat 2
        Assert.Equal((1, 0), (hits[2].Bar, hits[2].Tick));              // tick 93 + 1: rounds onto the next downbeat
        Assert.Equal((1, 0), (hits[3].Bar, hits[3].Tick));              // 2 ticks early: still beat 1 of its bar
    }
}
