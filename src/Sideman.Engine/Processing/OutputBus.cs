using System.Runtime.InteropServices;

namespace Sideman.Engine.Processing;

/// <summary>
/// One host output bus: its channel buffers (float* or double* per the block's
/// <see cref="SampleFormat"/>), whether the host activated it, and the silence flags the engine
/// writes back. Blittable, 24 bytes: a layout twin of the ABI's SmAudioBus, so the interop layer
/// hands the host's bus array to the engine as a span without copying.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct OutputBus
{
    public int ChannelCount;
    private int _active;
    /// <summary>ChannelCount pointers, each to numSamples floats or doubles. May be null.</summary>
    public void** Channels;
    /// <summary>Written by the engine: bit c set = channel c holds only zeros.</summary>
    public ulong SilenceFlags;

    public OutputBus(void** channels, int channelCount, bool active)
    {
        Channels = channels;
        ChannelCount = channelCount;
        _active = active ? 1 : 0;
        SilenceFlags = 0;
    }

    public readonly bool IsActive => _active != 0;

    /// <summary>[audio] The channel's buffer, or null if the host gave none.</summary>
    public readonly void* Channel(int index) =>
        Channels == null || (uint)index >= (uint)ChannelCount ? null : Channels[index];

    /// <summary>Silence flags with a bit for every channel.</summary>
    public readonly ulong AllChannelsSilent => ChannelCount >= 64 ? ulong.MaxValue : (1UL << ChannelCount) - 1;
}
