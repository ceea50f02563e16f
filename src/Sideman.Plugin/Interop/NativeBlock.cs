using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;

namespace Sideman.Plugin.Interop;

/// <summary>
/// Turns the bridge's <see cref="SmProcessBlock"/> into the engine's <see cref="ProcessBlock"/> view.
/// The engine's MidiEvent, ParameterPoint, OutputBus and TransportInfo are layout twins of the ABI
/// structs (pinned by tests), so this is pointer arithmetic only: no copy, no allocation.
/// </summary>
internal static unsafe class NativeBlock
{
    /// <summary>[audio] False (with nothing touched) when the block is malformed.</summary>
    public static bool TryMap(SmProcessBlock* native, out ProcessBlock view)
    {
        view = default;
        if (native == null)
            return false;
        int samples = native->NumSamples;
        int busCount = native->OutputBusCount;
        int eventCount = native->EventCount;
        int pointCount = native->ParamPointCount;
        if (samples < 0 || busCount < 0 || busCount > BridgeAbi.MaxBuses || eventCount < 0 || pointCount < 0)
            return false;
        if ((busCount > 0 && native->Outputs == null) || (eventCount > 0 && native->Events == null)
            || (pointCount > 0 && native->ParamPoints == null))
            return false;
        if (native->SampleSize is not (BridgeAbi.Sample32 or BridgeAbi.Sample64))
            return false;

        view.SampleCount = samples;
        view.Format = native->SampleSize == BridgeAbi.Sample64 ? SampleFormat.Float64 : SampleFormat.Float32;
        view.Mode = native->ProcessMode is >= BridgeAbi.ModeRealtime and <= BridgeAbi.ModeOffline
            ? (ProcessMode)native->ProcessMode : ProcessMode.Realtime;
        view.Outputs = new Span<OutputBus>(native->Outputs, busCount);
        view.Events = new ReadOnlySpan<MidiEvent>(native->Events, eventCount);
        view.ParameterPoints = new ReadOnlySpan<ParameterPoint>(native->ParamPoints, pointCount);
        view.Transport = *(TransportInfo*)&native->Transport;
        int capacity = native->OutEvents == null ? 0 : Math.Max(0, native->OutEventCapacity);
        view.OutEvents = new Span<MidiEvent>(native->OutEvents, capacity);
        return true;
    }

    /// <summary>[audio] After a failure: silence every channel we can reach and report no output events.</summary>
    public static void Silence(SmProcessBlock* native)
    {
        if (native == null)
            return;
        native->OutEventCount = 0;
        if (native->NumSamples <= 0 || native->Outputs == null || native->OutputBusCount is < 0 or > BridgeAbi.MaxBuses)
            return;
        SampleFormat format = native->SampleSize == BridgeAbi.Sample64 ? SampleFormat.Float64 : SampleFormat.Float32;
        var buses = new Span<OutputBus>(native->Outputs, native->OutputBusCount);
        for (int b = 0; b < buses.Length; b++)
        {
            for (int c = 0; c < buses[b].ChannelCount; c++)
            {
                void* channel = buses[b].Channel(c);
                if (channel == null)
                    continue;
                if (format == SampleFormat.Float32)
                    new Span<float>(channel, native->NumSamples).Clear();
                else
                    new Span<double>(channel, native->NumSamples).Clear();
            }
            buses[b].SilenceFlags = buses[b].AllChannelsSilent;
        }
    }
}
