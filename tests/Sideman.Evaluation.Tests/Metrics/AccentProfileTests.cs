using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Patterns;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Metrics;

public sealed class AccentProfileTests
{
    [Fact]
    public void A_6_8_kick_on_eighths_1_and_4_has_its_pulse_there_and_one_on_1_3_5_does_not()
    {
        var dotted = new AccentProfile(SixEight);
        dotted.Add(Drums(Bars(SixEight, SixEight), Hit(0, 0, "kick"), Hit(0, 36, "kick"), Hit(1, 0, "kick"), Hit(1, 36, "kick"), Hit(1, 60, "kick")), includeDrums: true);
        Assert.Equal([2L, 0, 0, 2, 0, 1], dotted.KicksOnBeat);
        Assert.True(dotted.KickPulseOn(1, 4));
        Assert.Equal(new Ratio(4, 5), dotted.KicksOn(1, 4));

        var waltz = new AccentProfile(SixEight);
        waltz.Add(Drums(Bars(SixEight), Hit(0, 0, "kick"), Hit(0, 24, "kick"), Hit(0, 48, "kick"), Hit(0, 30, "kick")), includeDrums: true);
        Assert.False(waltz.KickPulseOn(1, 4));
        Assert.Equal(4, waltz.Kicks);   // the off-beat kick counts in all kicks, on no beat
        Assert.Equal(new Ratio(1, 4), waltz.KicksOn(1, 4));
    }

    [Fact]
    public void Weights_are_summed_velocities_per_bar_and_beat_one_must_weigh_most()
    {
        SongBar[] bars = Bars(FourFour, 2, "C", "F");
        var song = new HeardSong("s", "pop", 1, 0, bars, [Hit(0, 24, "snare", 120), Hit(1, 24, "snare", 120), Hit(0, 6, "hh_closed", 50)],
            new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Bass] = [Note(bars, 0, 0, 0, velocity: 100), Note(bars, 1, 0, 5, velocity: 100), Note(bars, 1, 48, 0, velocity: 40)] });

        var band = new AccentProfile(FourFour);
        band.Add(song, includeDrums: true);
        Assert.Equal(2, band.Bars);
        Assert.Equal([100.0, 0, 20, 0], band.Mean("bass"));
        Assert.Equal([0.0, 120, 0, 0], band.Mean("drums"));   // the hat on a sixteenth is on no beat
        Assert.Equal([100.0, 120, 20, 0], band.Mean(AccentProfile.Band));
        Assert.False(band.BeatOneStrongest(AccentProfile.Band));
        Assert.True(band.BeatOneStrongest("bass"));

        var withoutKit = new AccentProfile(FourFour);
        withoutKit.Add(song, includeDrums: false);
        Assert.True(withoutKit.BeatOneStrongest(AccentProfile.Band));
        Assert.DoesNotContain("drums", withoutKit.Groups);
        Assert.False(withoutKit.BeatOneStrongest("keys")); // a part that never played has no strongest beat
    }

    [Fact]
    public void Bars_of_another_metre_are_left_out()
    {
        var profile = new AccentProfile(ThreeFour);
        profile.Add(Drums(Bars(FourFour, ThreeFour), Hit(0, 0, "kick"), Hit(1, 0, "kick", 80)), includeDrums: true);
        Assert.Equal(1, profile.Bars);
        Assert.Equal([80.0, 0, 0], profile.Mean("drums"));
    }
}
