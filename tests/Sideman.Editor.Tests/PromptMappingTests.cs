using Sideman.Editor.Prompt;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Tests;

public class PromptMappingTests
{
    /// <summary>
    /// Each phrase and exactly the settings it must make (<see cref="PromptResult.Settings"/>: style, energy,
    /// swing, humanize, then parts' sounds) and the words it must ignore, as typed, joined by "|".
    /// </summary>
    [Theory]
    [InlineData("laid-back bossa, sparse, warm keys", "style=Bossa, energy=1, swing=25, keys=Electric Piano", "")]
    [InlineData("", "", "")]
    [InlineData("   ", "", "")]
    [InlineData("rock", "style=Rock", "")]
    [InlineData("ROCK!!!", "style=Rock", "")]
    [InlineData("  Funky,,, DRIVING;  clav ", "style=Funk, energy=3, keys=Clavinet", "")]
    [InlineData("hip-hop with 808", "style=Hip-Hop, drums=TR-808 Kit", "")]
    [InlineData("Hip Hop", "style=Hip-Hop", "")]
    [InlineData("jazz ballad, brushes, upright bass", "style=Jazz Ballad, drums=Brush Kit, bass=Upright Bass", "")]
    [InlineData("jazz swing", "style=Jazz Swing", "")]
    [InlineData("swing", "swing=60", "")]
    [InlineData("straight rock, tight", "style=Rock, swing=0, humanize=5", "")]
    [InlineData("shuffle blues, loose", "style=Blues, swing=80, humanize=50", "")]
    [InlineData("very sparse", "energy=0", "")]
    [InlineData("really intense punk", "style=Punk, energy=4", "")]
    [InlineData("very bossa", "style=Bossa", "very")]
    [InlineData("energy 3", "energy=3", "")]
    [InlineData("Energy 2.5, swing 40%", "energy=2.5, swing=40", "")]
    [InlineData("energy 9", "", "energy 9 (0..4)")]
    [InlineData("rock, no wait, jazz", "style=Jazz Swing", "no|wait")]
    [InlineData("calm then epic", "energy=4", "then")]
    [InlineData("piano then rhodes", "keys=Electric Piano", "then")]
    [InlineData("classical guitar", "keys=Nylon Guitar", "")]
    [InlineData("classical, strings", "style=Classical, pad=Strings", "")]
    [InlineData("dreamy house with synth strings and a kalimba", "style=House, energy=1, pad=Synth Strings, arp=Kalimba", "")]
    [InlineData("gospel organ", "style=Gospel, keys=Drawbar Organ", "")]
    [InlineData("organ pad", "pad=Drawbar Organ", "")]
    [InlineData("bouncy reggae, guitar, vibes", "style=Reggae, energy=3, keys=Clean Guitar, arp=Vibraphone", "")]
    [InlineData("New Orleans second line", "style=New Orleans", "")]
    [InlineData("afro-cuban salsa", "style=Afro-Cuban", "")]
    [InlineData("purple monkey dishwasher", "", "purple|monkey|dishwasher")]
    [InlineData("a smooth synth bass groove", "energy=2, bass=Synth Bass 1", "groove")]
    [InlineData("Ragtime — stride piano!", "style=Ragtime, keys=Grand Piano", "")]
    [InlineData("LO-FI chill hiphop, sub bass", "style=Hip-Hop, energy=1, bass=Synth Bass 2", "LO|FI")]
    [InlineData("bossa nova, humanize 10", "style=Bossa, humanize=10", "")]
    [InlineData("café jazz", "style=Jazz Swing", "café")]
    public void A_phrase_makes_exactly_its_settings(string phrase, string settings, string ignored)
    {
        PromptResult result = PromptMapping.Map(phrase);

        Assert.Equal(settings, result.Settings);
        Assert.Equal(ignored, string.Join("|", result.Ignored));
    }

    [Fact]
    public void Null_text_is_an_empty_result()
    {
        PromptResult result = PromptMapping.Map(null);

        Assert.True(result.IsEmpty);
        Assert.Empty(result.Understood);
        Assert.Contains("Type a style", result.Summary);
    }

    [Fact]
    public void A_later_word_replaces_an_earlier_one_and_the_earlier_is_reported()
    {
        PromptResult result = PromptMapping.Map("rock, no wait, jazz");

        Assert.Equal(["rock, replaced by jazz"], result.Overridden);
        Assert.Equal(["rock: style Rock", "jazz: style Jazz Swing"], result.Understood);
    }

    [Fact]
    public void Words_that_agree_are_not_reported_as_overridden()
    {
        PromptResult result = PromptMapping.Map("laid-back and sparse");

        Assert.Equal(1.0, result.Energy);
        Assert.Empty(result.Overridden);
    }

    [Fact]
    public void A_style_resets_the_unnamed_parts_to_the_style_default_and_no_style_leaves_them()
    {
        PromptResult withStyle = PromptMapping.Map("bossa, warm keys");
        PromptResult without = PromptMapping.Map("warm keys");

        Assert.True(withStyle.ResetsUnnamedSounds);
        Assert.Null(withStyle.PresetIndex(BandPart.Bass));
        Assert.False(without.ResetsUnnamedSounds);
    }

    [Fact]
    public void The_summary_says_what_was_understood_and_what_was_ignored()
    {
        PromptResult result = PromptMapping.Map("laid-back bossa, sparse, warm keys, kazoo");

        Assert.Equal("Understood: laid back: swing 25%; laid back: energy 1; bossa: style Bossa; sparse: energy 1; warm keys: keys Electric Piano · Ignored: kazoo",
            result.Summary);
    }

    [Fact]
    public void The_same_text_always_gives_the_same_settings()
    {
        const string text = "Upbeat DISCO, picked bass, polysynth; humanize 30";

        Assert.Equal(PromptMapping.Map(text).Settings, PromptMapping.Map(text).Settings);
        Assert.Equal("style=Disco, energy=3, humanize=30, bass=Picked Bass, arp=Polysynth", PromptMapping.Map(text).Settings);
    }

    [Fact]
    public void Odd_input_never_throws()
    {
        string[] odd = ["%%%", "energy", "swing %", "-", "'''", "😀 🎸", new string('x', 5000), "energy 1e999", "\0\t\n", "9999999999999999999999 swing"];
        foreach (string text in odd)
            Assert.NotNull(PromptMapping.Map(text).Summary);
    }
}
