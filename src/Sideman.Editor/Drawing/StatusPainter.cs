using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// The status line: the plugin's messages for the user (sounds, late bars, a missing model) in words, and the
/// button that opens the provenance panel. The joined text is rebuilt only when a message changes.
/// </summary>
internal sealed class StatusPainter : IDisposable
{
    private const int MaxShown = 3;

    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _clear, _messages, _provenance;
    private readonly string[] _shown = new string[MaxShown];
    private int _shownCount = -1, _total;

    public StatusPainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        _clear = new TextLabel(ink.Normal, "No messages from the band or its sounds.");
        _messages = new TextLabel(ink.Normal);
        _provenance = new TextLabel(ink.Normal, "♪ Where the music comes from");
    }

    public void Draw(SKCanvas canvas, IEditorSnapshot s, EditorInteraction input)
    {
        SKRect r = _layout.StatusLine;
        bool any = s.StatusCount > 0;
        Widgets.Box(canvas, _ink, r, any ? Palette.Warning.WithAlpha(0x40) : Palette.Panel);
        SKRect button = _layout.Find(ControlKind.Provenance).Bounds;
        canvas.Save();
        canvas.ClipRect(new SKRect(r.Left, r.Top, button.Left - 6, r.Bottom));
        if (any)
            Messages(s).DrawIn(canvas, r, _ink.TextOf(Palette.Text), TextAlign.Left, 8);
        else
            _clear.DrawIn(canvas, r, _ink.TextOf(Palette.TextDim), TextAlign.Left, 8);
        canvas.Restore();
        Widgets.Button(canvas, _ink, button, _provenance, input.ProvenanceOpen, Palette.Accent, false);
    }

    private TextLabel Messages(IEditorSnapshot s)
    {
        int count = Math.Min(MaxShown, s.StatusCount);
        bool same = count == _shownCount && _total == s.StatusCount;
        for (int i = 0; same && i < count; i++)
            same = string.Equals(_shown[i], s.Status(i), StringComparison.Ordinal);
        if (same)
            return _messages;
        _shownCount = count;
        _total = s.StatusCount;
        for (int i = 0; i < count; i++)
            _shown[i] = s.Status(i);
        string text = string.Join("  ·  ", _shown, 0, count);
        if (_total > count)
            text += $"  (+{_total - count} more)";
        return _messages.Set("⚠ " + text);
    }

    public void Dispose()
    {
        _clear.Dispose();
        _messages.Dispose();
        _provenance.Dispose();
    }
}
