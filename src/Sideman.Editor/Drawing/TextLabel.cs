using SkiaSharp;

namespace Sideman.Editor.Drawing;

public enum TextAlign
{
    Left,
    Center,
    Right,
}

/// <summary>
/// A piece of text shaped once into a Skia text blob and drawn from it every frame. Drawing a string directly
/// would shape it and allocate a blob each frame; here only a change of text does.
/// </summary>
internal sealed class TextLabel : IDisposable
{
    private readonly SKFont _font;
    private readonly float _capHeight;
    private SKTextBlob? _blob;

    public TextLabel(SKFont font, string text = "")
    {
        _font = font;
        _capHeight = font.Metrics.CapHeight;
        Set(text);
    }

    public string Text { get; private set; } = "";

    public float Width { get; private set; }

    /// <summary>Reshapes only when the text differs (compared by value, so an equal new string costs nothing).</summary>
    public TextLabel Set(string text)
    {
        text ??= "";
        if (_blob is not null && string.Equals(text, Text, StringComparison.Ordinal))
            return this;
        if (_blob is null && text.Length == 0 && Text.Length == 0)
            return this;
        _blob?.Dispose();
        Text = text;
        _blob = text.Length == 0 ? null : SKTextBlob.Create(text, _font);
        Width = text.Length == 0 ? 0 : _font.MeasureText(text);
        return this;
    }

    /// <summary>Draws with the baseline at <paramref name="baseline"/>, aligned on <paramref name="x"/>.</summary>
    public void Draw(SKCanvas canvas, float x, float baseline, SKPaint paint, TextAlign align = TextAlign.Left)
    {
        if (_blob is null)
            return;
        float left = align switch
        {
            TextAlign.Center => x - Width / 2,
            TextAlign.Right => x - Width,
            _ => x,
        };
        canvas.DrawText(_blob, left, baseline, paint);
    }

    /// <summary>Draws vertically centred in <paramref name="box"/> (by the cap height), aligned inside it with an inset.</summary>
    public void DrawIn(SKCanvas canvas, SKRect box, SKPaint paint, TextAlign align = TextAlign.Center, float inset = 6)
    {
        float baseline = box.MidY + _capHeight / 2;
        float x = align switch
        {
            TextAlign.Left => box.Left + inset,
            TextAlign.Right => box.Right - inset,
            _ => box.MidX,
        };
        Draw(canvas, x, baseline, paint, align);
    }

    public void Dispose()
    {
        _blob?.Dispose();
        _blob = null;
    }
}
