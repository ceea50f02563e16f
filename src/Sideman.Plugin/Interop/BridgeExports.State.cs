using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Diagnostics;
using Sideman.Plugin.State;

namespace Sideman.Plugin.Interop;

// [main] State save/load and the controller's view of a state.
public static unsafe partial class BridgeExports
{
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static long ProcessorSaveState(nint handle, byte* buffer, long capacity)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return -BridgeAbi.InvalidArgument;
            instance.FlushDiagnostics();
            byte[] state;
            lock (instance.MainLock)
                state = instance.Processor.SaveState();
            if (buffer != null && capacity >= state.Length)
                state.CopyTo(new Span<byte>(buffer, state.Length));
            return state.Length;
        }
        catch (Exception ex)
        {
            return -Fail(nameof(ProcessorSaveState), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorLoadState(nint handle, byte* data, long length, ushort* error, int errorCapacity)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return Reject(error, errorCapacity, BridgeAbi.InvalidArgument, "No processor: the handle is null or stale.");
            instance.FlushDiagnostics();
            if (!TryGetBytes(data, length, out ReadOnlySpan<byte> bytes, out string? problem))
                return Reject(error, errorCapacity, BridgeAbi.InvalidArgument, problem!);
            StateReadResult result;
            lock (instance.MainLock)
                result = instance.Processor.LoadState(bytes);
            // The reason may quote bytes of the damaged state: escaped, so that a NUL in it does not cut the
            // NUL-terminated text short and the host (which logs it) gets plain text.
            if (!result.Success)
                return Reject(error, errorCapacity, BridgeAbi.Error, SidemanLog.Escape(result.Error!));
            Utf16Text.Write("", error, errorCapacity);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            Utf16Text.Write($"Internal error while loading state: {ex.Message}", error, errorCapacity);
            return Fail(nameof(ProcessorLoadState), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int StateToNormalized(byte* data, long length, double* normalizedByIndex, int count, ushort* error, int errorCapacity)
    {
        try
        {
            if (normalizedByIndex == null || count < 0)
                return Reject(error, errorCapacity, BridgeAbi.InvalidArgument, "No output array for the normalized values.");
            if (!TryGetBytes(data, length, out ReadOnlySpan<byte> bytes, out string? problem))
                return Reject(error, errorCapacity, BridgeAbi.InvalidArgument, problem!);
            StateReadResult result = new StateReader(SidemanPlugin.Parameters).Read(bytes);
            if (!result.Success)
            {
                SidemanLog.Shared.Warn("state", $"Controller refused a state of {bytes.Length} bytes; parameters unchanged. {result.Error}");
                return Reject(error, errorCapacity, BridgeAbi.Error, SidemanLog.Escape(result.Error!));
            }
            double[] normalized = result.Settings!.ToNormalized();
            int n = Math.Min(count, normalized.Length);
            normalized.AsSpan(0, n).CopyTo(new Span<double>(normalizedByIndex, n));
            Utf16Text.Write("", error, errorCapacity);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            Utf16Text.Write($"Internal error while reading state: {ex.Message}", error, errorCapacity);
            return Fail(nameof(StateToNormalized), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void Log(ushort* message)
    {
        try
        {
            SidemanLog.Shared.Info("bridge", Utf16Text.Read(message));
        }
        catch
        {
            // The bridge's log line is lost; the host carries on.
        }
    }

    private static bool TryGetBytes(byte* data, long length, out ReadOnlySpan<byte> bytes, out string? problem)
    {
        bytes = default;
        problem = null;
        if (length < 0 || length > StateFormat.MaxTotalSize)
            problem = $"State length {length} is out of range.";
        else if (data == null && length > 0)
            problem = "State data pointer is null.";
        else
            bytes = new ReadOnlySpan<byte>(data, (int)length);
        return problem is null;
    }

    private static int Reject(ushort* error, int capacity, int status, string message)
    {
        Utf16Text.Write(message, error, capacity);
        return status;
    }
}
