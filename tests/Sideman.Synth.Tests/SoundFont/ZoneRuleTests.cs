using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>The SF2 zone rules (section 9.4), checked on banks built by hand.</summary>
public sealed class ZoneRuleTests
{
    private static readonly (short[] Points, SampleHeader Header) Tone = Sine("tone", 100, 50, 60);

    private static SoundFontBank Bank(InstrumentRecord[] instruments, params PresetRecord[] presets) =>
        ToBank(Build(Tone.Points, new[] { Tone.Header }, instruments, presets));

    private static Generator Sample => new(GeneratorType.SampleId, 0);

    private static Generator Inst(int i) => new(GeneratorType.Instrument, (short)i);

    [Fact]
    public void Local_instrument_generators_override_the_global_zone_which_overrides_defaults()
    {
        var bank = Bank(new[]
        {
            Instrument("i",
                Zone(Gen(GeneratorType.ReleaseVolEnv, 1200), Gen(GeneratorType.Pan, 100)),   // global: no sample
                Zone(Gen(GeneratorType.Pan, -200), Sample)),
        }, Preset("p", 0, 0, Zone(Inst(0))));
        var r = Assert.Single(bank.Find(0, 0)!.Regions);
        Assert.Equal(-200, r[GeneratorType.Pan]);
        Assert.Equal(1200, r[GeneratorType.ReleaseVolEnv]);
        Assert.Equal(-12000, r[GeneratorType.AttackVolEnv]);
    }

    [Fact]
    public void Preset_generators_add_to_instrument_ones_and_the_sum_is_clamped()
    {
        var bank = Bank(new[]
        {
            Instrument("i", Zone(Gen(GeneratorType.CoarseTune, 3), Gen(GeneratorType.InitialAttenuation, 1400), Sample)),
        }, Preset("p", 0, 0,
            Zone(Gen(GeneratorType.CoarseTune, 2)),                                  // preset global zone
            Zone(Gen(GeneratorType.CoarseTune, -7), Gen(GeneratorType.InitialAttenuation, 100), Inst(0))));
        var r = Assert.Single(bank.Find(0, 0)!.Regions);
        Assert.Equal(3 - 7, r[GeneratorType.CoarseTune]);                 // local preset value replaces its global one
        Assert.Equal(1440, r[GeneratorType.InitialAttenuation]);          // 1500 clamped to the spec maximum
        Assert.Equal(100, r[GeneratorType.ScaleTuning]);                  // untouched: default, no preset offset
    }

    [Fact]
    public void Instrument_only_generators_are_ignored_at_preset_level()
    {
        var bank = Bank(new[]
        {
            Instrument("i", Zone(Gen(GeneratorType.OverridingRootKey, 50), Gen(GeneratorType.SampleModes, 1), Sample)),
        }, Preset("p", 0, 0, Zone(Gen(GeneratorType.OverridingRootKey, 10), Gen(GeneratorType.SampleModes, 3),
            Gen(GeneratorType.ExclusiveClass, 5), Gen(GeneratorType.StartAddrsOffset, 20), Inst(0))));
        var r = Assert.Single(bank.Find(0, 0)!.Regions);
        Assert.Equal(50, r[GeneratorType.OverridingRootKey]);
        Assert.Equal(1, r[GeneratorType.SampleModes]);
        Assert.Equal(0, r[GeneratorType.ExclusiveClass]);
        Assert.Equal(0, r[GeneratorType.StartAddrsOffset]);
    }

    [Fact]
    public void Key_and_velocity_ranges_of_preset_and_instrument_intersect()
    {
        var bank = Bank(new[]
        {
            Instrument("i",
                Zone(Range(GeneratorType.KeyRange, 0, 59), Sample),
                Zone(Range(GeneratorType.KeyRange, 60, 127), Range(GeneratorType.VelRange, 0, 99), Sample),
                Zone(Range(GeneratorType.KeyRange, 60, 127), Range(GeneratorType.VelRange, 100, 127), Sample)),
        }, Preset("p", 0, 0, Zone(Range(GeneratorType.KeyRange, 48, 72), Range(GeneratorType.VelRange, 20, 110), Inst(0))));
        var regions = bank.Find(0, 0)!.Regions;
        Assert.Equal(3, regions.Length);
        Assert.Equal((48, 59, 20, 110), (regions[0].KeyLow, regions[0].KeyHigh, regions[0].VelocityLow, regions[0].VelocityHigh));
        Assert.Equal((60, 72, 20, 99), (regions[1].KeyLow, regions[1].KeyHigh, regions[1].VelocityLow, regions[1].VelocityHigh));
        Assert.Equal((60, 72, 100, 110), (regions[2].KeyLow, regions[2].KeyHigh, regions[2].VelocityLow, regions[2].VelocityHigh));
        Assert.Equal(0, regions.Count(r => r.Contains(47, 64)));
        Assert.Equal(1, regions.Count(r => r.Contains(65, 105)));
        Assert.Equal(0, regions.Count(r => r.Contains(65, 111)));
    }

    [Fact]
    public void Ranges_that_do_not_overlap_produce_no_region()
    {
        var bank = Bank(new[] { Instrument("i", Zone(Range(GeneratorType.KeyRange, 0, 40), Sample)) },
            Preset("p", 0, 0, Zone(Range(GeneratorType.KeyRange, 41, 127), Inst(0))));
        Assert.Empty(bank.Find(0, 0)!.Regions);
    }

    [Fact]
    public void A_zone_without_sample_that_is_not_first_is_ignored_with_a_warning()
    {
        var bank = Bank(new[]
        {
            Instrument("i", Zone(Gen(GeneratorType.Pan, 100), Sample), Zone(Gen(GeneratorType.Pan, -300))),
        }, Preset("p", 0, 0, Zone(Inst(0))));
        var r = Assert.Single(bank.Find(0, 0)!.Regions);
        Assert.Equal(100, r[GeneratorType.Pan]);
        Assert.Contains(bank.Warnings, w => w.Contains("zone 1 has no sample"));
    }

    [Fact]
    public void Instrument_modulators_replace_identical_defaults_and_preset_modulators_add_to_them()
    {
        // Velocity→attenuation has the default's identity: the instrument sets 480, the preset adds 120.
        var velocityToAttenuation = new ModulatorRecord(0x0502, (ushort)GeneratorType.InitialAttenuation, 480, 0, 0);
        var presetExtra = velocityToAttenuation with { Amount = 120 };
        var newOne = new ModulatorRecord(0x0081, (ushort)GeneratorType.InitialFilterFc, -1200, 0, 0); // CC1 → cutoff
        var bank = Bank(new[]
        {
            Instrument("i", Zone(new[] { Sample }, new[] { velocityToAttenuation })),
        }, Preset("p", 0, 0, Zone(new[] { Inst(0) }, new[] { presetExtra, newOne })));
        var r = Assert.Single(bank.Find(0, 0)!.Regions);
        var att = r.Modulators.Where(m => m.Record.SameIdentityAs(velocityToAttenuation)).ToList();
        Assert.Equal(600, Assert.Single(att).Amount);
        Assert.Contains(r.Modulators, m => m.Record == newOne);
        // The other defaults are still there (e.g. CC7 → attenuation, pitch wheel → pitch).
        Assert.Contains(r.Modulators, m => m.Record.Source == 0x0587);
        Assert.Contains(r.Modulators, m => m.Record.Source == 0x020E);
    }

    [Fact]
    public void Missing_presets_fall_back_the_General_MIDI_way()
    {
        var bank = Bank(new[] { Instrument("i", Zone(Sample)) },
            Preset("piano", 0, 0, Zone(Inst(0))), Preset("kit", 128, 0, Zone(Inst(0))), Preset("variation", 8, 5, Zone(Inst(0))));
        Assert.Equal("kit", bank.Resolve(128, 40)!.Name);       // missing kit → kit 0
        Assert.Equal("piano", bank.Resolve(8, 0)!.Name);        // missing variation → bank 0
        Assert.Equal("variation", bank.Resolve(8, 5)!.Name);
        Assert.Equal("piano", bank.Resolve(3, 77)!.Name);       // nothing close → first preset
        Assert.Null(bank.Find(0, 77));
    }
}
