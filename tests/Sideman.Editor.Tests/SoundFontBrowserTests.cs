using Sideman.Editor.Browse;
using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Tests.Support;
using Sideman.Synth.SoundFont;
using Sideman.Tests.Shared;
using SkiaSharp;

namespace Sideman.Editor.Tests;

/// <summary>
/// "sf2…" on a lane opens the editor's SoundFont browser over the lanes: folders and .sf2 files, clicked where they are
/// drawn; a chosen file goes to that part through SetPartSoundFont; a folder that cannot be read says why.
/// </summary>
public sealed class SoundFontBrowserTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sideman-browser-").FullName;

    public SoundFontBrowserTests()
    {
        foreach (string folder in new[] { "Strings", "bass", ".hidden" })
            Directory.CreateDirectory(Path.Combine(_root, folder));
        File.WriteAllBytes(Path.Combine(_root, "Piano.sf2"), new byte[3 * 1024 * 1024]);
        File.WriteAllBytes(Path.Combine(_root, "a.SF2"), new byte[2048]);
        File.WriteAllText(Path.Combine(_root, "notes.txt"), "not a SoundFont");
        File.WriteAllBytes(Path.Combine(_root, ".secret.sf2"), new byte[16]);
        File.WriteAllBytes(Path.Combine(_root, "bass", "Fretless.sf2"), new byte[16]);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_folder_lists_its_subfolders_then_its_soundfonts_by_name_and_nothing_else()
    {
        List<FolderEntry> entries = SoundFontBrowser.List(_root);

        Assert.Equal(["bass", "Strings", "a.SF2", "Piano.sf2"], entries.Select(e => e.Name));
        Assert.Equal([true, true, false, false], entries.Select(e => e.IsFolder));
        Assert.Equal(Path.Combine(_root, "Piano.sf2"), entries[3].Path);
        Assert.Equal(3 * 1024 * 1024, entries[3].Bytes);
    }

    [Fact]
    public void Folders_open_and_close_by_click_and_a_chosen_file_goes_to_the_part()
    {
        using var f = Opened(BandPart.Keys);

        Assert.Empty(f.Click(ControlKind.SoundFontRow, 0)); // "bass"
        Assert.Equal(Path.Combine(_root, "bass"), f.View.Browser.Folder);
        Assert.Equal(["Fretless.sf2"], f.View.Browser.Entries.Select(e => e.Name));
        Assert.Empty(f.Click(ControlKind.SoundFontUp));
        Assert.Equal(_root, f.View.Browser.Folder);

        Assert.Equal([$"soundfont Keys {Path.Combine(_root, "Piano.sf2")}"], f.Click(ControlKind.SoundFontRow, 3));
        Assert.Equal(Overlay.None, f.View.Open);

        // The next opening starts where the last SoundFont was chosen.
        f.Click(ControlKind.PartSoundFile, (int)BandPart.Bass);
        Assert.Equal(_root, f.View.Browser.Folder);
        Assert.Equal(BandPart.Bass, f.View.Browser.Part);
    }

    [Fact]
    public void The_bundled_sound_button_gives_the_part_its_bundled_sound_back()
    {
        using var f = Opened(BandPart.Pad);

        Assert.Equal(["soundfont Pad "], f.Click(ControlKind.SoundFontBundled));
        Assert.Equal(Overlay.None, f.View.Open);
    }

    [Fact]
    public void A_folder_that_cannot_be_read_says_why_and_keeps_the_list()
    {
        using var f = Opened(BandPart.Arp);
        string missing = Path.Combine(_root, "gone");

        Assert.False(f.View.Browser.Enter(missing));
        Assert.StartsWith($"Cannot open {missing}:", f.View.Browser.Problem);
        Assert.Equal(_root, f.View.Browser.Folder);
        Assert.Equal(4, f.View.Browser.Entries.Count);
        using var frame = new Frame(900, 600);
        frame.Render(f.View, 1); // drawn with the problem line, no exception
        Assert.True(f.View.Browser.Enter(_root));
        Assert.Null(f.View.Browser.Problem);
    }

    [Fact]
    public void Empty_rows_hit_the_browser_but_choose_nothing()
    {
        using var f = Opened(BandPart.Drums);

        Assert.Empty(f.Click(ControlKind.SoundFontRow, 10)); // only 4 entries
        Assert.Equal(Overlay.SoundFonts, f.View.Open);
        Assert.Equal(_root, f.View.Browser.Folder);
    }

    [Fact]
    public void While_open_it_covers_the_lanes_and_escape_or_the_cross_closes_it()
    {
        using var f = Opened(BandPart.Bass);
        (float x, float y) = f.At(ControlKind.PartMute, (int)BandPart.Keys);

        f.Sink.Log.Clear();
        Assert.True(f.View.PointerDown(x, y));
        f.View.PointerUp(x, y);
        Assert.Empty(f.Sink.Log); // no mute behind the browser
        Assert.True(f.View.Key(EditorKey.Escape));
        Assert.Equal(Overlay.None, f.View.Open);
        Assert.False(f.View.Key(EditorKey.Escape)); // closed: the key is the host's again

        f.Click(ControlKind.PartSoundFile, (int)BandPart.Bass);
        f.Click(ControlKind.Provenance); // one overlay at a time: the panel replaces the browser
        Assert.Equal(Overlay.Provenance, f.View.Open);
        f.Click(ControlKind.ProvenanceClose);
        f.Click(ControlKind.PartSoundFile, (int)BandPart.Bass);
        Assert.Equal(Overlay.SoundFonts, f.View.Open);
        f.Click(ControlKind.SoundFontClose);
        Assert.Equal(Overlay.None, f.View.Open);
        Assert.Equal(["drums.mute"], f.Click(ControlKind.PartMute, 0).Where(l => l.StartsWith("begin")).Select(l => l[6..]));
    }

    [Fact]
    public void The_wheel_scrolls_a_long_folder_a_page_at_most_to_its_end()
    {
        for (int i = 0; i < 40; i++)
            File.WriteAllBytes(Path.Combine(_root, $"Kit {i:00}.sf2"), new byte[8]);
        using var f = Opened(BandPart.Drums);
        int rows = f.View.Layout.BrowserRows, count = f.View.Browser.Entries.Count;
        Assert.Equal(44, count);
        (float x, float y) = f.At(ControlKind.SoundFontRow, 1);

        Assert.True(f.View.Wheel(x, y, -1));
        Assert.Equal(3, f.View.Browser.Scroll);
        Assert.Equal([$"soundfont Drums {f.View.Browser.Entries[3].Path}"], f.Click(ControlKind.SoundFontRow, 0));

        f.Click(ControlKind.PartSoundFile, 0);
        f.View.Browser.Enter(_root);
        for (int i = 0; i < 30; i++)
            f.View.Wheel(x, y, -1);
        Assert.Equal(count - rows, f.View.Browser.Scroll);
        f.View.Wheel(x, y, 100);
        Assert.Equal(0, f.View.Browser.Scroll);
    }

    [Theory]
    [InlineData(1f)]
    [InlineData(2f)]
    public void Every_browser_control_is_drawn_where_a_click_lands(float scale)
    {
        using var f = Opened(BandPart.Keys, scale);
        using var frame = new Frame((int)(900 * scale), (int)(600 * scale));
        frame.Render(f.View, scale);
        SKRect panel = f.View.Layout.SoundFontPanel;
        SKColor panelColour = frame.At((int)((panel.Left + 3) * scale), (int)(panel.MidY * scale));

        foreach (Control c in f.View.Layout.Controls)
        {
            if (ControlKinds.OverlayOf(c.Kind) != Overlay.SoundFonts || (c.Kind == ControlKind.SoundFontRow && c.Index >= 4))
                continue;
            Assert.True(f.View.Layout.HitTest(c.Bounds.MidX * scale, c.Bounds.MidY * scale, Overlay.SoundFonts, out Control hit) && hit == c,
                $"{c} is not what a click at its centre hits ({hit}).");
            Assert.True(AnyPixelDiffers(frame, c.Bounds, scale, panelColour), $"nothing is drawn on {c}");
        }
    }

    [Fact]
    public void A_steady_frame_with_the_browser_open_allocates_nothing()
    {
        using var f = Opened(BandPart.Keys);
        using var frame = new Frame(900, 600);
        for (int i = 0; i < 5; i++)
            frame.Render(f.View, 1);

        long before = ThreadAllocation.Start();
        for (int i = 0; i < 50; i++)
            frame.Render(f.View, 1);

        Assert.Equal(0, ThreadAllocation.Since(before));
    }

    private EditorFixture Opened(BandPart part, float scale = 1)
    {
        var f = new EditorFixture(width: (int)(900 * scale), height: (int)(600 * scale), scale: scale);
        Assert.Empty(f.Click(ControlKind.PartSoundFile, (int)part));
        Assert.True(f.View.Browser.Enter(_root));
        return f;
    }

    private static bool AnyPixelDiffers(Frame frame, SKRect bounds, float scale, SKColor colour)
    {
        for (int y = (int)(bounds.Top * scale) + 1; y < (int)(bounds.Bottom * scale) - 1; y++)
        {
            for (int x = (int)(bounds.Left * scale) + 1; x < (int)(bounds.Right * scale) - 1; x++)
            {
                if (frame.At(x, y) != colour)
                    return true;
            }
        }
        return false;
    }
}
