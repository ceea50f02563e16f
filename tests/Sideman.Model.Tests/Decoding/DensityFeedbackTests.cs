using Sideman.Model.Decoding;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The density feedback's arithmetic: a shortfall times the gain per bar, each level on its own, within its limit.</summary>
public sealed class DensityFeedbackTests
{
    [Fact]
    public void A_bar_moves_its_levels_set_point_by_the_gain_times_its_shortfall()
    {
        DensityFeedback f = default;
        f = f.After(level: 3, figure: 9.5f, notes: 8, gain: 0.5f);
        Assert.Equal(0.75f, f.Offset(3));
        f = f.After(level: 3, figure: 9.5f, notes: 11, gain: 0.5f);
        Assert.Equal(0f, f.Offset(3));
        f = f.After(level: 1, figure: 3f, notes: 5, gain: 0.5f);
        Assert.Equal(-1f, f.Offset(1));
        Assert.Equal(0f, f.Offset(3));
        Assert.Equal(0f, f.Offset(0));
    }

    [Fact]
    public void The_set_point_moves_at_most_half_the_figure_and_at_least_one_note()
    {
        DensityFeedback f = default;
        for (int i = 0; i < 50; i++)
            f = f.After(level: 4, figure: 10f, notes: 0, gain: 1f).After(level: 0, figure: 1f, notes: 9, gain: 1f);
        Assert.Equal(5f, f.Offset(4));
        Assert.Equal(-1f, f.Offset(0));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void Settings_refuse_a_gain_outside_0_to_2(double gain) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorSettings { DensityFeedback = gain }.Validate());
}
