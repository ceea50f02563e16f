using Sideman.Editor.Layout;
using Sideman.Editor.Tests.Support;
using Sideman.Engine;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Tests;

/// <summary>A click on each control, at the place the layout draws it, makes that control's edit through the sink.</summary>
public class HitTestTests
{
    private static string N(double normalized) => normalized.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static string[] Gesture(string id, double normalized) => [$"begin {id}", $"perform {id} {N(normalized)}", $"end {id}"];

    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    [InlineData(1.5f)]
    public void Every_switch_makes_one_gesture_on_its_parameter_at_any_scale(float scale)
    {
        using var f = new EditorFixture(width: (int)(900 * scale), height: (int)(600 * scale), scale: scale);
        int styles = EngineParameters.Style.StepCount;

        Assert.Equal(Gesture("band.style", 1.0 / styles), f.Click(ControlKind.StyleNext));
        Assert.Equal(Gesture("band.style", 1.0 / styles), f.Click(ControlKind.Style));
        Assert.Equal(Gesture("band.style", 0), f.Click(ControlKind.StylePrevious)); // already the first: stays
        Assert.Equal(Gesture("band.chords", 1), f.Click(ControlKind.ModeChart));
        Assert.Equal(Gesture("band.chords", 0), f.Click(ControlKind.ModeFollow));
        Assert.Equal(Gesture("band.seed", EngineParameters.Seed.ToNormalized(2)), f.Click(ControlKind.SeedUp));
        Assert.Equal(Gesture("band.seed", EngineParameters.Seed.ToNormalized(0)), f.Click(ControlKind.SeedDown));
        Assert.Equal(Gesture("band.section", EngineParameters.Section.ToNormalized(3)), f.Click(ControlKind.Section, 3));
        Assert.Equal(Gesture("band.ending", 1), f.Click(ControlKind.Ending));
        Assert.Equal(Gesture("keys.play", 0), f.Click(ControlKind.PartOn, (int)BandPart.Keys));
        Assert.Equal(Gesture("bass.mute", 1), f.Click(ControlKind.PartMute, (int)BandPart.Bass));
        Assert.Equal(Gesture("arp.lock", 1), f.Click(ControlKind.PartLock, (int)BandPart.Arp));
        Assert.Equal(Gesture("pad.preset", EngineParameters.PadPreset.ToNormalized(1)), f.Click(ControlKind.PartSound, (int)BandPart.Pad));
    }

    [Fact]
    public void Switches_that_are_on_turn_off()
    {
        var s = Scenes.Default();
        s.EndingOn = true;
        s.Parts[(int)BandPart.Drums].Muted = true;
        using var f = new EditorFixture(s);

        Assert.Equal(Gesture("band.ending", 0), f.Click(ControlKind.Ending));
        Assert.Equal(Gesture("drums.mute", 0), f.Click(ControlKind.PartMute, (int)BandPart.Drums));
    }

    [Fact]
    public void Momentary_buttons_are_on_while_held_in_one_gesture()
    {
        using var f = new EditorFixture();

        Assert.Equal(["begin band.fill", "perform band.fill 1", "perform band.fill 0", "end band.fill"], f.Click(ControlKind.Fill));
        Assert.Equal(["begin bass.regenerate", "perform bass.regenerate 1", "perform bass.regenerate 0", "end bass.regenerate"],
            f.Click(ControlKind.PartRegenerate, (int)BandPart.Bass));
    }

    [Fact]
    public void New_take_regenerates_every_part()
    {
        using var f = new EditorFixture();

        List<string> log = f.Click(ControlKind.NewTake);

        foreach (string part in new[] { "drums", "bass", "keys", "pad", "arp" })
        {
            Assert.Contains($"perform {part}.regenerate 1", log);
            Assert.Contains($"end {part}.regenerate", log);
        }
        Assert.Equal(20, log.Count);
    }

    [Theory]
    [InlineData(ControlKind.Energy, 0, "band.energy")]
    [InlineData(ControlKind.Swing, 0, "band.swing")]
    [InlineData(ControlKind.Humanize, 0, "band.humanize")]
    [InlineData(ControlKind.PartVolume, 2, "keys.volume")]
    [InlineData(ControlKind.PartPan, 4, "arp.pan")]
    public void A_slider_drag_is_one_gesture_that_follows_the_pointer(ControlKind kind, int index, string id)
    {
        using var f = new EditorFixture(width: 1800, height: 1200, scale: 2);
        (float x0, float y) = f.At(kind, index, 0.25f);
        (float x1, _) = f.At(kind, index, 0.75f);
        (float beyond, _) = f.At(kind, index, 1.5f);

        f.View.PointerDown(x0, y);
        f.View.PointerDrag(x1, y);
        f.View.PointerDrag(beyond, y);
        f.View.PointerUp(beyond, y);

        Assert.Equal([$"begin {id}", $"perform {id} 0.25", $"perform {id} 0.75", $"perform {id} 1", $"end {id}"], f.Sink.Log);
    }

    [Fact]
    public void The_wheel_steps_lists_and_nudges_sliders()
    {
        using var f = new EditorFixture();
        (float x, float y) = f.At(ControlKind.Style);
        (float ex, float ey) = f.At(ControlKind.Energy);
        (float sx, float sy) = f.At(ControlKind.Seed);

        Assert.True(f.View.Wheel(x, y, 1));
        Assert.True(f.View.Wheel(ex, ey, -2));
        Assert.True(f.View.Wheel(sx, sy, 1));
        (float cx, float cy) = f.At(ControlKind.Section, 4);
        Assert.True(f.View.Wheel(cx, cy, 1)); // the wheel steps from the section playing, wherever it is over the row

        Assert.Equal([$"band.style {N(1.0 / EngineParameters.Style.StepCount)}", "band.energy 0.45", $"band.seed {N(EngineParameters.Seed.ToNormalized(2))}",
            $"band.section {N(EngineParameters.Section.ToNormalized(1))}"], f.Sink.Performed);
    }

    [Fact]
    public void Dragging_the_seed_up_raises_it_a_step_per_six_logical_pixels()
    {
        using var f = new EditorFixture(width: 1800, height: 1200, scale: 2);
        (float x, float y) = f.At(ControlKind.Seed);

        f.View.PointerDown(x, y);
        f.View.PointerDrag(x, y - 2 * 12); // 12 logical pixels up at scale 2
        f.View.PointerUp(x, y - 24);

        Assert.Equal(["begin band.seed", $"perform band.seed {N(EngineParameters.Seed.ToNormalized(3))}", "end band.seed"], f.Sink.Log);
    }

    [Fact]
    public void A_click_that_changes_nothing_leaves_no_gesture()
    {
        using var f = new EditorFixture();
        (float x, float y) = f.At(ControlKind.Seed);

        f.View.PointerDown(x, y);
        f.View.PointerUp(x, y);

        Assert.Empty(f.Sink.Log);
    }

    [Fact]
    public void The_sound_file_button_opens_the_soundfont_browser_for_its_part_and_sends_nothing()
    {
        using var f = new EditorFixture();

        Assert.Empty(f.Click(ControlKind.PartSoundFile, (int)BandPart.Pad));
        Assert.Equal(Overlay.SoundFonts, f.View.Open);
        Assert.Equal(BandPart.Pad, f.View.Browser.Part);
    }

    [Fact]
    public void The_provenance_panel_covers_the_lanes_until_closed()
    {
        using var f = new EditorFixture();
        (float x, float y) = f.At(ControlKind.PartMute, 0);

        f.Click(ControlKind.Provenance);
        Assert.True(f.View.ProvenanceOpen);
        f.Sink.Log.Clear();
        f.View.PointerDown(x, y);
        f.View.PointerUp(x, y);
        Assert.Empty(f.Sink.Log); // the panel is on top: no mute behind it

        f.Click(ControlKind.ProvenanceClose);
        Assert.False(f.View.ProvenanceOpen);
        Assert.Equal(Gesture("drums.mute", 1), f.Click(ControlKind.PartMute, 0));
    }

    [Fact]
    public void Empty_space_hits_nothing()
    {
        using var f = new EditorFixture();

        Assert.False(f.View.PointerDown(2, 2));
        Assert.False(f.View.Wheel(2, 2, 1));
        Assert.Empty(f.Sink.Log);
    }
}
