using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Tests.Support;
using Sideman.Engine;
using Sideman.Engine.Band;

namespace Sideman.Editor.Tests;

/// <summary>The chart and prompt fields: typing, sending, cancelling, and leaving every other key to the host.</summary>
public class KeyboardTests
{
    [Fact]
    public void Keys_go_to_the_host_while_no_field_has_focus()
    {
        using var f = new EditorFixture();

        Assert.False(f.View.Key(EditorKey.Character, ' ')); // the host's play/stop
        Assert.False(f.View.Key(EditorKey.Enter));
        Assert.Empty(f.Sink.Log);
    }

    [Fact]
    public void A_typed_chart_is_sent_on_enter()
    {
        var s = Scenes.Default();
        s.ChartText = "C | G";
        using var f = new EditorFixture(s);

        f.Click(ControlKind.Chart);
        Assert.Equal(FocusedField.Chart, f.View.Focus);
        f.Type(" | Am");
        Assert.True(f.View.Key(EditorKey.Home));
        Assert.True(f.View.Key(EditorKey.Delete));
        f.Type("F");
        Assert.True(f.View.Key(EditorKey.Enter));

        Assert.Equal(["chart F | G | Am"], f.Sink.Log);
        Assert.Equal(FocusedField.None, f.View.Focus);
    }

    [Fact]
    public void Escape_forgets_the_edit_and_an_unchanged_chart_is_not_sent()
    {
        var s = Scenes.Default();
        s.ChartText = "C | G";
        using var f = new EditorFixture(s);

        f.Click(ControlKind.Chart);
        f.Type("xyz");
        Assert.True(f.View.Key(EditorKey.Escape));
        f.Click(ControlKind.Chart);
        Assert.True(f.View.Key(EditorKey.Enter));

        Assert.Empty(f.Sink.Log);
    }

    [Fact]
    public void Clicking_elsewhere_sends_a_changed_chart_before_the_click_acts()
    {
        using var f = new EditorFixture();

        f.Click(ControlKind.Chart);
        f.Type("Dm7 | G7");
        List<string> log = f.Click(ControlKind.ModeChart);

        Assert.Equal(["chart Dm7 | G7", "begin band.chords", "perform band.chords 1", "end band.chords"], log);
    }

    [Fact]
    public void A_prompt_sets_style_sounds_energy_and_swing_on_enter()
    {
        using var f = new EditorFixture();

        f.Click(ControlKind.Prompt);
        f.Type("laid-back bossa, sparse, warm keys");
        Assert.True(f.View.Key(EditorKey.Enter));

        int bossa = BandStyles.Ids.ToList().IndexOf("bossa");
        int ep = BandPresets.PresetNames(Synth.SoundFont.BandPart.Keys).ToList().IndexOf("Electric Piano");
        string N(double v) => v.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
        [
            $"band.style {N(EngineParameters.Style.ToNormalized(bossa))}",
            "drums.preset 0",
            "bass.preset 0",
            $"keys.preset {N(EngineParameters.KeysPreset.ToNormalized(ep))}",
            "pad.preset 0",
            "arp.preset 0",
            "band.energy 0.25",
            "band.swing 0.25",
        ], f.Sink.Performed);
        Assert.True(f.Sink.AllClosed);
        Assert.Contains("bossa: style Bossa", f.View.LastPrompt.Summary);
    }

    [Fact]
    public void A_prompt_without_a_style_leaves_the_other_sounds_alone()
    {
        using var f = new EditorFixture();

        f.Click(ControlKind.Prompt);
        f.Type("brushes");
        f.View.Key(EditorKey.Enter);

        Assert.Equal([$"drums.preset {EngineParameters.DrumsPreset.ToNormalized(BandPresets.PresetNames(Synth.SoundFont.BandPart.Drums).ToList().IndexOf("Brush Kit")).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}"],
            f.Sink.Performed);
    }

    [Fact]
    public void Editing_keys_move_the_caret_and_control_characters_are_swallowed()
    {
        using var f = new EditorFixture();

        f.Click(ControlKind.Chart);
        f.Type("CG");
        f.View.Key(EditorKey.Left);
        f.Type(" | ");
        f.View.Key(EditorKey.End);
        f.View.Key(EditorKey.Backspace);
        f.Type("Am");
        Assert.True(f.View.Key(EditorKey.Character, '\u0007'));
        Assert.False(f.View.Key(EditorKey.Tab)); // Tab commits and lets the host move focus
        Assert.Equal(["chart C | Am"], f.Sink.Log);
    }
}
