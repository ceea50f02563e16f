using Sideman.Engine.Band;
using Sideman.Engine.Parameters;
using Sideman.Engine.Tests.Support;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Band;

/// <summary>The Preset parameters pick the part's sound; "Style default" follows the Style parameter.</summary>
public sealed class PresetSelectionTests
{
    private const double Rate = 48000;
    private const int Total = 40000;

    private static ScheduledPoint Step(ParameterDefinition d, string text, long sample = 0)
    {
        Assert.True(d.TryParseNormalized(text, out double normalized), $"'{text}' is not a step of {d.StringId}");
        return new ScheduledPoint(sample, d, normalized);
    }

    private static float[] RenderStem(BandPart part, ScheduledPoint[] points)
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = [BandNotes.On(500, part), BandNotes.Off(20000, part)];
        return rig.RenderBuses(Total, 256, events, points)[SidemanEngine.FirstPartBus + (int)part][0];
    }

    /// <summary>The same note on a PartSynth playing <paramref name="address"/> straight from the bank, with the part's default sends.</summary>
    private static float[] RenderDirect(BandPart part, PresetAddress address)
    {
        var synth = new PartSynth();
        synth.SetSampleRate(Rate);
        Assert.True(synth.SetBank(BundledSounds.Bank, address.Bank, address.Program));
        synth.ReverbSend = (float)(EngineParameters.PartReverbSends[(int)part].DefaultPlain / 100);
        synth.ChorusSend = (float)(EngineParameters.PartChorusSends[(int)part].DefaultPlain / 100);
        var left = new float[Total];
        var right = new float[Total];
        synth.NoteOn(500, BandNotes.Key(part), MidiChannelRouting.Velocity(0.8f));
        synth.Render(left.AsSpan(0, 20000), right.AsSpan(0, 20000));
        synth.NoteOff(0, BandNotes.Key(part));
        synth.Render(left.AsSpan(20000), right.AsSpan(20000));
        // The part's default volume (pad and arp sit 3 dB back) is applied by its strip.
        float gain = (float)DecibelScale.ToGain(EngineParameters.PartVolumes[(int)part].DefaultPlain);
        if (gain != 1f)
        {
            for (int i = 0; i < left.Length; i++)
                left[i] *= gain;
        }
        return left;
    }

    [Theory]
    [InlineData(BandPart.Bass, "Synth Bass 1", 0, 38)]
    [InlineData(BandPart.Keys, "Electric Piano", 0, 4)]
    [InlineData(BandPart.Drums, "Brush Kit", 128, 40)]
    public void A_preset_choice_plays_exactly_that_bundled_preset(BandPart part, string name, int bank, int program)
    {
        float[] engine = RenderStem(part, [Step(EngineParameters.PartPresets[(int)part], name)]);
        float[] direct = RenderDirect(part, new PresetAddress(bank, program));
        Assert.True(Signal.Rms(engine) > 1e-3);
        Assert.Equal(direct, engine);
    }

    [Fact]
    public void Style_default_follows_the_style_and_an_explicit_choice_does_not()
    {
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        var left = new float[256];
        var right = new float[256];
        void Apply(params ScheduledPoint[] points) => rig.Render(left, right, 256, [], points);

        Apply(Step(EngineParameters.Style, "Jazz Ballad"));
        Assert.Equal((0, 4), Address(rig, BandPart.Keys));        // electric piano
        Assert.Equal((128, 40), Address(rig, BandPart.Drums));    // brushes
        Assert.Equal((0, 32), Address(rig, BandPart.Bass));       // upright

        Apply(Step(EngineParameters.Style, "Rock"));
        Assert.Equal((0, 16), Address(rig, BandPart.Keys));       // organ
        Assert.Equal((0, 34), Address(rig, BandPart.Bass));       // picked

        Apply(Step(EngineParameters.KeysPreset, "Clavinet"), Step(EngineParameters.Style, "Jazz Ballad"));
        Assert.Equal((0, 7), Address(rig, BandPart.Keys));        // the user's choice stays
        Assert.Equal((0, 32), Address(rig, BandPart.Bass));       // the rest follows the style

        Apply(Step(EngineParameters.KeysPreset, BandPresets.StyleDefaultName));
        Assert.Equal((0, 4), Address(rig, BandPart.Keys));
    }

    [Fact]
    public void A_style_change_mid_song_is_heard_at_its_sample()
    {
        // Keys at unity gain (their default is -3 dB), so the stem is the reference synth itself.
        ScheduledPoint[] points = [new(0, EngineParameters.KeysVolume, EngineParameters.KeysVolume.ToNormalized(0)),
            Step(EngineParameters.Style, "Rock", 0), Step(EngineParameters.Style, "Jazz Ballad", 10000)];
        using var rig = new EngineRig(Rate, 256, bank: BundledSounds.Bank);
        rig.SetPartBusesActive(true);
        MidiEvent[] events = [BandNotes.On(12000, BandPart.Keys), BandNotes.Off(20000, BandPart.Keys)];
        float[] engine = rig.RenderBuses(Total, 256, events, points)[SidemanEngine.FirstPartBus + (int)BandPart.Keys][0];

        var synth = new PartSynth();
        synth.SetSampleRate(Rate);
        synth.SetBank(BundledSounds.Bank, 0, 4);
        synth.ReverbSend = 0.15f;
        var left = new float[Total];
        var right = new float[Total];
        synth.NoteOn(12000, 60, MidiChannelRouting.Velocity(0.8f));
        synth.Render(left.AsSpan(0, 20000), right.AsSpan(0, 20000));
        synth.NoteOff(0, 60);
        synth.Render(left.AsSpan(20000), right.AsSpan(20000));
        Assert.Equal(left, engine);
    }

    [Fact]
    public void Every_style_the_model_knows_has_default_presets_of_its_own()
    {
        foreach (string id in BandStyles.Ids)
            Assert.True(BundledPresets.Styles.ContainsKey(BundledPresets.Normalize(id)), $"StyleDefaults.tsv has no row for the vocabulary's style '{id}'");
    }

    private static (int, int) Address(EngineRig rig, BandPart part)
    {
        SoundFontPreset? preset = rig.Engine.PartPreset(part);
        Assert.NotNull(preset);
        return (preset.Bank, preset.Program);
    }
}
