using Sideman.Engine.Band;
using Sideman.Engine.Parameters;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Band;

/// <summary>
/// The band's parameters: step lists pinned (a list parameter saves its step index, so a reordered
/// list would change saved songs), text both ways, and sensible defaults.
/// </summary>
public sealed class BandParameterTests
{
    [Fact]
    public void Style_steps_are_the_vocabularys_styles_in_their_saved_order()
    {
        string[] golden =
        [
            "Pop", "Rock", "Punk", "Funk", "Soul", "Hip-Hop", "House", "Disco", "Reggae", "Latin", "Bossa", "Afro-Cuban",
            "Jazz Swing", "Jazz Ballad", "New Orleans", "Blues", "Country", "Gospel", "Afrobeat", "Folk", "Hymn", "Baroque",
            "Classical", "Romantic", "March", "Ragtime", "World",
        ];
        // A style appended to the vocabulary extends this list at the end; anything else breaks saved songs.
        Assert.Equal(golden, BandStyles.Names.Take(golden.Length));
        Assert.Equal("Pop", EngineParameters.Style.FormatNormalized(EngineParameters.Style.DefaultNormalized));
    }

    [Fact]
    public void Preset_steps_are_pinned_per_part()
    {
        var golden = new Dictionary<BandPart, string[]>
        {
            [BandPart.Drums] = ["Style default", "Standard Kit", "Jazz Kit", "Brush Kit", "TR-808 Kit"],
            [BandPart.Bass] = ["Style default", "Finger Bass", "Picked Bass", "Upright Bass", "Synth Bass 1", "Synth Bass 2"],
            [BandPart.Keys] = ["Style default", "Grand Piano", "Electric Piano", "Drawbar Organ", "Clavinet", "Clean Guitar", "Nylon Guitar"],
            [BandPart.Pad] = ["Style default", "Warm Pad", "Strings", "Synth Strings", "Drawbar Organ"],
            [BandPart.Arp] = ["Style default", "Saw Lead", "Square Lead", "Polysynth", "Kalimba", "Vibraphone", "Clean Guitar"],
        };
        foreach ((BandPart part, string[] names) in golden)
        {
            var scale = (ListScale)EngineParameters.PartPresets[(int)part].Scale;
            Assert.Equal(names, scale.Names);
            Assert.Equal("Style default", EngineParameters.PartPresets[(int)part].FormatNormalized(EngineParameters.PartPresets[(int)part].DefaultNormalized));
        }
    }

    [Fact]
    public void Monitor_steps_are_pinned_and_default_to_the_grand_piano()
    {
        string[] golden =
        [
            "Grand Piano", "Electric Piano", "Drawbar Organ", "Clavinet", "Clean Guitar", "Nylon Guitar",
            "Finger Bass", "Picked Bass", "Upright Bass", "Synth Bass 1", "Synth Bass 2",
            "Warm Pad", "Strings", "Synth Strings",
            "Saw Lead", "Square Lead", "Polysynth", "Kalimba", "Vibraphone",
            "Basic Synth", "Off",
        ];
        Assert.Equal(golden, ((ListScale)EngineParameters.MonitorSound.Scale).Names);
        Assert.Equal(golden.Length - 2, BandPresets.MonitorBasicSynthIndex);
        Assert.Equal(golden.Length - 1, BandPresets.MonitorOffIndex);
    }

    [Theory]
    [InlineData("drums.preset", "brush kit", "Brush Kit")]
    [InlineData("bass.preset", "3", "Upright Bass")]
    [InlineData("band.style", "jazz swing", "Jazz Swing")]
    [InlineData("monitor.sound", "off", "Off")]
    [InlineData("keys.pan", "30L", "30L")]
    [InlineData("keys.pan", "L 30", "30L")]
    [InlineData("keys.pan", "-30", "30L")]
    [InlineData("keys.pan", "45r", "45R")]
    [InlineData("keys.pan", "centre", "C")]
    [InlineData("keys.pan", "0", "C")]
    [InlineData("pad.reverb", "35 %", "35")]
    [InlineData("pad.reverb", "35,0", "35")]
    [InlineData("arp.volume", "-6 dB", "-6.0")]
    [InlineData("bass.volume", "-inf", "-inf")]
    [InlineData("drums.mute", "on", "On")]
    [InlineData("fx.reverb.room", "80", "80")]
    public void Text_round_trips(string id, string typed, string shown)
    {
        ParameterDefinition d = EngineParameters.All.Find(id)!;
        Assert.True(d.TryParseNormalized(typed, out double normalized), $"{id} refused '{typed}'");
        Assert.Equal(shown, d.FormatNormalized(normalized));
        Assert.True(d.TryParseNormalized(shown, out double again));
        Assert.Equal(normalized, again, 12);
    }

    [Theory]
    [InlineData("keys.pan", "30X")]
    [InlineData("keys.pan", "L-30")]
    [InlineData("drums.preset", "Cowbell Kit")]
    [InlineData("band.style", "polka")]
    [InlineData("pad.reverb", "lots")]
    public void Nonsense_text_is_refused(string id, string typed)
    {
        Assert.False(EngineParameters.All.Find(id)!.TryParseNormalized(typed, out _));
    }

    [Fact]
    public void Pan_maps_hard_left_centre_and_hard_right()
    {
        ParameterDefinition pan = EngineParameters.KeysPan;
        Assert.Equal("100L", pan.FormatNormalized(0));
        Assert.Equal("C", pan.FormatNormalized(0.5));
        Assert.Equal("100R", pan.FormatNormalized(1));
        Assert.Equal(0.5, pan.DefaultNormalized);
    }

    [Fact]
    public void Every_part_has_a_full_strip_and_the_band_is_audible_by_default()
    {
        for (int p = 0; p < BandSynth.PartCount; p++)
        {
            Assert.StartsWith(((BandPart)p).ToString().ToLowerInvariant() + ".", EngineParameters.PartPresets[p].StringId);
            Assert.True(EngineParameters.PartVolumes[p].DefaultPlain > -10);
            Assert.Equal(0, EngineParameters.PartMutes[p].DefaultPlain);
            foreach (ParameterDefinition d in new[] { EngineParameters.PartPresets[p], EngineParameters.PartVolumes[p], EngineParameters.PartMutes[p],
                         EngineParameters.PartPans[p], EngineParameters.PartReverbSends[p], EngineParameters.PartChorusSends[p] })
            {
                Assert.True(d.IsPersisted && d.Has(ParameterFlags.Automatable) && !d.Has(ParameterFlags.Hidden), d.StringId);
                Assert.StartsWith(((BandPart)p).ToString().ToLowerInvariant() + ".", d.StringId);
            }
        }
    }
}
