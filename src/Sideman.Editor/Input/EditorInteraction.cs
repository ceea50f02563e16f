using Sideman.Editor.Browse;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Editor.Prompt;
using Sideman.Engine;
using Sideman.Engine.Live;
using Sideman.Engine.Parameters;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Input;

/// <summary>Which text field has the keyboard.</summary>
public enum FocusedField
{
    None,
    Chart,
    Prompt,
}

/// <summary>
/// Turns pointer, wheel and key events (in the layout's pixels) into edits through the sink. It keeps the
/// little state the editor has of its own: the control being pressed or dragged, the focused text field and
/// its text, which overlay is open (the provenance panel or the SoundFont browser), and the last prompt's result.
/// Keys reach a text field only while one has focus (Escape also closes an open overlay); otherwise they are left to
/// the host (its transport keys).
/// </summary>
internal sealed class EditorInteraction
{
    /// <summary>Wheel steps move a slider by this share of its travel.</summary>
    private const double WheelTravel = 0.025;

    /// <summary>Rows of the SoundFont browser per wheel step.</summary>
    private const int WheelRows = 3;

    /// <summary>Pixels (logical) of vertical drag per seed step.</summary>
    private const float SeedDragPixels = 6;

    private readonly EditorLayout _layout;
    private readonly IEditorSnapshot _snapshot;
    private readonly IEditSink _sink;
    private readonly ParameterGestures _gestures;
    private Control _pressed;
    private bool _isPressed;
    private float _pressY;
    private double _pressValue;

    public EditorInteraction(EditorLayout layout, IEditorSnapshot snapshot, IEditSink sink)
    {
        _layout = layout;
        _snapshot = snapshot;
        _sink = sink;
        _gestures = new ParameterGestures(sink);
    }

    public FocusedField Focus { get; private set; }
    public TextEdit ChartEdit { get; } = new(LiveChart.MaxTextLength);
    public TextEdit PromptEdit { get; } = new(PromptMapping.MaxLength);
    public Overlay Open { get; private set; }
    public bool ProvenanceOpen => Open == Overlay.Provenance;
    public SoundFontBrowser Browser { get; } = new();
    public PromptResult LastPrompt { get; private set; } = PromptResult.Empty;

    /// <summary>True while the pointer holds this control down (it is drawn pressed).</summary>
    public bool IsPressed(ControlKind kind, int index) => _isPressed && _pressed.Kind == kind && _pressed.Index == index;

    public bool PointerDown(float x, float y)
    {
        if (_isPressed)
            PointerUp(x, y); // a lost release (the pointer left the window): finish that gesture first
        bool hit = _layout.HitTest(x, y, Open, out Control c);
        if (Focus != FocusedField.None && !(hit && IsFieldOf(c, Focus)))
            Blur(commit: true);
        if (!hit)
            return false;
        _pressed = c;
        _isPressed = true;
        _pressY = y / _layout.Scale;
        _pressValue = ControlParameters.Current(_snapshot, c.Kind, c.Index);
        Press(c, x / _layout.Scale);
        return true;
    }

    public bool PointerDrag(float x, float y)
    {
        if (!_isPressed)
            return false;
        float lx = x / _layout.Scale, ly = y / _layout.Scale;
        switch (_pressed.Kind)
        {
            case ControlKind.Energy or ControlKind.Swing or ControlKind.Humanize or ControlKind.PartVolume or ControlKind.PartPan:
                _gestures.Drag(ControlParameters.For(_pressed.Kind, _pressed.Index)!, SliderPosition(_pressed.Bounds, lx));
                return true;
            case ControlKind.Seed:
                int steps = (int)MathF.Round((_pressY - ly) / SeedDragPixels);
                ParameterDefinition seed = EngineParameters.Seed;
                if (steps != 0 || _gestures.IsOpen) // back at the start after moving still sends the start value
                    _gestures.Drag(seed, seed.ToNormalized(seed.Sanitize(_pressValue + steps)));
                return true;
            default:
                return true;
        }
    }

    public bool PointerUp(float x, float y)
    {
        if (!_isPressed)
            return false;
        _isPressed = false;
        switch (_pressed.Kind)
        {
            case ControlKind.Fill:
                _gestures.Release(EngineParameters.Fill);
                break;
            case ControlKind.PartRegenerate:
                _gestures.Release(EngineParameters.PartRegenerates[_pressed.Index]);
                break;
            case ControlKind.NewTake:
                foreach (ParameterDefinition regenerate in EngineParameters.PartRegenerates)
                    _gestures.Release(regenerate);
                break;
            default:
                _gestures.End();
                break;
        }
        return true;
    }

    /// <summary>The wheel over a control: <paramref name="steps"/> &gt; 0 raises the value (or picks the next item).</summary>
    public bool Wheel(float x, float y, float steps)
    {
        if (steps == 0 || !_layout.HitTest(x, y, Open, out Control c))
            return false;
        if (c.Kind == ControlKind.SoundFontRow)
        {
            int rows = (int)Math.Round(steps * WheelRows); // a smooth wheel's small steps still move a row
            Browser.ScrollBy(-(rows != 0 ? rows : Math.Sign(steps)), _layout.BrowserRows);
            return true;
        }
        int direction = Math.Sign(steps);
        ParameterDefinition? p = ControlParameters.For(c.Kind, c.Index);
        switch (c.Kind)
        {
            case ControlKind.Energy or ControlKind.Swing or ControlKind.Humanize or ControlKind.PartVolume or ControlKind.PartPan:
                double now = p!.ToNormalized(ControlParameters.Current(_snapshot, c.Kind, c.Index));
                _gestures.Set(p, p.ToPlain(Math.Clamp(now + steps * WheelTravel, 0, 1)));
                return true;
            case ControlKind.StylePrevious or ControlKind.Style or ControlKind.StyleNext or ControlKind.Seed or ControlKind.SeedDown
                or ControlKind.SeedUp or ControlKind.PartSound or ControlKind.Section:
                _gestures.Set(p!, ControlParameters.Current(_snapshot, c.Kind, c.Index) + direction);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A key: true when a focused text field took it, false to leave it to the host.</summary>
    public bool Key(EditorKey key, char character)
    {
        TextEdit? edit = Focus switch { FocusedField.Chart => ChartEdit, FocusedField.Prompt => PromptEdit, _ => null };
        if (edit is null && key == EditorKey.Escape && Open != Overlay.None)
        {
            CloseOverlay();
            return true;
        }
        if (edit is null)
            return false;
        switch (key)
        {
            case EditorKey.Enter:
                Blur(commit: true);
                return true;
            case EditorKey.Escape:
                Blur(commit: false);
                return true;
            case EditorKey.Tab:
                Blur(commit: true);
                return false; // let the host move focus on
            default:
                return edit.Apply(key, character);
        }
    }

    private void Press(Control c, float lx)
    {
        int part = c.Index;
        switch (c.Kind)
        {
            case ControlKind.StylePrevious:
                _gestures.Set(EngineParameters.Style, _snapshot.StyleIndex - 1);
                break;
            case ControlKind.StyleNext:
                _gestures.Set(EngineParameters.Style, _snapshot.StyleIndex + 1);
                break;
            case ControlKind.Style:
                _gestures.Set(EngineParameters.Style, (_snapshot.StyleIndex + 1) % (EngineParameters.Style.StepCount + 1));
                break;
            case ControlKind.ModeFollow:
                _gestures.Set(EngineParameters.ChordSource, LiveBandChoices.Follow);
                break;
            case ControlKind.ModeChart:
                _gestures.Set(EngineParameters.ChordSource, LiveBandChoices.Chart);
                break;
            case ControlKind.SeedDown:
                _gestures.Set(EngineParameters.Seed, _snapshot.Seed - 1);
                break;
            case ControlKind.SeedUp:
                _gestures.Set(EngineParameters.Seed, _snapshot.Seed + 1);
                break;
            case ControlKind.NewTake:
                foreach (ParameterDefinition regenerate in EngineParameters.PartRegenerates)
                    _gestures.Press(regenerate);
                break;
            case ControlKind.Section:
                _gestures.Set(EngineParameters.Section, c.Index);
                break;
            case ControlKind.Fill:
                _gestures.Press(EngineParameters.Fill);
                break;
            case ControlKind.Ending:
                _gestures.Set(EngineParameters.Ending, _snapshot.EndingOn ? 0 : 1);
                break;
            case ControlKind.Energy or ControlKind.Swing or ControlKind.Humanize or ControlKind.PartVolume or ControlKind.PartPan:
                _gestures.Drag(ControlParameters.For(c.Kind, c.Index)!, SliderPosition(c.Bounds, lx));
                break;
            case ControlKind.Chart when Focus != FocusedField.Chart:
                ChartEdit.Start(_snapshot.ChartText);
                Focus = FocusedField.Chart;
                break;
            case ControlKind.Prompt when Focus != FocusedField.Prompt:
                PromptEdit.Start(PromptEdit.Text);
                Focus = FocusedField.Prompt;
                break;
            case ControlKind.PartOn or ControlKind.PartMute or ControlKind.PartLock:
                _gestures.Set(ControlParameters.For(c.Kind, part)!, ControlParameters.Current(_snapshot, c.Kind, part) >= 0.5 ? 0 : 1);
                break;
            case ControlKind.PartRegenerate:
                _gestures.Press(EngineParameters.PartRegenerates[part]);
                break;
            case ControlKind.PartSound:
                ParameterDefinition preset = EngineParameters.PartPresets[part];
                _gestures.Set(preset, (_snapshot.Part((BandPart)part).PresetIndex + 1) % (preset.StepCount + 1));
                break;
            case ControlKind.PartSoundFile:
                Browser.Open((BandPart)part);
                Open = Overlay.SoundFonts;
                break;
            case ControlKind.Provenance:
                bool wasOpen = Open == Overlay.Provenance;
                CloseOverlay(); // one overlay at a time: the browser closes too
                if (!wasOpen)
                    Open = Overlay.Provenance;
                break;
            case ControlKind.ProvenanceClose or ControlKind.SoundFontClose:
                CloseOverlay();
                break;
            case ControlKind.SoundFontUp:
                Browser.Up();
                break;
            case ControlKind.SoundFontHome:
                Browser.Home();
                break;
            case ControlKind.SoundFontBundled:
                _sink.SetPartSoundFont(Browser.Part, null);
                CloseOverlay();
                break;
            case ControlKind.SoundFontRow when Browser.EntryOnRow(c.Index, out FolderEntry entry):
                if (entry.IsFolder)
                    Browser.Enter(entry.Path);
                else
                {
                    _sink.SetPartSoundFont(Browser.Part, entry.Path);
                    Browser.Chosen(entry);
                    Open = Overlay.None;
                }
                break;
        }
    }

    private void CloseOverlay()
    {
        if (Open == Overlay.SoundFonts)
            Browser.Close();
        Open = Overlay.None;
    }

    /// <summary>Where on a slider's travel a point lies, 0..1.</summary>
    private static double SliderPosition(SkiaSharp.SKRect bounds, float lx) =>
        Math.Clamp((lx - bounds.Left) / Math.Max(1, bounds.Width), 0, 1);

    private static bool IsFieldOf(Control c, FocusedField field) =>
        (field == FocusedField.Chart && c.Kind == ControlKind.Chart) || (field == FocusedField.Prompt && c.Kind == ControlKind.Prompt);

    /// <summary>Leaves the focused field. A chart is sent when it changed; a prompt is applied on commit.</summary>
    private void Blur(bool commit)
    {
        FocusedField field = Focus;
        Focus = FocusedField.None;
        if (!commit)
        {
            if (field == FocusedField.Prompt)
                PromptEdit.Start("");
            return;
        }
        if (field == FocusedField.Chart && !string.Equals(ChartEdit.Text, _snapshot.ChartText, StringComparison.Ordinal))
            _sink.SetChart(ChartEdit.Text);
        else if (field == FocusedField.Prompt)
            ApplyPrompt(PromptEdit.Text);
    }

    /// <summary>Sends what a prompt line asks for, one gesture per parameter.</summary>
    public void ApplyPrompt(string text)
    {
        PromptResult result = PromptMapping.Map(text);
        LastPrompt = result;
        if (result.StyleIndex is int style)
            _gestures.Set(EngineParameters.Style, style);
        for (int p = 0; p < EditorLayout.PartCount; p++)
        {
            int? preset = result.PresetIndex((BandPart)p) ?? (result.ResetsUnnamedSounds ? 0 : null);
            if (preset is int step)
                _gestures.Set(EngineParameters.PartPresets[p], step);
        }
        if (result.Energy is double energy)
            _gestures.Set(EngineParameters.Energy, energy);
        if (result.Swing is double swing)
            _gestures.Set(EngineParameters.Swing, swing);
        if (result.Humanize is double humanize)
            _gestures.Set(EngineParameters.Humanize, humanize);
    }
}
