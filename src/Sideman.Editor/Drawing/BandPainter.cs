using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Engine.Live;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>The band's controls: style, chord source, seed, new take, sections, fill, ending, energy, swing, humanize and the chart.</summary>
internal sealed class BandPainter : IDisposable
{
    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _previous, _next, _styleCaption, _follow, _chart, _minus, _plus, _seedCaption, _newTake, _fill, _ending;
    private readonly TextLabel _energyCaption, _swingCaption, _humanizeCaption, _chartCaption, _chartPlaceholder, _chartText;
    private readonly TextLabel[] _sections, _sectionsSmall;
    private readonly TextLabel[] _levels = new TextLabel[5];
    private readonly TextLabel _style;
    private readonly ValueLabel _seed, _energy, _swing, _humanize;

    public BandPainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        _previous = new TextLabel(ink.Normal, "◀");
        _next = new TextLabel(ink.Normal, "▶");
        _styleCaption = new TextLabel(ink.Small, "Style");
        _style = new TextLabel(ink.Strong);
        _follow = new TextLabel(ink.Normal, "Follow");
        _chart = new TextLabel(ink.Normal, "Chart");
        _minus = new TextLabel(ink.Strong, "−");
        _plus = new TextLabel(ink.Strong, "+");
        _seedCaption = new TextLabel(ink.Small, "Seed");
        _seed = new ValueLabel(ink.Strong);
        _newTake = new TextLabel(ink.Normal, "New take");
        _sections = new TextLabel[LiveBandChoices.Sections.Count];
        _sectionsSmall = new TextLabel[_sections.Length];
        for (int s = 0; s < _sections.Length; s++)
        {
            _sections[s] = new TextLabel(ink.Normal, LiveBandChoices.Sections[s]);
            _sectionsSmall[s] = new TextLabel(ink.Small, LiveBandChoices.Sections[s]);
        }
        _fill = new TextLabel(ink.Normal, "Fill");
        _ending = new TextLabel(ink.Normal, "Ending");
        _energyCaption = new TextLabel(ink.Small, "ENERGY");
        _energy = new ValueLabel(ink.Value);
        for (int i = 0; i < _levels.Length; i++)
            _levels[i] = new TextLabel(ink.Small, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _swingCaption = new TextLabel(ink.Small, "Swing");
        _swing = new ValueLabel(ink.Small);
        _humanizeCaption = new TextLabel(ink.Small, "Humanize");
        _humanize = new ValueLabel(ink.Small);
        _chartCaption = new TextLabel(ink.Small, "Chart");
        _chartPlaceholder = new TextLabel(ink.Normal, "C | Am7 | F G7 | C/E   (click to type a chord chart, Enter to send)");
        _chartText = new TextLabel(ink.Normal);
    }

    public void Draw(SKCanvas canvas, IEditorSnapshot s, EditorInteraction input)
    {
        SKRect r = _layout.Find(ControlKind.Style).Bounds;
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.StylePrevious).Bounds, _previous, false, Palette.Accent, input.IsPressed(ControlKind.StylePrevious, 0));
        Widgets.Box(canvas, _ink, r, input.IsPressed(ControlKind.Style, 0) ? Palette.ControlPressed : Palette.Control);
        _styleCaption.DrawIn(canvas, r, _ink.TextOf(Palette.TextDim), TextAlign.Left);
        _style.Set(BandStyles.Names[Math.Clamp(s.StyleIndex, 0, BandStyles.Names.Count - 1)]).DrawIn(canvas, r, _ink.TextOf(Palette.Text), TextAlign.Right, 8);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.StyleNext).Bounds, _next, false, Palette.Accent, input.IsPressed(ControlKind.StyleNext, 0));

        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.ModeFollow).Bounds, _follow, s.Mode == ChordSourceMode.Follow, Palette.Accent, false);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.ModeChart).Bounds, _chart, s.Mode == ChordSourceMode.Chart, Palette.Accent, false);

        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.SeedDown).Bounds, _minus, false, Palette.Accent, input.IsPressed(ControlKind.SeedDown, 0));
        r = _layout.Find(ControlKind.Seed).Bounds;
        Widgets.Box(canvas, _ink, r, Palette.Track);
        _seedCaption.DrawIn(canvas, r, _ink.TextOf(Palette.TextDim), TextAlign.Left);
        _seed.Update(s.Seed, static v => ((int)v).ToString(System.Globalization.CultureInfo.InvariantCulture)).DrawIn(canvas, r, _ink.TextOf(Palette.Text), TextAlign.Right);
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.SeedUp).Bounds, _plus, false, Palette.Accent, input.IsPressed(ControlKind.SeedUp, 0));
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.NewTake).Bounds, _newTake, false, Palette.Accent, input.IsPressed(ControlKind.NewTake, 0));

        for (int i = 0; i < _sections.Length; i++)
        {
            r = _layout.Find(ControlKind.Section, i).Bounds;
            TextLabel name = _sections[i].Width <= r.Width - 6 ? _sections[i] : _sectionsSmall[i]; // "Pre-Chorus" in a narrow window
            Widgets.Button(canvas, _ink, r, name, s.SectionIndex == i, Palette.Accent, false);
        }
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.Fill).Bounds, _fill, s.FillOn, Palette.Accent, input.IsPressed(ControlKind.Fill, 0));
        Widgets.Button(canvas, _ink, _layout.Find(ControlKind.Ending).Bounds, _ending, s.EndingOn, Palette.Warning, false);

        DrawEnergy(canvas, s.Energy);
        Widgets.Slider(canvas, _ink, _layout.Find(ControlKind.Swing).Bounds, EngineParameters.Swing.ToNormalized(s.SwingPercent), _swingCaption,
            _swing.Update(s.SwingPercent, static v => Math.Round(v).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%"), Palette.Accent, true);
        Widgets.Slider(canvas, _ink, _layout.Find(ControlKind.Humanize).Bounds, EngineParameters.Humanize.ToNormalized(s.HumanizePercent), _humanizeCaption,
            _humanize.Update(s.HumanizePercent, static v => Math.Round(v).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%"), Palette.Accent, true);

        bool editing = input.Focus == FocusedField.Chart;
        _chartText.Set(editing ? input.ChartEdit.Text : s.ChartText);
        float caret = editing ? _ink.Normal.MeasureText(input.ChartEdit.BeforeCaret) : 0;
        Widgets.TextField(canvas, _ink, _layout.Find(ControlKind.Chart).Bounds, _chartCaption, _chartText, _chartPlaceholder, editing, caret);
    }

    /// <summary>The large energy control: a wide bar with the five model levels marked, the value large at the right.</summary>
    private void DrawEnergy(SKCanvas canvas, double energy)
    {
        SKRect r = _layout.Find(ControlKind.Energy).Bounds;
        Widgets.Box(canvas, _ink, r, Palette.Track, 6);
        float n = (float)Math.Clamp(EngineParameters.Energy.ToNormalized(energy), 0, 1);
        if (n > 0)
            Widgets.Box(canvas, _ink, new SKRect(r.Left, r.Top, r.Left + r.Width * n, r.Bottom), Palette.Accent, 6);
        for (int i = 0; i < _levels.Length; i++)
        {
            float x = r.Left + r.Width * i / 4f;
            if (i > 0 && i < 4)
                canvas.DrawLine(x, r.Bottom - 10, x, r.Bottom, _ink.StrokeOf(Palette.TextDim));
            TextAlign align = i == 0 ? TextAlign.Left : i == 4 ? TextAlign.Right : TextAlign.Center;
            _levels[i].Draw(canvas, i == 0 ? x + 4 : i == 4 ? x - 4 : x, r.Bottom - 13, _ink.TextOf(n * 4 >= i ? Palette.TextOnAccent : Palette.TextDim), align);
        }
        _energyCaption.Draw(canvas, r.Left + 8, r.Top + 14, _ink.TextOf(n > 0.12f ? Palette.TextOnAccent : Palette.TextDim));
        _energy.Update(Math.Round(energy, 1), static v => v.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))
            .Draw(canvas, r.Right - 10, r.Top + 26, _ink.TextOf(n > 0.9f ? Palette.TextOnAccent : Palette.Text), TextAlign.Right);
    }

    public void Dispose()
    {
        foreach (IDisposable d in new IDisposable[] { _previous, _next, _styleCaption, _follow, _chart, _minus, _plus, _seedCaption, _newTake, _fill, _ending,
                     _energyCaption, _swingCaption, _humanizeCaption, _chartCaption, _chartPlaceholder, _chartText, _style, _seed, _energy, _swing, _humanize })
            d.Dispose();
        foreach (TextLabel l in _sections.Concat(_sectionsSmall))
            l.Dispose();
        foreach (TextLabel l in _levels)
            l.Dispose();
    }
}
