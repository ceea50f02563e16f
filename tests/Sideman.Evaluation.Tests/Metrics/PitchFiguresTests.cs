using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Tests.Metrics;

public sealed class PitchFiguresTests
{
    [Fact]
    public void Chord_tones_count_the_slash_bass_and_out_of_key_counts_only_non_chord_notes_outside_the_key()
    {
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, 2, "C/B", "G7", "-");
        HeardSong song = HandMade.Part(PartRole.Keys, bars, 0,
            HandMade.Note(bars, 0, 0, 11),   // B: the written bass of C/B
            HandMade.Note(bars, 0, 24, 4),   // E: chord tone
            HandMade.Note(bars, 0, 48, 2),   // D: not a chord tone, in C major
            HandMade.Note(bars, 0, 72, 6),   // F#: neither
            HandMade.Note(bars, 1, 0, 5),    // F: the seventh of G7
            HandMade.Note(bars, 1, 24, 1),   // Db: neither
            HandMade.Note(bars, 2, 0, 3));   // over N.C.: not counted

        PitchFigures f = PitchFigures.Of(song, PartRole.Keys);

        Assert.Equal(new Ratio(3, 6), f.ChordTones);
        Assert.Equal(new Ratio(2, 6), f.OutOfKey);
        Assert.Equal(default, PitchFigures.Of(song, PartRole.Bass)); // the song has no bass
    }

    [Fact]
    public void An_unknown_key_counts_no_out_of_key_notes()
    {
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, 2, "C");
        HeardSong song = HandMade.Part(PartRole.Pad, bars, -1, HandMade.Note(bars, 0, 0, 6));
        PitchFigures f = PitchFigures.Of(song, PartRole.Pad);
        Assert.Equal(new Ratio(0, 1), f.ChordTones);
        Assert.Equal(0, f.OutOfKey.Total);
        Assert.True(double.IsNaN(f.OutOfKey.Value));
    }

    [Theory]
    [InlineData("C", 4, true)]
    [InlineData("C", 11, false)]
    [InlineData("C/B", 11, true)]
    [InlineData("Am7", 7, true)]
    [InlineData("Bb", 10, true)]
    [InlineData("Bb", 11, false)]
    public void A_chord_tone_is_a_quality_interval_or_the_slash_bass(string chord, int pc, bool tone) =>
        Assert.Equal(tone, PitchFigures.IsChordTone(pc, ChordSymbolParser.Parse(chord)));
}
