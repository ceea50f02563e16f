using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Tests.Songs;

public sealed class BeatGridTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(2.9, 0)]      // a hit a little late is still on its sixteenth
    [InlineData(-2.9, 0)]     // and a little early
    [InlineData(-3.0, 0)]     // half-way goes later
    [InlineData(3.0, 6)]
    [InlineData(8.0, 6)]      // a triplet eighth lands on the nearest sixteenth, off the beat
    [InlineData(93.5, 96)]    // just before the next 4/4 bar line: the next bar's beat 1
    public void Onsets_snap_to_the_nearest_sixteenth(double ticks, long snapped) => Assert.Equal(snapped, BeatGrid.Snap(ticks));

    [Fact]
    public void A_beat_is_the_denominators_note()
    {
        Assert.Equal(24, BeatGrid.BeatTicks(HandMade.FourFour));
        Assert.Equal(12, BeatGrid.BeatTicks(HandMade.SixEight));
        Assert.Equal(6, BeatGrid.Beats(HandMade.SixEight));
        Assert.Equal(5, BeatGrid.Beats(new TimeSignature(5, 4)));
        Assert.Equal(36, BeatGrid.TickOfBeat(4, HandMade.SixEight));
        Assert.Equal(3, BeatGrid.BeatAt(36, HandMade.SixEight));
        Assert.Equal(1, BeatGrid.BeatAt(24, HandMade.FourFour));
        Assert.Equal(-1, BeatGrid.BeatAt(18, HandMade.FourFour));
        Assert.Equal(-1, BeatGrid.BeatAt(72, HandMade.ThreeFour)); // past the bar
    }

    [Fact]
    public void A_position_finds_its_bar_in_mixed_metres()
    {
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, HandMade.ThreeFour, HandMade.SixEight);
        Assert.Equal(0, HeardSong.BarAt(bars, 95));
        Assert.Equal(1, HeardSong.BarAt(bars, 96));
        Assert.Equal(2, HeardSong.BarAt(bars, 96 + 72));
        Assert.Equal(-1, HeardSong.BarAt(bars, 96 + 72 + 72));
        Assert.Equal(-1, HeardSong.BarAt(bars, -6));
    }

    [Fact]
    public void A_song_refuses_bars_out_of_order_and_events_outside_its_bars()
    {
        var none = new Dictionary<Sideman.Music.Patterns.PartRole, IReadOnlyList<SongNote>>();
        SongBar[] bars = HandMade.Bars(HandMade.FourFour, HandMade.FourFour);
        Assert.Throws<ArgumentException>(() => new HeardSong("x", "pop", 1, 0, [bars[1], bars[0]], null, none));
        Assert.Throws<ArgumentException>(() => new HeardSong("x", "pop", 1, 0, bars, [HandMade.Hit(2, 0, "kick")], none));
        Assert.Throws<ArgumentException>(() => new HeardSong("x", "pop", 1, 0, bars, [HandMade.Hit(0, 96, "kick")], none));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HeardSong("x", "pop", 1, 12, bars, null, none));
    }
}
