using Sideman.Engine.Live;
using Sideman.Synth.SoundFont;
using SkiaSharp;

namespace Sideman.Editor.Layout;

/// <summary>
/// Where everything goes, in logical units: the pixel size divided by the content scale factor, so a HiDPI
/// host gets the same layout drawn larger. Drawing and hit-testing both read this one object, so a click
/// lands on what is drawn. Recomputed only when the size or scale changes; no allocation after construction.
/// </summary>
public sealed class EditorLayout
{
    /// <summary>The size the editor opens at (logical units).</summary>
    public const float DefaultWidth = 900, DefaultHeight = 600;

    /// <summary>Below this the layout stays at the minimum and the picture is cut off (hosts are told the minimum).</summary>
    public const float MinWidth = 820, MinHeight = 540;

    public const float Pad = 8, Gap = 6, Row = 28, StatusHeight = 24;
    public const int PartCount = 5;
    public static readonly int SectionCount = LiveBandChoices.Sections.Count;

    /// <summary>The SoundFont browser shows at most this many rows, however tall the window.</summary>
    public const int MaxBrowserRows = 64;

    public const float BrowserRowHeight = 20, BrowserHeader = 60;

    private readonly Control[] _controls = new Control[80 + 4 + MaxBrowserRows]; // 70 + 4 + the rows today
    private readonly SKRect[] _lanes = new SKRect[PartCount];
    private int _count;

    public EditorLayout() => Update(DefaultWidth, DefaultHeight, 1);

    public int PixelWidth { get; private set; }
    public int PixelHeight { get; private set; }
    public float Scale { get; private set; } = 1;

    /// <summary>The logical size laid out (never below the minimum).</summary>
    public float Width { get; private set; }
    public float Height { get; private set; }

    public ReadOnlySpan<Control> Controls => _controls.AsSpan(0, _count);

    /// <summary>The chord now and the next chords.</summary>
    public SKRect ChordPanel { get; private set; }

    /// <summary>The line under the prompt box: what the prompt understood and ignored.</summary>
    public SKRect PromptFeedback { get; private set; }

    public SKRect StatusLine { get; private set; }

    /// <summary>The provenance panel, drawn over the lanes while open.</summary>
    public SKRect ProvenancePanel { get; private set; }

    /// <summary>The SoundFont browser, drawn over the lanes while open (the same place as the provenance panel).</summary>
    public SKRect SoundFontPanel => ProvenancePanel;

    /// <summary>How many rows of folders and files the SoundFont browser shows.</summary>
    public int BrowserRows { get; private set; }

    /// <summary>A part's whole lane (its name is drawn at its left).</summary>
    public SKRect Lane(BandPart part) => _lanes[(int)part];

    /// <summary>Lays out for a pixel size and content scale factor (scale ≤ 0 or NaN counts as 1).</summary>
    public void Update(int pixelWidth, int pixelHeight, float scale)
    {
        Scale = scale > 0 && float.IsFinite(scale) ? scale : 1;
        PixelWidth = Math.Max(1, pixelWidth);
        PixelHeight = Math.Max(1, pixelHeight);
        Width = Math.Max(MinWidth, PixelWidth / Scale);
        Height = Math.Max(MinHeight, PixelHeight / Scale);
        Build();
    }

    private void Update(float logicalWidth, float logicalHeight, float scale) =>
        Update((int)(logicalWidth * scale), (int)(logicalHeight * scale), scale);

    /// <summary>
    /// The control under a pixel position, or false. An open overlay covers the lanes: inside it only its own controls
    /// are hit, and an overlay's controls are never hit while it is closed.
    /// </summary>
    public bool HitTest(float pixelX, float pixelY, Overlay open, out Control hit)
    {
        float x = pixelX / Scale, y = pixelY / Scale;
        bool inPanel = open != Overlay.None && ProvenancePanel.Contains(x, y);
        for (int i = _count - 1; i >= 0; i--)
        {
            Control c = _controls[i];
            if (!c.Bounds.Contains(x, y))
                continue;
            Overlay owner = ControlKinds.OverlayOf(c.Kind);
            if (owner != Overlay.None && owner != open)
                continue;
            if (inPanel && owner != open)
                continue;
            hit = c;
            return true;
        }
        hit = default;
        return false;
    }

    /// <summary>A control's place; throws for one that is not laid out (a programming error).</summary>
    public Control Find(ControlKind kind, int index = 0)
    {
        foreach (Control c in Controls)
        {
            if (c.Kind == kind && c.Index == index)
                return c;
        }
        throw new ArgumentException($"No control {kind} #{index} in the layout.");
    }

    private void Build()
    {
        _count = 0;
        float rightWidth = Math.Clamp(Width * 0.3f, 240, 360);
        float left = Pad, leftWidth = Width - 2 * Pad - Gap - rightWidth, right = left + leftWidth + Gap;

        // Row 1: style, chord source, seed, new take.
        float y = Pad, x = left;
        x = Add(ControlKind.StylePrevious, 0, x, y, 24, Row);
        x = Add(ControlKind.Style, 0, x, y, 150, Row);
        x = Add(ControlKind.StyleNext, 0, x, y, 24, Row) + 10;
        x = Add(ControlKind.ModeFollow, 0, x, y, 60, Row);
        x = Add(ControlKind.ModeChart, 0, x, y, 60, Row) + 10;
        x = Add(ControlKind.SeedDown, 0, x, y, 24, Row);
        x = Add(ControlKind.Seed, 0, x, y, 70, Row);
        x = Add(ControlKind.SeedUp, 0, x, y, 24, Row) + 10;
        Add(ControlKind.NewTake, 0, x, y, Math.Max(72, left + leftWidth - x), Row);

        // Row 2: the sections share what fill and ending leave.
        y += Row + Gap;
        const float action = 52;
        float width = (leftWidth - 2 * action - (SectionCount + 1) * 4) / SectionCount;
        x = left;
        for (int s = 0; s < SectionCount; s++)
            x = Add(ControlKind.Section, s, x, y, width, Row) + 4;
        x = Add(ControlKind.Fill, 0, x, y, action, Row) + 4;
        Add(ControlKind.Ending, 0, x, y, left + leftWidth - x, Row);

        // Row 3: energy, large (what producers ride live), then swing and humanize stacked.
        y += Row + Gap;
        const float energyHeight = 48;
        float energyWidth = MathF.Round(leftWidth * 0.6f);
        Add(ControlKind.Energy, 0, left, y, energyWidth, energyHeight);
        float small = (energyHeight - Gap) / 2, sliderLeft = left + energyWidth + 10, sliderWidth = left + leftWidth - sliderLeft;
        Add(ControlKind.Swing, 0, sliderLeft, y, sliderWidth, small);
        Add(ControlKind.Humanize, 0, sliderLeft, y + small + Gap, sliderWidth, small);

        // Row 4: the chart; on the right the chord panel above the prompt and its feedback.
        y += energyHeight + Gap;
        Add(ControlKind.Chart, 0, left, y, leftWidth, Row);
        ChordPanel = new SKRect(right, Pad, right + rightWidth, y - Gap);
        Add(ControlKind.Prompt, 0, right, y, rightWidth, Row);
        PromptFeedback = new SKRect(right, y + Row + 2, right + rightWidth, y + Row + 20);

        // The lanes fill what is left above the status line.
        StatusLine = new SKRect(Pad, Height - Pad - StatusHeight, Width - Pad, Height - Pad);
        float lanesTop = PromptFeedback.Bottom + Gap, lanesBottom = StatusLine.Top - Gap;
        float laneHeight = (lanesBottom - lanesTop - (PartCount - 1) * 4) / PartCount;
        for (int p = 0; p < PartCount; p++)
        {
            float top = lanesTop + p * (laneHeight + 4);
            _lanes[p] = new SKRect(Pad, top, Width - Pad, top + laneHeight);
            AddLane(p, _lanes[p]);
        }
        ProvenancePanel = new SKRect(Pad, lanesTop, Width - Pad, lanesBottom);
        Add(ControlKind.Provenance, 0, StatusLine.Right - 230, StatusLine.Top + 2, 228, StatusHeight - 4);
        Add(ControlKind.ProvenanceClose, 0, ProvenancePanel.Right - 30, ProvenancePanel.Top + 6, 24, 24);
        AddBrowser(ProvenancePanel);
    }

    /// <summary>The SoundFont browser: its buttons along the top, then a row per folder or file.</summary>
    private void AddBrowser(SKRect panel)
    {
        float top = panel.Top + 6, x = panel.Right - 30;
        Add(ControlKind.SoundFontClose, 0, x, top, 24, 24);
        x -= 6 + 64;
        Add(ControlKind.SoundFontHome, 0, x, top, 64, 24);
        x -= 6 + 64;
        Add(ControlKind.SoundFontUp, 0, x, top, 64, 24);
        x -= 6 + 170;
        Add(ControlKind.SoundFontBundled, 0, x, top, 170, 24);
        float rowsTop = panel.Top + BrowserHeader;
        BrowserRows = Math.Clamp((int)((panel.Bottom - 6 - rowsTop) / BrowserRowHeight), 1, MaxBrowserRows);
        for (int r = 0; r < BrowserRows; r++)
            Add(ControlKind.SoundFontRow, r, panel.Left + 8, rowsTop + r * BrowserRowHeight, panel.Width - 16, BrowserRowHeight);
    }

    /// <summary>A lane: name, then two rows of controls, then the piano roll over the rest of the width.</summary>
    private void AddLane(int part, SKRect lane)
    {
        const float nameWidth = 64, stripWidth = 372;
        float top = lane.Top + 5, rowA = 26, rowB = Math.Max(16, lane.Height - 10 - rowA - 4);
        float x = lane.Left + nameWidth;
        x = Add(ControlKind.PartOn, part, x, top, 34, rowA) + 4;
        x = Add(ControlKind.PartMute, part, x, top, 26, rowA) + 4;
        x = Add(ControlKind.PartLock, part, x, top, 26, rowA) + 4;
        x = Add(ControlKind.PartRegenerate, part, x, top, 26, rowA) + 4;
        float stripRight = lane.Left + stripWidth;
        x = Add(ControlKind.PartSound, part, x, top, stripRight - x - 40, rowA) + 4;
        Add(ControlKind.PartSoundFile, part, x, top, stripRight - x, rowA);
        float rowBTop = top + rowA + 4, volumeWidth = (stripWidth - nameWidth - 6) * 0.58f;
        x = Add(ControlKind.PartVolume, part, lane.Left + nameWidth, rowBTop, volumeWidth, rowB) + 6;
        Add(ControlKind.PartPan, part, x, rowBTop, stripRight - x, rowB);
        Add(ControlKind.PartRoll, part, stripRight + 8, lane.Top + 4, lane.Right - 4 - (stripRight + 8), lane.Height - 8);
    }

    private float Add(ControlKind kind, int index, float x, float y, float width, float height)
    {
        _controls[_count++] = new Control(kind, index, new SKRect(x, y, x + width, y + height));
        return x + width;
    }
}
