using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>The prompt box and, under it, what the last prompt understood and ignored.</summary>
internal sealed class PromptPainter : IDisposable
{
    private readonly Ink _ink;
    private readonly EditorLayout _layout;
    private readonly TextLabel _caption, _placeholder, _text, _feedback;

    public PromptPainter(Ink ink, EditorLayout layout)
    {
        _ink = ink;
        _layout = layout;
        _caption = new TextLabel(ink.Small, "Prompt");
        _placeholder = new TextLabel(ink.Normal, "laid-back bossa, sparse, warm keys");
        _text = new TextLabel(ink.Normal);
        _feedback = new TextLabel(ink.Small);
    }

    public void Draw(SKCanvas canvas, EditorInteraction input)
    {
        bool editing = input.Focus == FocusedField.Prompt;
        _text.Set(input.PromptEdit.Text);
        float caret = editing ? _ink.Normal.MeasureText(input.PromptEdit.BeforeCaret) : 0;
        Widgets.TextField(canvas, _ink, _layout.Find(ControlKind.Prompt).Bounds, _caption, _text, _placeholder, editing, caret);

        SKRect r = _layout.PromptFeedback;
        canvas.Save();
        canvas.ClipRect(r);
        _feedback.Set(input.LastPrompt.Summary).DrawIn(canvas, r, _ink.TextOf(Palette.TextDim), TextAlign.Left, 2);
        canvas.Restore();
    }

    public void Dispose()
    {
        _caption.Dispose();
        _placeholder.Dispose();
        _text.Dispose();
        _feedback.Dispose();
    }
}
