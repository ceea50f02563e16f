using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// The paints and fonts every painter shares, made once: a frame only changes their colour, which allocates
/// nothing. Fonts are in logical units; the canvas's scale makes them sharp at any content scale factor.
/// </summary>
internal sealed class Ink : IDisposable
{
    public Ink(EditorFonts fonts)
    {
        Small = Font(fonts.Regular, 10);
        Normal = Font(fonts.Regular, 12);
        Strong = Font(fonts.Bold, 12);
        Heading = Font(fonts.Bold, 14);
        Value = Font(fonts.Bold, 22);
        Chord = Font(fonts.Bold, 40);
    }

    public SKPaint Fill { get; } = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    public SKPaint Stroke { get; } = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1 };
    public SKPaint Text { get; } = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public SKFont Small { get; }
    public SKFont Normal { get; }
    public SKFont Strong { get; }
    public SKFont Heading { get; }
    public SKFont Value { get; }
    public SKFont Chord { get; }

    public SKPaint FillOf(SKColor color)
    {
        Fill.Color = color;
        return Fill;
    }

    public SKPaint StrokeOf(SKColor color, float width = 1)
    {
        Stroke.Color = color;
        Stroke.StrokeWidth = width;
        return Stroke;
    }

    public SKPaint TextOf(SKColor color)
    {
        Text.Color = color;
        return Text;
    }

    // Plain anti-aliasing (no LCD subpixel colour), so pictures compare across machines and scale cleanly.
    private static SKFont Font(SKTypeface face, float size) =>
        new(face, size) { Edging = SKFontEdging.Antialias, Subpixel = true, Hinting = SKFontHinting.Slight };

    public void Dispose()
    {
        Fill.Dispose();
        Stroke.Dispose();
        Text.Dispose();
        Small.Dispose();
        Normal.Dispose();
        Strong.Dispose();
        Heading.Dispose();
        Value.Dispose();
        Chord.Dispose();
    }
}
