using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>The few shapes every control is made of: rounded boxes, buttons, overlay panels, horizontal sliders and text fields.</summary>
internal static class Widgets
{
    public const float Radius = 4;

    public static void Box(SKCanvas canvas, Ink ink, SKRect box, SKColor color, float radius = Radius) =>
        canvas.DrawRoundRect(box, radius, radius, ink.FillOf(color));

    /// <summary>A panel drawn over the lanes (provenance, SoundFont browser): the overlay box, an accent frame and its close button.</summary>
    public static void Panel(SKCanvas canvas, Ink ink, SKRect panel, SKRect close, TextLabel closeLabel)
    {
        Box(canvas, ink, panel, Palette.Overlay, 6);
        canvas.DrawRoundRect(panel, 6, 6, ink.StrokeOf(Palette.Accent, 1.5f));
        Button(canvas, ink, close, closeLabel, false, Palette.Accent, false);
    }

    /// <summary>A button: lit in <paramref name="lit"/> colour when on, darker while pressed.</summary>
    public static void Button(SKCanvas canvas, Ink ink, SKRect box, TextLabel label, bool on, SKColor lit, bool pressed)
    {
        SKColor face = pressed ? Palette.ControlPressed : on ? lit : Palette.Control;
        Box(canvas, ink, box, face);
        label.DrawIn(canvas, box, ink.TextOf(on && !pressed ? Palette.TextOnAccent : Palette.Text));
    }

    /// <summary>A horizontal slider: the track filled up to <paramref name="normalized"/>, name at the left, value at the right.</summary>
    public static void Slider(SKCanvas canvas, Ink ink, SKRect box, double normalized, TextLabel name, TextLabel value, SKColor fill, bool active)
    {
        Box(canvas, ink, box, Palette.Track);
        float n = (float)Math.Clamp(double.IsFinite(normalized) ? normalized : 0, 0, 1);
        if (n > 0)
        {
            var filled = new SKRect(box.Left, box.Top, box.Left + box.Width * n, box.Bottom);
            Box(canvas, ink, filled, active ? fill : Palette.AccentDim);
        }
        name.DrawIn(canvas, box, ink.TextOf(Palette.Text), TextAlign.Left);
        value.DrawIn(canvas, box, ink.TextOf(Palette.Text), TextAlign.Right);
    }

    /// <summary>A centred slider (pan): a bar from the middle to the value.</summary>
    public static void CenteredSlider(SKCanvas canvas, Ink ink, SKRect box, double normalized, TextLabel name, TextLabel value, SKColor fill)
    {
        Box(canvas, ink, box, Palette.Track);
        float n = (float)Math.Clamp(double.IsFinite(normalized) ? normalized : 0.5, 0, 1);
        float mid = box.MidX, at = box.Left + box.Width * n;
        var bar = new SKRect(Math.Min(mid, at) - 1, box.Top + 2, Math.Max(mid, at) + 1, box.Bottom - 2);
        canvas.DrawRect(bar, ink.FillOf(fill));
        canvas.DrawLine(mid, box.Top, mid, box.Bottom, ink.StrokeOf(Palette.TextDim));
        name.DrawIn(canvas, box, ink.TextOf(Palette.Text), TextAlign.Left);
        value.DrawIn(canvas, box, ink.TextOf(Palette.Text), TextAlign.Right);
    }

    /// <summary>
    /// A one-line text field: caption at the left, the text (or a dim placeholder) after it, clipped; while focused
    /// a focus ring and a caret after <paramref name="caretWidth"/> of text, scrolled so the caret stays in view.
    /// </summary>
    public static void TextField(SKCanvas canvas, Ink ink, SKRect box, TextLabel caption, TextLabel text, TextLabel placeholder,
        bool focused, float caretWidth)
    {
        Box(canvas, ink, box, Palette.Track);
        if (focused)
            canvas.DrawRoundRect(box, Radius, Radius, ink.StrokeOf(Palette.Focus, 1.5f));
        caption.DrawIn(canvas, box, ink.TextOf(Palette.TextDim), TextAlign.Left);
        float left = box.Left + 12 + caption.Width, room = box.Right - 8 - left;
        float shift = focused && caretWidth > room ? caretWidth - room : 0;
        canvas.Save();
        canvas.ClipRect(new SKRect(left - 2, box.Top, box.Right - 4, box.Bottom));
        var area = new SKRect(left - shift, box.Top, box.Right, box.Bottom);
        if (text.Text.Length > 0)
            text.DrawIn(canvas, area, ink.TextOf(Palette.Text), TextAlign.Left, 0);
        else if (!focused)
            placeholder.DrawIn(canvas, area, ink.TextOf(Palette.TextDim), TextAlign.Left, 0);
        if (focused)
        {
            float x = left - shift + caretWidth + 1;
            canvas.DrawLine(x, box.Top + 6, x, box.Bottom - 6, ink.StrokeOf(Palette.Text, 1.2f));
        }
        canvas.Restore();
    }
}
