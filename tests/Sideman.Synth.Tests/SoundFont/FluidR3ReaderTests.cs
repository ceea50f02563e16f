using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>The reader on the real FluidR3_GM bank: counts, names, addresses and resolved zones.</summary>
[Collection(FluidR3Collection.Name)]
public sealed class FluidR3ReaderTests
{
    private readonly FluidR3Fixture _fluid;

    public FluidR3ReaderTests(FluidR3Fixture fluid) => _fluid = fluid;

    [RequiresFluidR3Fact]
    public void Reads_the_counts_and_info_of_the_bank()
    {
        var f = _fluid.File;
        Assert.Equal(189, f.Presets.Count);
        Assert.Equal(193, f.Instruments.Count);
        Assert.Equal(1418, f.Samples.Count);
        Assert.Equal(74_098_056, f.SampleData.Length);
        Assert.Null(f.SampleData.Low24);
        Assert.Equal((2, 1), (f.Info.VersionMajor, f.Info.VersionMinor));
        Assert.Equal("Fluid R3 GM", f.Info.Name);
        Assert.Contains("Frank Wen", f.Info.Copyright);
        Assert.Contains("MIT", f.Info.Comments);
        Assert.Empty(f.Warnings);
    }

    [RequiresFluidR3Theory]
    [InlineData(0, 0, "Yamaha Grand Piano")]
    [InlineData(0, 4, "Rhodes EP")]
    [InlineData(0, 33, "Fingered Bass")]
    [InlineData(0, 34, "Picked Bass")]
    [InlineData(0, 38, "Synth Bass 1")]
    [InlineData(0, 48, "Strings")]
    [InlineData(0, 89, "Warm Pad")]
    [InlineData(8, 80, "Sine Wave")]
    [InlineData(128, 0, "Standard")]
    [InlineData(128, 32, "Jazz")]
    [InlineData(128, 40, "Brush")]
    public void Finds_known_presets_by_bank_and_program(int bank, int program, string name)
    {
        var preset = _fluid.Bank.Find(bank, program);
        Assert.NotNull(preset);
        Assert.Equal(name, preset!.Name);
        Assert.NotEmpty(preset.Regions);
    }

    [RequiresFluidR3Fact]
    public void Lists_presets_sorted_by_bank_then_program()
    {
        var presets = _fluid.Bank.Presets;
        for (int i = 1; i < presets.Count; i++)
            Assert.True(presets[i - 1].Bank * 128 + presets[i - 1].Program < presets[i].Bank * 128 + presets[i].Program);
        Assert.Equal(128, presets[^1].Bank);
    }

    [RequiresFluidR3Fact]
    public void Resolves_the_finger_bass_zone_for_low_e()
    {
        var regions = _fluid.Bank.Find(0, 33)!.Regions.Where(r => r.Contains(40, 127)).ToList();
        var r = Assert.Single(regions);
        Assert.Equal("Finger Bass D3", r.Sample.Name);
        Assert.Equal(22050u, r.Sample.SampleRate);
        Assert.Equal(41, r[GeneratorType.OverridingRootKey]);
        Assert.Equal(1, r[GeneratorType.SampleModes]);
        Assert.Equal(-2786, r[GeneratorType.ReleaseVolEnv]);
        Assert.Equal(1000, r[GeneratorType.SustainVolEnv]);
        // Untouched generators keep the spec defaults.
        Assert.Equal(13500, r[GeneratorType.InitialFilterFc]);
        Assert.Equal(100, r[GeneratorType.ScaleTuning]);
        Assert.Equal(-12000, r[GeneratorType.DelayVolEnv]);
    }

    [RequiresFluidR3Fact]
    public void Resolves_the_stereo_rhodes_into_a_hard_panned_pair()
    {
        var regions = _fluid.Bank.Find(0, 4)!.Regions.Where(r => r.Contains(60, 127)).ToList();
        Assert.Equal(2, regions.Count);
        Assert.Equal(new[] { -500, 500 }, regions.Select(r => r[GeneratorType.Pan]).OrderBy(p => p));
        Assert.All(regions, r => Assert.Equal(140, r[GeneratorType.InitialAttenuation]));
        Assert.Contains(regions, r => r.Sample.Type == SampleType.Left);
        Assert.Contains(regions, r => r.Sample.Type == SampleType.Right);
    }

    [RequiresFluidR3Fact]
    public void Every_region_holds_legal_ranges_and_a_playable_sample()
    {
        foreach (var preset in _fluid.Bank.Presets)
        {
            foreach (var r in preset.Regions)
            {
                Assert.InRange(r.KeyLow, 0, r.KeyHigh);
                Assert.InRange(r.KeyHigh, r.KeyLow, 127);
                Assert.InRange(r.VelocityLow, 0, r.VelocityHigh);
                Assert.True(r.Sample.IsPlayable);
                Assert.InRange(r[GeneratorType.InitialFilterFc], 1500, 13500);
                Assert.InRange(r[GeneratorType.Pan], -500, 500);
                Assert.InRange(r[GeneratorType.InitialAttenuation], 0, 1440);
            }
        }
    }

    [RequiresFluidR3Fact]
    public void File_modulators_that_match_a_default_replace_or_add_to_it()
    {
        // FluidR3 re-states the SF2.01 velocity→filter default with amount 0 in some zones. Wherever a
        // region still carries that modulator, there is exactly one copy: identical modulators merge.
        foreach (var preset in _fluid.Bank.Presets)
        {
            foreach (var r in preset.Regions)
            {
                int copies = r.Modulators.Count(m => m.Record.Source == 0x0102 && m.Record.AmountSource == 0x0D02
                                                      && m.Destination == GeneratorType.InitialFilterFc);
                Assert.InRange(copies, 0, 1);
            }
        }
        // Instrument-level overrides with amount 0 remove it (zero-amount modulators are dropped).
        Assert.Contains(_fluid.Bank.Presets.SelectMany(p => p.Regions),
            r => !r.Modulators.Any(m => m.Destination == GeneratorType.InitialFilterFc && m.Record.Source == 0x0102));
    }

    [RequiresFluidR3Fact]
    public void Hi_hats_share_an_exclusive_class()
    {
        var kit = _fluid.Bank.Find(128, 0)!;
        int Class(int key) => kit.Regions.First(r => r.Contains(key, 100))[GeneratorType.ExclusiveClass];
        Assert.NotEqual(0, Class(42));
        Assert.Equal(Class(42), Class(44));
        Assert.Equal(Class(42), Class(46));
        Assert.Equal(0, Class(36));
    }
}
