using Sideman.Editor.Drawing;
using Sideman.Editor.Layout;
using Sideman.Editor.Tests.Support;
using SkiaSharp;

namespace Sideman.Editor.Tests;

public class DrawingTests
{
    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    public void Something_is_drawn_under_every_control_where_a_click_lands(float scale)
    {
        using var f = new EditorFixture(Scenes.ChartPlaying(), width: (int)(900 * scale), height: (int)(600 * scale), scale: scale);
        using var frame = new Frame((int)(900 * scale), (int)(600 * scale));
        frame.Render(f.View, scale);
        SKColor background = frame.At(1, 1);

        foreach (Control c in f.View.Layout.Controls)
        {
            if (ControlKinds.OverlayOf(c.Kind) != Overlay.None)
                continue; // drawn only while its overlay is open (SoundFontBrowserTests draws the browser's)
            (float x, float y) = f.At(c.Kind, c.Index, 0.5f, 0.15f);
            Assert.NotEqual(background, frame.At((int)x, (int)y));
            Assert.True(f.View.Layout.HitTest(x, y, Overlay.None, out Control hit) && hit == c, $"{c} is drawn at ({x}, {y}) but a click there hits {hit}.");
        }
    }

    [Fact]
    public void Bgra_and_rgba_buffers_hold_the_same_picture_with_red_and_blue_swapped()
    {
        using var f = new EditorFixture(Scenes.ChartPlaying());
        using var rgba = new Frame(900, 600);
        using var bgra = new Frame(900, 600);
        rgba.Render(f.View, 1);
        f.View.Render(bgra.Pixels, 900, 600, bgra.Stride, 1, EditorPixelFormat.Bgra8888);

        SKRect energy = f.View.Layout.Find(ControlKind.Energy).Bounds;
        SKColor a = rgba.At((int)energy.Left + 5, (int)energy.MidY), b = bgra.At((int)energy.Left + 5, (int)energy.MidY);
        Assert.Equal((a.Red, a.Green, a.Blue), (b.Blue, b.Green, b.Red));
        Assert.NotEqual(a.Red, a.Blue); // the accent is not grey, so the swap is visible
    }

    [Fact]
    public void The_scale_factor_draws_the_same_picture_larger()
    {
        using var one = new EditorFixture(Scenes.ChartPlaying());
        using var two = new EditorFixture(Scenes.ChartPlaying(), width: 1800, height: 1200, scale: 2);
        using var small = new Frame(900, 600);
        using var large = new Frame(1800, 1200);
        small.Render(one.View, 1);
        large.Render(two.View, 2);

        int same = 0, total = 0;
        for (int y = 4; y < 600; y += 7)
        {
            for (int x = 4; x < 900; x += 7, total++)
            {
                SKColor a = small.At(x, y), b = large.At(2 * x, 2 * y);
                if (Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 30)
                    same++;
            }
        }
        Assert.True(same > total * 0.95, $"{same} of {total} sampled pixels agree.");
    }

    [Fact]
    public void A_buffer_too_small_for_its_width_is_refused()
    {
        using var f = new EditorFixture();
        using var frame = new Frame(900, 600);

        Assert.Throws<ArgumentException>(() => f.View.Render(frame.Pixels, 900, 600, 900 * 4 - 4, 1));
    }

    [Fact]
    public void The_fonts_come_from_the_bundled_files()
    {
        EditorFonts fonts = EditorFixture.Fonts;

        Assert.Equal("DejaVu Sans", fonts.Regular.FamilyName);
        Assert.True(fonts.Bold.FontStyle.Weight >= (int)SKFontStyleWeight.Bold);
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "Fonts"), fonts.Folder.TrimEnd(Path.DirectorySeparatorChar));
        Assert.True(File.Exists(Path.Combine(fonts.Folder, "LICENSE.txt")));
    }

    [Fact]
    public void A_missing_font_says_what_to_do()
    {
        var error = Assert.Throws<FileNotFoundException>(() => EditorFonts.Load(Path.Combine(Path.GetTempPath(), "no-fonts-here")));

        Assert.Contains("Reinstall Sideman", error.Message);
    }
}
