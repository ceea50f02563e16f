using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Diagnostics;

namespace Sideman.Plugin.Interop;

// [main] The editor: the processor's frame for it, and the editor itself (one per open window, on the controller's side).
public static unsafe partial class BridgeExports
{
    /// <summary>
    /// What the band is doing now, for message Sideman.EditorFrame. Reads what the engine publishes without taking
    /// the instance's main lock (an activation holding it while the model loads must not stall the host's UI).
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorEditorFrame(nint handle, SmEditorFrame* frame, long knownChartRevision, ushort* chart, int chartCapacity, int* chartWritten)
    {
        try
        {
            if (chartWritten != null)
                *chartWritten = 0;
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null || frame == null)
                return BridgeAbi.InvalidArgument;
            var chartText = chart == null || chartCapacity <= 0 ? Span<char>.Empty : new Span<char>(chart, chartCapacity);
            instance.EditorFrames.Write(instance.Processor, ref *frame, knownChartRevision, chartText, out bool written);
            if (chartWritten != null)
                *chartWritten = written ? 1 : 0;
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            // Asked for every frame: one failure in the log says it all.
            if (NativeProcessor.FromHandle(handle) is { } instance && instance.EditorFrames.NoteFailure())
                return Fail(nameof(ProcessorEditorFrame), ex);
            return BridgeAbi.Error;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorCreate(SmEditorHost* host, SmEditorInfo* info, nint* handle)
    {
        try
        {
            if (handle == null)
                return BridgeAbi.InvalidArgument;
            *handle = 0;
            if (host == null)
                return BridgeAbi.InvalidArgument;
            var editor = new NativeEditor(*host);
            *handle = GCHandle.ToIntPtr(GCHandle.Alloc(editor));
            if (info != null)
                *info = NativeEditor.Info;
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(EditorCreate), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void EditorDestroy(nint handle)
    {
        try
        {
            if (handle == 0)
                return;
            GCHandle gc = GCHandle.FromIntPtr(handle);
            (gc.Target as NativeEditor)?.Dispose();
            gc.Free();
        }
        catch (Exception ex)
        {
            Fail(nameof(EditorDestroy), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorSetFrame(nint handle, SmEditorFrame* frame, ushort* chart)
    {
        try
        {
            NativeEditor? editor = NativeEditor.FromHandle(handle);
            if (editor is null || frame == null)
                return BridgeAbi.InvalidArgument;
            editor.SetFrame(*frame, chart == null ? null : Utf16Text.Read(chart, Engine.Live.LiveChart.MaxTextLength));
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(EditorSetFrame), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorRender(nint handle, byte* pixels, int width, int height, int stride, float scale, int format, int force)
    {
        try
        {
            NativeEditor? editor = NativeEditor.FromHandle(handle);
            if (editor is null || pixels == null || width <= 0 || height <= 0 || stride < width * 4)
                return BridgeAbi.InvalidArgument;
            return editor.Render((nint)pixels, width, height, stride, scale, format, force != 0) ? BridgeAbi.Ok : BridgeAbi.False;
        }
        catch (Exception ex)
        {
            return Fail(nameof(EditorRender), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorPointer(nint handle, int kind, float x, float y, float steps)
    {
        try
        {
            NativeEditor? editor = NativeEditor.FromHandle(handle);
            if (editor is null || !float.IsFinite(x) || !float.IsFinite(y) || !float.IsFinite(steps))
                return BridgeAbi.InvalidArgument;
            return editor.Pointer(kind, x, y, steps) ? BridgeAbi.Ok : BridgeAbi.False;
        }
        catch (Exception ex)
        {
            return Fail(nameof(EditorPointer), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorKey(nint handle, int key, uint character)
    {
        try
        {
            NativeEditor? editor = NativeEditor.FromHandle(handle);
            if (editor is null)
                return BridgeAbi.InvalidArgument;
            return editor.Key(key, character) ? BridgeAbi.Ok : BridgeAbi.False;
        }
        catch (Exception ex)
        {
            return Fail(nameof(EditorKey), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorState(nint handle)
    {
        try
        {
            return NativeEditor.FromHandle(handle)?.State ?? 0;
        }
        catch (Exception ex)
        {
            Fail(nameof(EditorState), ex);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int EditorDescribeLayout(nint handle, byte* text, int capacity)
    {
        try
        {
            NativeEditor? editor = NativeEditor.FromHandle(handle);
            if (editor is null)
                return -BridgeAbi.InvalidArgument;
            byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(editor.DescribeLayout());
            if (text != null && capacity > utf8.Length)
            {
                utf8.CopyTo(new Span<byte>(text, capacity));
                text[utf8.Length] = 0;
            }
            return utf8.Length + 1;
        }
        catch (Exception ex)
        {
            Fail(nameof(EditorDescribeLayout), ex);
            return -BridgeAbi.Error;
        }
    }
}
