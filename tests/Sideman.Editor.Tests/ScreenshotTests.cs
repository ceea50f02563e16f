using Sideman.Editor.Layout;
using Sideman.Editor.Tests.Support;
using SkiaSharp;

namespace Sideman.Editor.Tests;

/// <summary>
/// The editor in three states, drawn at 900×600 (scale 1), compared with the committed PNGs in
/// tests/Sideman.Editor.Tests/Screenshots (the same files are in docs/editor for the README).
/// Tolerance: a pixel differs when one of its channels is off by more than <see cref="ChannelTolerance"/>, and at
/// most <see cref="MaxDifferingShare"/> of the pixels may differ. Why: Skia picks its rasterizing code by the CPU it
/// runs on (SSE, AVX2, AVX-512 paths), which moves anti-aliased edges and glyph coverage by a few levels; a moved
/// or missing control, a wrong colour or wrong text changes hundreds of pixels by far more (the smallest button,
/// 26×26, is 676 pixels, over twice the share allowed).
/// To redraw the references after an intended change: SIDEMAN_UPDATE_SCREENSHOTS=1 dotnet test tests/Sideman.Editor.Tests
/// --filter ScreenshotTests, look at the PNGs, commit them.
/// </summary>
public class ScreenshotTests
{
    public const int ChannelTolerance = 24;
    public const double MaxDifferingShare = 0.0005;
    private const int Width = 900, Height = 600;

    private static bool Updating => Environment.GetEnvironmentVariable("SIDEMAN_UPDATE_SCREENSHOTS") == "1";

    [Fact]
    public void Default() => Check("default", Scenes.Default(), openProvenance: false);

    [Fact]
    public void Chart_playing_in_chart_mode() => Check("chart-playing", Scenes.ChartPlaying(), openProvenance: false);

    [Fact]
    public void Provenance_panel_open() => Check("provenance", Scenes.ChartPlaying(), openProvenance: true);

    [Theory]
    [InlineData("default")]
    [InlineData("chart-playing")]
    [InlineData("provenance")]
    public void The_readme_shows_the_references(string name)
    {
        if (Updating)
            return; // the screenshot tests are writing both copies right now
        string docs = Path.Combine(RepoPaths.DocsScreenshots, name + ".png");
        Assert.True(File.Exists(docs), $"{docs} is missing: run the screenshot tests with SIDEMAN_UPDATE_SCREENSHOTS=1.");
        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Screenshots, name + ".png")), File.ReadAllBytes(docs));
    }

    [Fact]
    public void The_comparison_catches_a_missing_button()
    {
        using var f = new EditorFixture(Scenes.Default());
        using var frame = new Frame(Width, Height);
        frame.Render(f.View, 1);
        byte[] reference = frame.Rgba();
        byte[] changed = (byte[])reference.Clone();
        SKRect mute = f.View.Layout.Find(ControlKind.PartMute, 2).Bounds; // paint the smallest button away
        for (int y = (int)mute.Top; y < (int)mute.Bottom; y++)
        {
            for (int x = (int)mute.Left; x < (int)mute.Right; x++)
                changed.AsSpan((y * Width + x) * 4, 4).Fill(0x20);
        }

        Assert.True(Compare(reference, changed).Share > MaxDifferingShare);
        Assert.Equal(0, Compare(reference, reference).Share);
    }

    private static void Check(string name, FakeSnapshot snapshot, bool openProvenance)
    {
        using var f = new EditorFixture(snapshot, Scenes.FixtureProvenance());
        if (openProvenance)
            f.Click(ControlKind.Provenance);
        using var frame = new Frame(Width, Height);
        frame.Render(f.View, 1);

        string reference = Path.Combine(RepoPaths.Screenshots, name + ".png");
        if (Updating)
        {
            byte[] png = frame.EncodePng();
            Directory.CreateDirectory(RepoPaths.Screenshots);
            Directory.CreateDirectory(RepoPaths.DocsScreenshots);
            File.WriteAllBytes(reference, png);
            File.WriteAllBytes(Path.Combine(RepoPaths.DocsScreenshots, name + ".png"), png);
            return;
        }
        Assert.True(File.Exists(reference), $"{reference} is missing: run with SIDEMAN_UPDATE_SCREENSHOTS=1 to draw it.");
        (double share, int maxDifference) = Compare(Decode(reference), frame.Rgba());
        if (share > MaxDifferingShare)
        {
            string actual = Path.Combine(AppContext.BaseDirectory, name + ".actual.png");
            File.WriteAllBytes(actual, frame.EncodePng());
            Assert.Fail($"{name}: {share:P3} of the pixels differ (allowed {MaxDifferingShare:P3}; largest channel difference {maxDifference}). " +
                        $"This run's picture: {actual}. If the change is intended, rerun with SIDEMAN_UPDATE_SCREENSHOTS=1 and commit the PNGs.");
        }
    }

    private static byte[] Decode(string path)
    {
        using SKBitmap decoded = SKBitmap.Decode(path);
        Assert.Equal((Width, Height), (decoded.Width, decoded.Height));
        using var rgba = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        Assert.True(decoded.CopyTo(rgba, SKColorType.Rgba8888));
        return rgba.Bytes;
    }

    /// <summary>The share of pixels with a channel off by more than the tolerance, and the largest difference seen.</summary>
    private static (double Share, int MaxDifference) Compare(byte[] expected, byte[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        int differing = 0, max = 0;
        for (int i = 0; i < expected.Length; i += 4)
        {
            int worst = 0;
            for (int c = 0; c < 4; c++)
                worst = Math.Max(worst, Math.Abs(expected[i + c] - actual[i + c]));
            max = Math.Max(max, worst);
            if (worst > ChannelTolerance)
                differing++;
        }
        return (differing / (double)(expected.Length / 4), max);
    }
}
