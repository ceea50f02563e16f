using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Diagnostics;
using Sideman.Engine.Live;

namespace Sideman.Plugin.Interop;

// [main] The producer's chord chart (the processor's Sideman.SetChart message).
public static unsafe partial class BridgeExports
{
    /// <summary>
    /// Sets the chord chart the band plays in chart mode (<paramref name="text"/> null or empty: no chart).
    /// SM_OK: set, and saved with the state. SM_FALSE: the text is not a chart; the previous chart stays and
    /// the reason is in <paramref name="message"/>. SM_INVALID_ARGUMENT: no such processor.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorSetChart(nint handle, ushort* text, ushort* message, int messageCapacity)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return Reject(message, messageCapacity, BridgeAbi.InvalidArgument, "No processor: the handle is null or stale.");
            instance.FlushDiagnostics();
            // One unit past the limit, so that an over-long chart is refused rather than silently cut.
            string? chart = text == null ? null : Utf16Text.Read(text, LiveChart.MaxTextLength + 1);
            bool set;
            string? problem;
            lock (instance.MainLock) // state save and load read and replace the same chart
                set = instance.Processor.SetChart(chart, out problem);
            if (set)
            {
                Utf16Text.Write("", message, messageCapacity);
                return BridgeAbi.Ok;
            }
            problem ??= "The text is not a chord chart.";
            SidemanLog.Shared.Warn("chart", $"Refused a chord chart of {chart?.Length ?? 0} characters; the band keeps its chart. {problem}");
            return Reject(message, messageCapacity, BridgeAbi.False, SidemanLog.Escape(problem));
        }
        catch (Exception ex)
        {
            Utf16Text.Write($"Internal error while setting the chord chart: {ex.Message}", message, messageCapacity);
            return Fail(nameof(ProcessorSetChart), ex);
        }
    }
}
