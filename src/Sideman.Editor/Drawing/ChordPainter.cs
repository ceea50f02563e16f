using System.Globalization;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>The chord the band follows now, large, the next chords of the chart, and where the playhead is.</summary>
internal sealed class ChordPainter : IDisposable
{
    public const int MaxNextShown = 4;

    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _nowCaption, _nextCaption, _chord, _noChord, _stopped;
    private readonly TextLabel[] _next = new TextLabel[MaxNextShown];
    private readonly ValueLabel _position;

    public ChordPainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        _nowCaption = new TextLabel(ink.Small, "NOW");
        _nextCaption = new TextLabel(ink.Small, "NEXT");
        _chord = new TextLabel(ink.Chord);
        _noChord = new TextLabel(ink.Chord, "N.C.");
        _stopped = new TextLabel(ink.Small, "■ stopped");
        for (int i = 0; i < _next.Length; i++)
            _next[i] = new TextLabel(ink.Heading);
        _position = new ValueLabel(ink.Small);
    }

    public void Draw(SKCanvas canvas, IEditorSnapshot s)
    {
        SKRect r = _layout.ChordPanel;
        Widgets.Box(canvas, _ink, r, Palette.Panel, 6);
        _nowCaption.Draw(canvas, r.Left + 10, r.Top + 16, _ink.TextOf(Palette.TextDim));
        if (s.Playing)
        {
            // Bar and beat shown from 1, as musicians count; the key packs both so the text is rebuilt once a beat.
            double key = s.PlayheadBar * 64.0 + Math.Floor(Math.Max(0, s.PlayheadBeat));
            _position.Update(key, static k => $"▶ bar {(int)Math.Floor(k / 64) + 1} · beat {(int)(k % 64) + 1}")
                .Draw(canvas, r.Right - 10, r.Top + 16, _ink.TextOf(Palette.On), TextAlign.Right);
        }
        else
        {
            _stopped.Draw(canvas, r.Right - 10, r.Top + 16, _ink.TextOf(Palette.TextDim), TextAlign.Right);
        }

        float baseline = r.Top + 62;
        if (s.ChordNow.Length > 0)
            _chord.Set(s.ChordNow).Draw(canvas, r.Left + 10, baseline, _ink.TextOf(Palette.Text));
        else
            _noChord.Draw(canvas, r.Left + 10, baseline, _ink.TextOf(Palette.TextDim));

        float y = r.Bottom - 12, x = r.Left + 10;
        _nextCaption.Draw(canvas, x, y, _ink.TextOf(Palette.TextDim));
        x += _nextCaption.Width + 10;
        int count = Math.Min(MaxNextShown, s.NextChordCount);
        canvas.Save();
        canvas.ClipRect(new SKRect(r.Left, r.Top, r.Right - 6, r.Bottom));
        for (int i = 0; i < count; i++)
        {
            TextLabel label = _next[i].Set(s.NextChord(i));
            label.Draw(canvas, x, y + 1, _ink.TextOf(i == 0 ? Palette.Accent : Palette.Text));
            x += label.Width + 14;
        }
        canvas.Restore();
    }

    public void Dispose()
    {
        foreach (TextLabel l in _next)
            l.Dispose();
        _nowCaption.Dispose();
        _nextCaption.Dispose();
        _chord.Dispose();
        _noChord.Dispose();
        _stopped.Dispose();
        _position.Dispose();
    }
}
