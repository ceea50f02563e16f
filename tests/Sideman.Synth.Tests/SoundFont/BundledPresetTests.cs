using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>The shipped sound tables: per-part choices and per-style defaults.</summary>
[Collection(FluidR3Collection.Name)]
public sealed class BundledPresetTests
{
    private readonly FluidR3Fixture _fluid;

    public BundledPresetTests(FluidR3Fixture fluid) => _fluid = fluid;

    [Fact]
    public void Every_part_offers_several_presets_and_drums_use_the_percussion_bank()
    {
        foreach (BandPart part in Enum.GetValues<BandPart>())
        {
            var choices = BundledPresets.ChoicesFor(part);
            Assert.True(choices.Count >= 3, $"{part} offers only {choices.Count} presets");
            Assert.Equal(choices.Count, choices.Select(c => c.Address).Distinct().Count());
            Assert.All(choices, c => Assert.Equal(part == BandPart.Drums, c.Address.Bank == SoundFontBank.PercussionBank));
        }
        Assert.Contains(BundledPresets.ChoicesFor(BandPart.Drums), c => c.Name.Contains("Brush"));
    }

    [Fact]
    public void Every_style_default_is_one_of_that_parts_choices()
    {
        Assert.True(BundledPresets.Styles.Count >= 13);
        foreach (var style in BundledPresets.Styles.Values)
        {
            foreach (BandPart part in Enum.GetValues<BandPart>())
                Assert.Contains(BundledPresets.ChoicesFor(part), c => c.Address == style.For(part));
        }
    }

    [Theory]
    [InlineData("Jazz Swing", "jazzswing")]
    [InlineData("jazz_ballad", "jazzballad")]
    [InlineData("Hip-Hop", "hiphop")]
    [InlineData("R&B", "rnb")]
    [InlineData("Latin/Bossa", "latinbossa")]
    public void Style_names_are_matched_loosely(string given, string normalized)
    {
        Assert.Equal(normalized, BundledPresets.Normalize(given));
    }

    [Fact]
    public void Jazz_gets_brushes_upright_bass_and_electric_piano_and_unknown_styles_the_default()
    {
        var ballad = BundledPresets.ForStyle("Jazz Ballad");
        Assert.Equal(new PresetAddress(128, 40), ballad.Drums);
        Assert.Equal(new PresetAddress(0, 32), ballad.Bass);
        Assert.Equal(new PresetAddress(0, 4), ballad.Keys);
        Assert.Equal(new PresetAddress(128, 32), BundledPresets.ForStyle("jazz swing").Drums);
        Assert.Equal(BundledPresets.Styles["default"], BundledPresets.ForStyle("polka"));
        Assert.Equal(BundledPresets.Styles["default"], BundledPresets.ForStyle(null));
    }

    [Fact]
    public void Malformed_tables_are_rejected_with_the_line_number()
    {
        var e = Assert.Throws<FormatException>(() => BundledPresets.ParseStyles("default\t128:0\t0:33\t0:0\t0:89\t0:81\nrock\t128:0\t0:34\n"));
        Assert.Contains("line 2", e.Message);
        Assert.Throws<FormatException>(() => BundledPresets.ParseStyles("pop\t128:0\t0:33\t0:0\t0:89\t0:81\n"));
        Assert.Throws<FormatException>(() => BundledPresets.ParseChoices("Drums\t128-0\tStandard\n"));
    }

    [RequiresFluidR3Fact]
    public void Every_choice_exists_in_FluidR3()
    {
        foreach (var c in BundledPresets.Choices)
        {
            var preset = _fluid.Bank.Find(c.Address.Bank, c.Address.Program);
            Assert.True(preset != null, $"{c.Part} choice {c.Name} ({c.Address}) is not in FluidR3_GM");
            Assert.NotEmpty(preset!.Regions);
        }
    }
}
