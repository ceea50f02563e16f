using Sideman.Editor.Layout;
using Sideman.Synth.SoundFont;
using SkiaSharp;

namespace Sideman.Editor.Tests;

public class LayoutTests
{
    [Theory]
    [InlineData(900, 600, 1)]
    [InlineData(1800, 1200, 2)]
    [InlineData(1400, 800, 1)]
    [InlineData(820, 540, 1)]
    [InlineData(1260, 900, 1.5f)]
    public void Controls_lie_inside_the_window_and_never_overlap(int width, int height, float scale)
    {
        var layout = new EditorLayout();
        layout.Update(width, height, scale);
        var window = new SKRect(0, 0, width / scale, height / scale);

        ReadOnlySpan<Control> controls = layout.Controls;
        for (int i = 0; i < controls.Length; i++)
        {
            Control a = controls[i];
            Assert.True(a.Bounds.Width >= 12 && a.Bounds.Height >= 12, $"{a} is too small to click.");
            Assert.True(window.Contains(a.Bounds), $"{a} is outside the {window} window.");
            foreach (SKRect area in new[] { layout.ChordPanel, layout.PromptFeedback, layout.StatusLine })
            {
                if (a.Kind != ControlKind.Provenance)
                    Assert.False(a.Bounds.IntersectsWith(area) && !Touching(a.Bounds, area), $"{a} overlaps the panel at {area}.");
            }
            for (int j = i + 1; j < controls.Length; j++)
            {
                Control b = controls[j];
                if (ControlKinds.OverlayOf(a.Kind) != ControlKinds.OverlayOf(b.Kind))
                    continue; // an overlay's controls are drawn on its panel, over the lanes
                Assert.False(a.Bounds.IntersectsWith(b.Bounds) && !Touching(a.Bounds, b.Bounds), $"{a} overlaps {b}.");
            }
        }
    }

    [Fact]
    public void The_scale_factor_multiplies_everything()
    {
        var one = new EditorLayout();
        one.Update(900, 600, 1);
        var two = new EditorLayout();
        two.Update(1800, 1200, 2);

        Assert.Equal(one.Controls.ToArray(), two.Controls.ToArray());
        Assert.True(two.HitTest(2 * one.Find(ControlKind.Energy).Bounds.MidX, 2 * one.Find(ControlKind.Energy).Bounds.MidY, Overlay.None, out Control hit));
        Assert.Equal(ControlKind.Energy, hit.Kind);
    }

    [Fact]
    public void A_wider_window_gives_the_piano_rolls_the_room()
    {
        var narrow = new EditorLayout();
        narrow.Update(900, 600, 1);
        var wide = new EditorLayout();
        wide.Update(1600, 600, 1);

        Assert.True(wide.Find(ControlKind.PartRoll, (int)BandPart.Keys).Bounds.Width > narrow.Find(ControlKind.PartRoll, (int)BandPart.Keys).Bounds.Width + 500);
    }

    [Fact]
    public void Below_the_minimum_the_layout_keeps_its_minimum()
    {
        var layout = new EditorLayout();
        layout.Update(300, 200, 1);

        Assert.Equal(EditorLayout.MinWidth, layout.Width);
        Assert.Equal(EditorLayout.MinHeight, layout.Height);
    }

    private static bool Touching(SKRect a, SKRect b)
    {
        SKRect i = SKRect.Intersect(a, b);
        return i.Width <= 0.01f || i.Height <= 0.01f;
    }
}
