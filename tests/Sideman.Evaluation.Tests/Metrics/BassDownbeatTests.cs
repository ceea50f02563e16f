using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Tests.Metrics;

public sealed class BassDownbeatTests
{
    [Fact]
    public void Beat_one_needs_the_root_or_the_slash_note_on_the_beat_or_sounding_across_it()
    {
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, 2, "C", "C/B", "Am", "Am/G", "F", "G", "-");
        HeardSong song = HandMade.Part(PartRole.Bass, bars, 0,
            HandMade.Note(bars, 0, 0, 0),                 // C on 1: plain hit
            HandMade.Note(bars, 1, 0, 0),                 // C on 1 of C/B: the root, not the written B: slash miss
            HandMade.Note(bars, 2, 24, 9),                // A on beat 2 only: plain miss
            HandMade.Note(bars, 2, 90, 7, length: 12),    // G anticipating Am/G, sounding across its bar line: slash hit
            HandMade.Note(bars, 4, 0, 0),                 // C on 1 of F: wrong note, plain miss
            HandMade.Note(bars, 4, 90, 7, length: 4),     // G before G's bar, released before the line: plain miss
            HandMade.Note(bars, 6, 0, 0));                // N.C. bar: not counted

        BassDownbeat b = BassDownbeat.Of(song);

        Assert.Equal(new Ratio(1, 4), b.Plain);
        Assert.Equal(new Ratio(1, 2), b.Slash);
        Assert.Equal(new Ratio(2, 6), b.All);
    }

    [Fact]
    public void A_song_without_a_bass_counts_nothing()
    {
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, 2, "C");
        Assert.Equal(default, BassDownbeat.Of(HandMade.Part(PartRole.Keys, bars, 0, HandMade.Note(bars, 0, 0, 0))));
    }
}
