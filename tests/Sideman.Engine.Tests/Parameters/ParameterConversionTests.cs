using Sideman.Engine.Parameters;

namespace Sideman.Engine.Tests.Parameters;

public class ParameterConversionTests
{
    private static readonly ParameterDefinition Volume = EngineParameters.MasterVolume;
    private static readonly ParameterDefinition Attack = EngineParameters.SynthAttack;
    private static readonly ParameterDefinition Release = EngineParameters.SynthRelease;

    [Fact]
    public void Volume_bottom_is_minus_infinity_and_top_is_plus_six()
    {
        Assert.Equal(double.NegativeInfinity, Volume.ToPlain(0));
        Assert.Equal(6.0, Volume.ToPlain(1), 12);
        Assert.Equal(0.0, Volume.ToNormalized(double.NegativeInfinity));
        Assert.Equal(1.0, Volume.ToNormalized(6));
        Assert.Equal("-inf", Volume.FormatNormalized(0));
        Assert.Equal("6.0", Volume.FormatNormalized(1));
        Assert.Equal(0.0, DecibelScale.ToGain(double.NegativeInfinity));
    }

    [Fact]
    public void Volume_default_is_unity_gain()
    {
        Assert.Equal(0.0, Volume.DefaultPlain, 9);
        Assert.Equal(1.0, DecibelScale.ToGain(Volume.DefaultPlain), 9);
        Assert.Equal("0.0", Volume.FormatNormalized(Volume.DefaultNormalized));
        // Cubic fader law: 0 dB at (1/2)^(1/3) of the travel when the top is +6.02 dB; with +6 dB exactly:
        Assert.Equal(Math.Pow(10, -6.0 / 60), Volume.DefaultNormalized, 12);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    [InlineData(0.25)]
    [InlineData(0.5)]
    [InlineData(0.999999)]
    [InlineData(1.0)]
    public void Normalized_to_plain_and_back_is_identity_for_continuous_parameters(double normalized)
    {
        foreach (ParameterDefinition p in new[] { Volume, Attack, Release, EngineParameters.PitchBend, EngineParameters.ModWheel })
            Assert.Equal(normalized, p.ToNormalized(p.ToPlain(normalized)), 9);
    }

    [Fact]
    public void Out_of_range_and_nan_inputs_clamp_or_fall_back_to_default()
    {
        Assert.Equal(Attack.ToPlain(0), Attack.ToPlain(-3));
        Assert.Equal(Attack.ToPlain(1), Attack.ToPlain(42));
        Assert.Equal(Attack.DefaultPlain, Attack.ToPlain(double.NaN));
        Assert.Equal(Attack.DefaultNormalized, Attack.ToNormalized(double.NaN));
        Assert.Equal(0.0, Attack.ToNormalized(-100));
        Assert.Equal(1.0, Attack.ToNormalized(1e9));
        Assert.Equal(1.0, Volume.ToNormalized(double.PositiveInfinity));
    }

    [Fact]
    public void Time_ranges_are_skewed_towards_short_times()
    {
        Assert.Equal(0.5, Attack.ToPlain(0), 9);
        Assert.Equal(5000, Attack.ToPlain(1), 6);
        Assert.Equal(80, Attack.ToPlain(0.5), 6);     // the declared midpoint
        Assert.Equal(5, Release.ToPlain(0), 9);
        Assert.Equal(10000, Release.ToPlain(1), 6);
        Assert.Equal(500, Release.ToPlain(0.5), 6);
        Assert.Equal(4, Attack.DefaultPlain, 9);
        Assert.Equal(350, Release.DefaultPlain, 9);
    }

    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("12.5 ms", 12.5)]
    [InlineData("12,5", 12.5)]
    [InlineData("  7ms ", 7)]
    [InlineData("1.2 s", 1200)]
    [InlineData("2s", 2000)]
    public void Time_text_parses_with_or_without_units(string text, double expectedMs)
    {
        Assert.True(Attack.TryParseNormalized(text, out double normalized));
        Assert.Equal(expectedMs, Attack.ToPlain(normalized), 6);
    }

    [Theory]
    [InlineData("-6", -6)]
    [InlineData("-6 dB", -6)]
    [InlineData("-6.5dB", -6.5)]
    [InlineData("+3", 3)]
    [InlineData("\u221212", -12)]
    public void Volume_text_parses_to_decibels(string text, double expectedDb)
    {
        Assert.True(Volume.TryParseNormalized(text, out double normalized));
        Assert.Equal(expectedDb, Volume.ToPlain(normalized), 9);
    }

    [Theory]
    [InlineData("-inf")]
    [InlineData("-INF dB")]
    [InlineData("-∞")]
    [InlineData("off")]
    public void Volume_text_accepts_silence(string text)
    {
        Assert.True(Volume.TryParseNormalized(text, out double normalized));
        Assert.Equal(0.0, normalized);
    }

    [Fact]
    public void Volume_above_the_top_clamps_to_the_top()
    {
        Assert.True(Volume.TryParseNormalized("+40 dB", out double normalized));
        Assert.Equal(1.0, normalized);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("loud")]
    [InlineData("12 parsecs")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    [InlineData("--3")]
    public void Unparsable_text_is_rejected(string text)
    {
        Assert.False(Volume.TryParseNormalized(text, out _));
        Assert.False(Attack.TryParseNormalized(text, out _));
    }

    [Fact]
    public void Text_round_trip_reproduces_the_displayed_value()
    {
        foreach (ParameterDefinition p in EngineParameters.All.All)
        {
            for (double n = 0; n <= 1.0001; n += 0.05)
            {
                string text = p.FormatNormalized(n);
                Assert.True(p.TryParseNormalized(text, out double back), $"{p.StringId}: '{text}' did not parse");
                Assert.Equal(text, p.FormatNormalized(back));
            }
        }
    }

    [Fact]
    public void List_parameter_maps_steps_names_and_indices()
    {
        var declare = new ParameterDeclarations();
        ParameterDefinition style = declare.List("style", "Style", "Style", ["Pop", "Rock", "Funk", "Jazz"], "Funk");
        declare.Build();

        Assert.Equal(3, style.StepCount);
        Assert.True(style.Has(ParameterFlags.List));
        Assert.Equal(2, style.DefaultPlain);
        Assert.Equal(2.0 / 3.0, style.DefaultNormalized, 12);
        // VST3 discrete convention: each item owns an equal slice of 0..1.
        Assert.Equal(0, style.ToPlain(0));
        Assert.Equal(0, style.ToPlain(0.2499));
        Assert.Equal(1, style.ToPlain(0.25));
        Assert.Equal(3, style.ToPlain(1));
        Assert.Equal("Jazz", style.FormatNormalized(1));
        Assert.Equal("Pop", style.FormatNormalized(0));
        for (int i = 0; i < 4; i++)
            Assert.Equal(i, style.ToPlain(style.ToNormalized(i)));

        Assert.True(style.TryParseNormalized("rock", out double rock));
        Assert.Equal(1, style.ToPlain(rock));
        Assert.True(style.TryParseNormalized("3", out double three));
        Assert.Equal("Jazz", style.FormatNormalized(three));
        Assert.False(style.TryParseNormalized("Polka", out _));
        Assert.False(style.TryParseNormalized("4", out _));
        Assert.False(style.TryParseNormalized("1.5", out _));
    }

    [Fact]
    public void List_default_must_be_an_item_and_items_must_be_distinct()
    {
        Assert.Throws<ArgumentException>(() => new ParameterDeclarations().List("x", "X", "X", ["A", "B"], "C"));
        Assert.Throws<ArgumentException>(() => new ParameterDeclarations().List("x", "X", "X", ["A", "a"], "A"));
    }

    [Fact]
    public void Integer_parameter_steps_and_rejects_fractions()
    {
        var declare = new ParameterDeclarations();
        ParameterDefinition seed = declare.Integer("seed", "Seed", "Seed", 0, 9999, 42);
        declare.Build();
        Assert.Equal(9999, seed.StepCount);
        Assert.Equal(42, seed.DefaultPlain);
        Assert.Equal(9999, seed.ToPlain(1));
        Assert.Equal(0, seed.ToPlain(0));
        Assert.True(seed.TryParseNormalized("1234", out double n));
        Assert.Equal(1234, seed.ToPlain(n));
        Assert.False(seed.TryParseNormalized("12.5", out _));
    }

    [Fact]
    public void Pitch_bend_center_is_exactly_zero()
    {
        Assert.Equal(0.0, EngineParameters.PitchBend.ToPlain(0.5));
        Assert.Equal(-1.0, EngineParameters.PitchBend.ToPlain(0));
        Assert.Equal(1.0, EngineParameters.PitchBend.ToPlain(1));
        Assert.Equal(0.5, EngineParameters.PitchBend.DefaultNormalized);
    }
}
