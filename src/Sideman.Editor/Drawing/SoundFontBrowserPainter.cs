using System.Globalization;
using Sideman.Editor.Browse;
using Sideman.Editor.Layout;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// The SoundFont browser over the lanes: which part it loads for, the folder, its buttons (bundled sound, up, home,
/// close) and a row per subfolder or .sf2 file. Texts are reshaped only when the browser shows something else.
/// </summary>
internal sealed class SoundFontBrowserPainter : IDisposable
{
    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _title, _folder, _position, _message, _close, _up, _home, _bundled;
    private readonly TextLabel[] _names = new TextLabel[EditorLayout.MaxBrowserRows];
    private readonly TextLabel[] _sizes = new TextLabel[EditorLayout.MaxBrowserRows];
    private int _shownVersion = -1, _shownRows = -1;

    public SoundFontBrowserPainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        _title = new TextLabel(ink.Heading);
        _folder = new TextLabel(ink.Normal);
        _position = new TextLabel(ink.Small);
        _message = new TextLabel(ink.Normal);
        _close = new TextLabel(ink.Strong, "✕");
        _up = new TextLabel(ink.Normal, "↑ Up");
        _home = new TextLabel(ink.Normal, "Home");
        _bundled = new TextLabel(ink.Normal, "Use the bundled sound");
        for (int i = 0; i < _names.Length; i++)
        {
            _names[i] = new TextLabel(ink.Normal);
            _sizes[i] = new TextLabel(ink.Small);
        }
    }

    public void Draw(SKCanvas canvas, SoundFontBrowser browser)
    {
        SKRect r = _layout.SoundFontPanel;
        int rows = _layout.BrowserRows;
        if (browser.Version != _shownVersion || rows != _shownRows)
            Refresh(browser, rows);
        Widgets.Panel(canvas, _ink, r, _layout.Find(ControlKind.SoundFontClose).Bounds, _close);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.SoundFontHome).Bounds, _home, false, Palette.Accent, false);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.SoundFontUp).Bounds, _up, false, Palette.Accent, false);
        SKRect bundled = _layout.Find(ControlKind.SoundFontBundled).Bounds;
        Widgets.Button(canvas, _ink, bundled, _bundled, false, Palette.Accent, false);

        float x = r.Left + 14;
        canvas.Save();
        canvas.ClipRect(new SKRect(r.Left + 4, r.Top + 4, bundled.Left - 8, r.Top + 32));
        _title.Draw(canvas, x, r.Top + 24, _ink.TextOf(Palette.Accent));
        canvas.Restore();
        // The folder's end is what tells folders apart: a long path is cut at its start.
        float positionLeft = r.Right - 14 - _position.Width - 12;
        canvas.Save();
        canvas.ClipRect(new SKRect(x, r.Top + 34, positionLeft, r.Top + EditorLayout.BrowserHeader - 4));
        float folderX = Math.Min(x, positionLeft - _folder.Width);
        _folder.Draw(canvas, folderX, r.Top + 50, _ink.TextOf(browser.Problem is null ? Palette.TextDim : Palette.Warning));
        canvas.Restore();
        _position.Draw(canvas, r.Right - 14, r.Top + 50, _ink.TextOf(Palette.TextDim), TextAlign.Right);

        for (int row = 0; row < rows; row++)
        {
            if (!browser.EntryOnRow(row, out FolderEntry entry))
                break;
            SKRect box = _layout.Find(ControlKind.SoundFontRow, row).Bounds;
            if (row % 2 == 0)
                Widgets.Box(canvas, _ink, box, Palette.Panel, 2);
            canvas.Save();
            canvas.ClipRect(new SKRect(box.Left, box.Top, box.Right - 90, box.Bottom));
            _names[row].DrawIn(canvas, box, _ink.TextOf(entry.IsFolder ? Palette.Text : Palette.Accent), TextAlign.Left, 8);
            canvas.Restore();
            _sizes[row].DrawIn(canvas, box, _ink.TextOf(Palette.TextDim), TextAlign.Right, 8);
        }
        if (browser.Entries.Count == 0 || browser.Problem is not null)
        {
            float y = _layout.Find(ControlKind.SoundFontRow, Math.Min(rows - 1, browser.Entries.Count)).Bounds.MidY + 4;
            _message.Draw(canvas, x, y, _ink.TextOf(browser.Problem is null ? Palette.TextDim : Palette.Warning));
        }
    }

    private void Refresh(SoundFontBrowser browser, int rows)
    {
        _shownVersion = browser.Version;
        _shownRows = rows;
        _title.Set($"Load a SoundFont (.sf2) for the {browser.Part}");
        _folder.Set(browser.Folder.Length == 0 ? "Drives" : browser.Folder);
        int count = browser.Entries.Count, first = count == 0 ? 0 : browser.Scroll + 1, last = Math.Min(count, browser.Scroll + rows);
        _position.Set(count == 0 ? "empty" : $"{first}–{last} of {count}");
        _message.Set(browser.Problem ?? "No folders or .sf2 files here.");
        for (int row = 0; row < rows; row++)
        {
            bool any = browser.EntryOnRow(row, out FolderEntry entry);
            _names[row].Set(!any ? "" : entry.IsFolder ? $"▸ {entry.Name}" : $"♫ {entry.Name}");
            _sizes[row].Set(!any || entry.IsFolder ? "" : Size(entry.Bytes));
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 0 => "?",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.# KB", CultureInfo.InvariantCulture),
        _ => (bytes / (1024.0 * 1024)).ToString("0.# MB", CultureInfo.InvariantCulture),
    };

    public void Dispose()
    {
        foreach (TextLabel l in new[] { _title, _folder, _position, _message, _close, _up, _home, _bundled })
            l.Dispose();
        foreach (TextLabel l in _names)
            l.Dispose();
        foreach (TextLabel l in _sizes)
            l.Dispose();
    }
}
