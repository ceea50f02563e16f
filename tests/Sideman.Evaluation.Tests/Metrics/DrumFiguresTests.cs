using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Metrics;

public sealed class DrumFiguresTests
{
    [Fact]
    public void Backbeat_kick_on_one_and_counts_per_bar_come_from_the_4_4_bars_only()
    {
        SongBar[] bars = Bars(FourFour, FourFour, FourFour, FourFour, ThreeFour);
        HeardSong song = Drums(bars,
            Hit(0, 0, "kick"), Hit(0, 24, "snare"), Hit(0, 72, "snare"), Hit(0, 0, "hh_closed"), Hit(0, 12, "hh_pedal"),
            Hit(1, 48, "kick"), Hit(1, 24, "clap"), Hit(1, 72, "sidestick"), Hit(1, 36, "hh_open"),  // clap and sidestick make a backbeat too
            Hit(2, 0, "kick"), Hit(2, 24, "snare"), Hit(2, 66, "snare"),                            // beat 4 missed by a sixteenth
            // bar 3 is empty and still counts
            Hit(4, 0, "kick"), Hit(4, 24, "snare"), Hit(4, 48, "snare"));                            // 3/4: not counted

        DrumFigures f = DrumFigures.Of(song);

        Assert.Equal(4, f.Bars);
        Assert.Equal(new Ratio(2, 4), f.Backbeat);
        Assert.Equal(new Ratio(2, 4), f.KickOnOne);
        Assert.Equal(3.0 / 4, f.KicksPerBar);
        Assert.Equal(4.0 / 4, f.SnaresPerBar);  // the snare class only
        Assert.Equal(3.0 / 4, f.HatsPerBar);
    }

    [Fact]
    public void Figures_add_up_and_a_song_without_drums_has_none()
    {
        DrumFigures a = new(2, 1, 2, 4, 2, 8), b = new(2, 2, 0, 2, 4, 0);
        DrumFigures sum = a + b;
        Assert.Equal(new Ratio(3, 4), sum.Backbeat);
        Assert.Equal(1.5, sum.KicksPerBar);
        SongBar[] bars = Bars(FourFour, 2, "C");
        Assert.Equal(default, DrumFigures.Of(Part(Music.Patterns.PartRole.Bass, bars, 0)));
        Assert.True(double.IsNaN(default(DrumFigures).KicksPerBar));
    }
}
