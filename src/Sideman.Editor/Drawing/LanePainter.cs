using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Synth.SoundFont;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>One lane per part: its switches, sound, volume and pan, and a piano roll of the bar playing and the bars ahead.</summary>
internal sealed class LanePainter : IDisposable
{
    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel[] _names = new TextLabel[EditorLayout.PartCount];
    private readonly TextLabel[] _sounds = new TextLabel[EditorLayout.PartCount];
    private readonly ValueLabel[] _volumes = new ValueLabel[EditorLayout.PartCount];
    private readonly ValueLabel[] _pans = new ValueLabel[EditorLayout.PartCount];
    private readonly TextLabel _on, _off, _mute, _lock, _regenerate, _soundFile, _volumeCaption, _panCaption, _menu;

    public LanePainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        for (int p = 0; p < EditorLayout.PartCount; p++)
        {
            _names[p] = new TextLabel(ink.Heading, ((BandPart)p).ToString());
            _sounds[p] = new TextLabel(ink.Normal);
            _volumes[p] = new ValueLabel(ink.Small);
            _pans[p] = new ValueLabel(ink.Small);
        }
        _on = new TextLabel(ink.Normal, "On");
        _off = new TextLabel(ink.Normal, "Off");
        _mute = new TextLabel(ink.Strong, "M");
        _lock = new TextLabel(ink.Strong, "L");
        _regenerate = new TextLabel(ink.Strong, "↻");
        _soundFile = new TextLabel(ink.Small, "sf2…");
        _volumeCaption = new TextLabel(ink.Small, "Vol");
        _panCaption = new TextLabel(ink.Small, "Pan");
        _menu = new TextLabel(ink.Small, "▾");
    }

    public void Draw(SKCanvas canvas, IEditorSnapshot s, EditorInteraction input)
    {
        for (int p = 0; p < EditorLayout.PartCount; p++)
            DrawLane(canvas, s, input, p);
    }

    private void DrawLane(SKCanvas canvas, IEditorSnapshot s, EditorInteraction input, int p)
    {
        var part = (BandPart)p;
        IPartView v = s.Part(part);
        SKRect lane = _layout.Lane(part);
        Widgets.Box(canvas, _ink, lane, Palette.Panel, 6);
        _names[p].Draw(canvas, lane.Left + 8, lane.Top + 23, _ink.TextOf(v.On && !v.Muted ? Palette.Text : Palette.TextDim));

        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.PartOn, p).Bounds, v.On ? _on : _off, v.On, Palette.On, false);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.PartMute, p).Bounds, _mute, v.Muted, Palette.Mute, false);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.PartLock, p).Bounds, _lock, v.Locked, Palette.Lock, false);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.PartRegenerate, p).Bounds, _regenerate, false, Palette.Accent,
            input.IsPressed(ControlKind.PartRegenerate, p));

        SKRect sound = _layout.Find(ControlKind.PartSound, p).Bounds;
        Widgets.Box(canvas, _ink, sound, input.IsPressed(ControlKind.PartSound, p) ? Palette.ControlPressed : Palette.Control);
        canvas.Save();
        canvas.ClipRect(new SKRect(sound.Left, sound.Top, sound.Right - 16, sound.Bottom));
        _sounds[p].Set(v.SoundName).DrawIn(canvas, sound, _ink.TextOf(Palette.Text), TextAlign.Left);
        canvas.Restore();
        _menu.DrawIn(canvas, sound, _ink.TextOf(Palette.TextDim), TextAlign.Right);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.PartSoundFile, p).Bounds, _soundFile, false, Palette.Accent, false);

        Widgets.Slider(canvas, _ink, _layout.Find(ControlKind.PartVolume, p).Bounds, EngineParameters.PartVolumes[p].ToNormalized(v.VolumeDb), _volumeCaption,
            _volumes[p].Update(v.VolumeDb, static db => EngineParameters.DrumsVolume.FormatPlain(db) + " dB"), Palette.On, v.On && !v.Muted);
        Widgets.CenteredSlider(canvas, _ink, _layout.Find(ControlKind.PartPan, p).Bounds, EngineParameters.PartPans[p].ToNormalized(v.Pan), _panCaption,
            _pans[p].Update(v.Pan, static pan => EngineParameters.DrumsPan.FormatPlain(pan)), Palette.Lock);

        DrawRoll(canvas, s, v, p);
    }

    /// <summary>
    /// The bar playing and the bars written ahead, side by side; pitch runs up the lane, fitted to the notes shown
    /// (at least an octave). Notes ahead of the playhead are bright, those already played dimmer.
    /// </summary>
    private void DrawRoll(SKCanvas canvas, IEditorSnapshot s, IPartView v, int p)
    {
        SKRect r = _layout.Find(ControlKind.PartRoll, p).Bounds;
        Widgets.Box(canvas, _ink, r, Palette.Track, 3);
        int bars = 1 + Math.Clamp(s.BarsAhead, 0, 4), beats = Math.Max(1, s.BeatsPerBar), first = s.PlayheadBar;
        float barWidth = r.Width / bars;
        for (int b = 0; b < bars; b++)
        {
            for (int beat = b == 0 ? 1 : 0; beat < beats; beat++)
            {
                float x = r.Left + b * barWidth + barWidth * beat / beats;
                canvas.DrawLine(x, r.Top + 1, x, r.Bottom - 1, _ink.StrokeOf(beat == 0 ? Palette.GridBar : Palette.GridBeat));
            }
        }

        ReadOnlySpan<RollNote> notes = v.Notes;
        int low = 127, high = 0;
        foreach (RollNote n in notes)
        {
            if (n.Bar < first || n.Bar >= first + bars)
                continue;
            low = Math.Min(low, n.Pitch);
            high = Math.Max(high, n.Pitch);
        }
        if (low > high)
            return; // nothing written for these bars yet
        if (high - low < 12)
        {
            int widen = 12 - (high - low);
            low = Math.Max(0, low - widen / 2);
            high = Math.Min(127, low + 12);
        }
        float rowHeight = (r.Height - 4) / (high - low + 1);
        float playhead = (float)((s.PlayheadBeat / beats) * barWidth);
        SKColor color = v.On && !v.Muted ? Palette.PartNotes[p] : Palette.NoteOff;
        canvas.Save();
        canvas.ClipRect(r);
        foreach (RollNote n in notes)
        {
            if (n.Bar < first || n.Bar >= first + bars)
                continue;
            float x0 = r.Left + (n.Bar - first) * barWidth + n.StartBeat / beats * barWidth;
            float x1 = x0 + Math.Max(2, n.LengthBeats / beats * barWidth);
            float y1 = r.Bottom - 2 - (n.Pitch - low) * rowHeight, y0 = y1 - Math.Max(2, rowHeight - 1);
            bool played = s.Playing && x0 < r.Left + playhead;
            _ink.Fill.Color = played ? color.WithAlpha(0x80) : color;
            canvas.DrawRect(new SKRect(x0, y0, x1, y1), _ink.Fill);
        }
        canvas.Restore();
        if (s.Playing)
            canvas.DrawLine(r.Left + playhead, r.Top, r.Left + playhead, r.Bottom, _ink.StrokeOf(Palette.Playhead, 1.5f));
    }

    public void Dispose()
    {
        for (int p = 0; p < EditorLayout.PartCount; p++)
        {
            _names[p].Dispose();
            _sounds[p].Dispose();
            _volumes[p].Dispose();
            _pans[p].Dispose();
        }
        foreach (TextLabel l in new[] { _on, _off, _mute, _lock, _regenerate, _soundFile, _volumeCaption, _panCaption, _menu })
            l.Dispose();
    }
}
