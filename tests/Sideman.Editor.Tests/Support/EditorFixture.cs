using Sideman.Editor.Drawing;
using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Editor.Provenance;

namespace Sideman.Editor.Tests.Support;

/// <summary>An editor over a fake snapshot and a recording sink, with helpers that click controls where the layout put them.</summary>
public sealed class EditorFixture : IDisposable
{
    private static readonly Lazy<EditorFonts> SharedFonts = new(() => EditorFonts.Load());

    public EditorFixture(FakeSnapshot? snapshot = null, ProvenanceInfo? provenance = null, int width = 900, int height = 600, float scale = 1)
    {
        Snapshot = snapshot ?? Scenes.Default();
        View = new EditorView(Snapshot, Sink, Fonts, provenance ?? Scenes.FixtureProvenance());
        View.Resize(width, height, scale);
    }

    public static EditorFonts Fonts => SharedFonts.Value;

    public FakeSnapshot Snapshot { get; }
    public RecordingSink Sink { get; } = new();
    public EditorView View { get; }
    public float Scale => View.Layout.Scale;

    /// <summary>The pixel position of a point inside a control, as fractions of its width and height.</summary>
    public (float X, float Y) At(ControlKind kind, int index = 0, float fx = 0.5f, float fy = 0.5f)
    {
        Control c = View.Layout.Find(kind, index);
        return ((c.Bounds.Left + c.Bounds.Width * fx) * Scale, (c.Bounds.Top + c.Bounds.Height * fy) * Scale);
    }

    /// <summary>Presses and releases the mouse on a control; returns what the sink received.</summary>
    public List<string> Click(ControlKind kind, int index = 0, float fx = 0.5f)
    {
        Sink.Log.Clear();
        (float x, float y) = At(kind, index, fx);
        Assert.True(View.PointerDown(x, y), $"{kind} #{index} was not hit at its own centre.");
        View.PointerUp(x, y);
        Assert.True(Sink.AllClosed, "A gesture was left open.");
        return [.. Sink.Log];
    }

    public void Type(string text)
    {
        foreach (char c in text)
            Assert.True(View.Key(Input.EditorKey.Character, c));
    }

    public void Dispose() => View.Dispose();
}
