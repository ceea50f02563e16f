using System.Runtime.InteropServices;
using Sideman.Plugin.Interop;

namespace Sideman.Plugin.Tests.Support;

/// <summary>
/// What a host's process call looks like to the exported function: an SmProcessBlock and all its
/// arrays in native memory (NativeMemory), six stereo output buses, room for events in and out.
/// </summary>
internal sealed unsafe class NativeHostBlock : IDisposable
{
    public const int Buses = 6;
    public const int EventCapacity = 4096;

    private readonly int _maxSamples;

    public NativeHostBlock(int maxSamples)
    {
        _maxSamples = maxSamples;
        Block = (SmProcessBlock*)NativeMemory.AllocZeroed((nuint)sizeof(SmProcessBlock));
        BusArray = (SmAudioBus*)NativeMemory.AllocZeroed((nuint)(sizeof(SmAudioBus) * Buses));
        ChannelTable = (void**)NativeMemory.AllocZeroed((nuint)(sizeof(void*) * Buses * 2));
        for (int c = 0; c < Buses * 2; c++)
            ChannelTable[c] = NativeMemory.AllocZeroed((nuint)(sizeof(double) * maxSamples));
        for (int b = 0; b < Buses; b++)
        {
            BusArray[b].ChannelCount = 2;
            BusArray[b].Active = b == 0 ? 1 : 0;
            BusArray[b].Channels = ChannelTable + 2 * b;
        }
        Events = (SmEvent*)NativeMemory.AllocZeroed((nuint)(sizeof(SmEvent) * EventCapacity));
        Points = (SmParamPoint*)NativeMemory.AllocZeroed((nuint)(sizeof(SmParamPoint) * EventCapacity));
        OutEvents = (SmEvent*)NativeMemory.AllocZeroed((nuint)(sizeof(SmEvent) * EventCapacity));
    }

    public SmProcessBlock* Block { get; }
    public SmAudioBus* BusArray { get; }
    public void** ChannelTable { get; }
    public SmEvent* Events { get; }
    public SmParamPoint* Points { get; }
    public SmEvent* OutEvents { get; }

    /// <summary>Fills the block header for a call; events and points must already be in place.</summary>
    public SmProcessBlock* Prepare(int samples, int sampleSize, int eventCount, int pointCount, double positionQuarters = 0)
    {
        if (samples > _maxSamples)
            throw new ArgumentOutOfRangeException(nameof(samples));
        SmProcessBlock* b = Block;
        b->NumSamples = samples;
        b->SampleSize = sampleSize;
        b->ProcessMode = BridgeAbi.ModeRealtime;
        b->OutputBusCount = Buses;
        b->Outputs = BusArray;
        b->Events = Events;
        b->EventCount = eventCount;
        b->ParamPoints = Points;
        b->ParamPointCount = pointCount;
        b->OutEvents = OutEvents;
        b->OutEventCapacity = EventCapacity;
        b->OutEventCount = -1;
        b->Transport = new SmTransport
        {
            Flags = BridgeAbi.TransportPresent | BridgeAbi.TransportPlaying | BridgeAbi.TransportTempoValid | BridgeAbi.TransportProjectTimeMusicValid,
            Tempo = 120,
            SampleRate = 48000,
            ProjectTimeMusic = positionQuarters,
        };
        return b;
    }

    public double Sample(int bus, int channel, int index, int sampleSize) =>
        sampleSize == BridgeAbi.Sample32 ? ((float*)ChannelTable[bus * 2 + channel])[index] : ((double*)ChannelTable[bus * 2 + channel])[index];

    public static SmEvent Note(short kind, int offset, int key, float velocity) =>
        new() { SampleOffset = offset, Kind = kind, Key = (short)key, Value = velocity, NoteId = -1 };

    public void Dispose()
    {
        for (int c = 0; c < Buses * 2; c++)
            NativeMemory.Free(ChannelTable[c]);
        NativeMemory.Free(ChannelTable);
        NativeMemory.Free(BusArray);
        NativeMemory.Free(Block);
        NativeMemory.Free(Events);
        NativeMemory.Free(Points);
        NativeMemory.Free(OutEvents);
    }
}
