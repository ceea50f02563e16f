using System.Runtime.InteropServices;
using System.Text;
using Sideman.Editor;
using Sideman.Editor.Input;
using Sideman.Editor.Layout;
using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Plugin.Editor;

namespace Sideman.Plugin.Interop;

/// <summary>
/// What a bridge editor handle points at (through a GCHandle): the editor view, the snapshot it reads and the sink
/// it writes to, for one open window. It draws only when something the editor shows changed (a new frame from the
/// processor, a parameter the host or the user moved, an event, a new size or buffer), so a window over a stopped
/// song costs nothing but the comparison. [main]
/// </summary>
internal sealed unsafe class NativeEditor : IDisposable
{
    private static readonly ParameterSet Parameters = EngineParameters.All;
    private static int _live;

    private readonly EditorHostCalls _host;
    private readonly FrameSnapshot _snapshot;
    private readonly EditorView _view;
    private readonly double[] _shown = new double[Parameters.Count];
    private (nint Pixels, int Width, int Height, int Stride, float Scale, int Format) _target;
    private bool _dirty = true;
    private bool _disposed;

    public NativeEditor(SmEditorHost host)
    {
        _host = new EditorHostCalls(host);
        _snapshot = new FrameSnapshot(_host);
        _view = new EditorView(_snapshot, new HostEditSink(_host, _snapshot), EditorResources.Fonts, EditorResources.Provenance);
        Interlocked.Increment(ref _live);
    }

    /// <summary>[any] Editors open in this process (tests check that closing a window leaves none).</summary>
    public static int LiveCount => Volatile.Read(ref _live);

    public EditorView View => _view;

    public static SmEditorInfo Info => new()
    {
        DefaultWidth = (int)EditorLayout.DefaultWidth,
        DefaultHeight = (int)EditorLayout.DefaultHeight,
        MinWidth = (int)EditorLayout.MinWidth,
        MinHeight = (int)EditorLayout.MinHeight,
    };

    public void SetFrame(in SmEditorFrame frame, string? chart)
    {
        if (_snapshot.Take(frame, chart))
            _dirty = true;
    }

    /// <summary>Draws when anything changed (or <paramref name="force"/>); false when the buffer already shows it all.</summary>
    public bool Render(nint pixels, int width, int height, int stride, float scale, int format, bool force)
    {
        var target = (pixels, width, height, stride, scale, format);
        bool moved = ParametersMoved(); // always, so the values it remembers are the ones drawn
        bool changed = force || _dirty || target != _target || moved;
        if (!changed)
            return false;
        _view.Render(pixels, width, height, stride, scale, format == EditorAbi.Rgba ? EditorPixelFormat.Rgba8888 : EditorPixelFormat.Bgra8888);
        _target = target;
        _dirty = false;
        return true;
    }

    public bool Pointer(int kind, float x, float y, float steps)
    {
        bool taken = kind switch
        {
            EditorAbi.PointerDown => _view.PointerDown(x, y),
            EditorAbi.PointerDrag => _view.PointerDrag(x, y),
            EditorAbi.PointerUp => _view.PointerUp(x, y),
            EditorAbi.PointerWheel => _view.Wheel(x, y, steps),
            _ => false,
        };
        _dirty = true;
        return taken;
    }

    public bool Key(int key, uint character)
    {
        if (key is < 0 or > (int)EditorKey.Tab)
            return false;
        bool taken = _view.Key((EditorKey)key, character is > 0 and <= char.MaxValue ? (char)character : '\0');
        _dirty |= taken;
        return taken;
    }

    public int State => _view.Focus != FocusedField.None ? EditorAbi.WantsKeys : 0;

    /// <summary>Every control as "Kind index x y width height" in pixels (what tests click), one per line.</summary>
    public string DescribeLayout()
    {
        var text = new StringBuilder();
        EditorLayout layout = _view.Layout;
        foreach (Control c in layout.Controls)
        {
            float s = layout.Scale;
            text.Append(c.Kind).Append(' ').Append(c.Index).Append(' ')
                .Append((int)MathF.Round(c.Bounds.Left * s)).Append(' ').Append((int)MathF.Round(c.Bounds.Top * s)).Append(' ')
                .Append((int)MathF.Round(c.Bounds.Width * s)).Append(' ').Append((int)MathF.Round(c.Bounds.Height * s)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Whether any parameter's value moved since the last frame drawn (the host's automation, a gesture).</summary>
    private bool ParametersMoved()
    {
        bool moved = false;
        for (int i = 0; i < _shown.Length; i++)
        {
            double value = _host.Normalized(Parameters[i]);
            if (value != _shown[i])
            {
                _shown[i] = value;
                moved = true;
            }
        }
        return moved;
    }

    public static NativeEditor? FromHandle(nint handle) => handle == 0 ? null : GCHandle.FromIntPtr(handle).Target as NativeEditor;

    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _view.Dispose();
        Interlocked.Decrement(ref _live);
    }
}
