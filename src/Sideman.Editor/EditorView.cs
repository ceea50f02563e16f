using Sideman.Editor.Drawing;
using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Editor.Prompt;
using Sideman.Editor.Provenance;
using SkiaSharp;

namespace Sideman.Editor;

/// <summary>
/// The whole editor: draws it into a pixel buffer the caller owns (the bridge shows it in the host's window)
/// and turns pointer, wheel and key events at pixel positions into edits, with one layout for both.
/// It reads <see cref="IEditorSnapshot"/> each frame and writes only through <see cref="IEditSink"/>.
/// [main] Every member runs on the host's UI thread. A steady frame allocates nothing managed: paints, fonts,
/// text blobs and the Skia surface are made once and reused (texts are reshaped only when they change).
/// </summary>
public sealed class EditorView : IDisposable
{
    private readonly IEditorSnapshot _snapshot;
    private readonly Ink _ink;
    private readonly EditorInteraction _input;
    private readonly BandPainter _band;
    private readonly ChordPainter _chord;
    private readonly PromptPainter _prompt;
    private readonly LanePainter _lanes;
    private readonly ProvenancePainter _provenance;
    private readonly SoundFontBrowserPainter _browser;
    private readonly StatusPainter _status;
    private SKSurface? _surface;
    private SKCanvas? _canvas;
    private (nint Pixels, int Width, int Height, int Stride, EditorPixelFormat Format) _target;

    /// <param name="fonts">The bundled fonts; the view uses them but does not own them.</param>
    /// <param name="provenance">What the provenance panel shows (<see cref="ProvenanceReader.Read"/>).</param>
    public EditorView(IEditorSnapshot snapshot, IEditSink sink, EditorFonts fonts, ProvenanceInfo provenance)
    {
        _snapshot = snapshot;
        Layout = new EditorLayout();
        _ink = new Ink(fonts);
        _input = new EditorInteraction(Layout, snapshot, sink);
        _band = new BandPainter(_ink, Layout);
        _chord = new ChordPainter(_ink, Layout);
        _prompt = new PromptPainter(_ink, Layout);
        _lanes = new LanePainter(_ink, Layout);
        _provenance = new ProvenancePainter(_ink, Layout, provenance);
        _browser = new SoundFontBrowserPainter(_ink, Layout);
        _status = new StatusPainter(_ink, Layout);
    }

    public EditorLayout Layout { get; }

    public bool ProvenanceOpen => _input.ProvenanceOpen;

    /// <summary>The overlay open over the lanes, if any.</summary>
    public Overlay Open => _input.Open;

    /// <summary>The SoundFont browser ("sf2…" on a lane opens it; choosing a file sends it to the part).</summary>
    public Browse.SoundFontBrowser Browser => _input.Browser;

    public FocusedField Focus => _input.Focus;

    /// <summary>What the last prompt (Enter in the prompt box) understood and ignored.</summary>
    public PromptResult LastPrompt => _input.LastPrompt;

    /// <summary>Lays out for a new window size or content scale factor. <see cref="Render"/> does it too when they change.</summary>
    public void Resize(int width, int height, float scale)
    {
        if (width != Layout.PixelWidth || height != Layout.PixelHeight || scale != Layout.Scale)
            Layout.Update(width, height, scale);
    }

    /// <summary>
    /// Draws the whole editor into <paramref name="pixels"/>: <paramref name="height"/> rows of
    /// <paramref name="strideBytes"/> bytes, each starting with <paramref name="width"/> 32-bit pixels.
    /// The buffer must stay valid until the next call with another buffer, or until <see cref="Dispose"/>.
    /// </summary>
    public void Render(nint pixels, int width, int height, int strideBytes, float scale, EditorPixelFormat format = EditorPixelFormat.Bgra8888)
    {
        if (pixels == 0 || width <= 0 || height <= 0 || strideBytes < width * 4)
            throw new ArgumentException($"A {width}×{height} editor needs a buffer of rows of at least {Math.Max(0, width) * 4} bytes.");
        Resize(width, height, scale);
        SKCanvas canvas = Canvas(pixels, width, height, strideBytes, format);
        canvas.ResetMatrix();
        canvas.Clear(Palette.Background);
        canvas.Scale(Layout.Scale);
        _band.Draw(canvas, _snapshot, _input);
        _chord.Draw(canvas, _snapshot);
        _prompt.Draw(canvas, _input);
        _lanes.Draw(canvas, _snapshot, _input);
        if (_input.Open == Overlay.Provenance)
            _provenance.Draw(canvas, _snapshot);
        else if (_input.Open == Overlay.SoundFonts)
            _browser.Draw(canvas, _input.Browser);
        _status.Draw(canvas, _snapshot, _input);
        canvas.Flush();
    }

    /// <summary>A mouse button went down at a pixel position; true when it hit a control.</summary>
    public bool PointerDown(float x, float y) => _input.PointerDown(x, y);

    /// <summary>The pointer moved with the button held (drags sliders and the seed).</summary>
    public bool PointerDrag(float x, float y) => _input.PointerDrag(x, y);

    public bool PointerUp(float x, float y) => _input.PointerUp(x, y);

    /// <summary>Wheel steps over a control (positive: up, raising the value); true when a control took them.</summary>
    public bool Wheel(float x, float y, float steps) => _input.Wheel(x, y, steps);

    /// <summary>A key; true when a focused text field took it. False leaves it to the host (its transport keys).</summary>
    public bool Key(EditorKey key, char character = '\0') => _input.Key(key, character);

    private SKCanvas Canvas(nint pixels, int width, int height, int stride, EditorPixelFormat format)
    {
        var target = (pixels, width, height, stride, format);
        if (_canvas is not null && target == _target)
            return _canvas;
        _surface?.Dispose();
        var info = new SKImageInfo(width, height, format == EditorPixelFormat.Rgba8888 ? SKColorType.Rgba8888 : SKColorType.Bgra8888, SKAlphaType.Premul);
        _surface = SKSurface.Create(info, pixels, stride)
            ?? throw new InvalidOperationException($"Skia could not draw into a {width}×{height} buffer with rows of {stride} bytes.");
        _canvas = _surface.Canvas;
        _target = target;
        return _canvas;
    }

    public void Dispose()
    {
        _surface?.Dispose();
        _surface = null;
        _canvas = null;
        _band.Dispose();
        _chord.Dispose();
        _prompt.Dispose();
        _lanes.Dispose();
        _provenance.Dispose();
        _browser.Dispose();
        _status.Dispose();
        _ink.Dispose();
    }
}
