using Sideman.Engine;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.Interop;

public unsafe class ExportedZeroAllocationTests
{
    private static readonly short[] PartChannels = [9, 1, 2, 3, 4];

    [Theory]
    [InlineData(BridgeAbi.Sample32, 256)]
    [InlineData(BridgeAbi.Sample64, 64)]
    public void Two_minutes_through_the_exported_process_function_allocate_nothing(int sampleSize, int blockSize)
    {
        Sideman.Tests.Shared.BundledSounds.EnsureBuilt(); // the band plays: its sounds must be there
        SmApi api = ExportedApi.Table;
        nint handle;
        api.ProcessorCreate(&handle);
        var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = blockSize, SampleSize = sampleSize };
        api.ProcessorSetup(handle, &setup);
        api.ProcessorSetActive(handle, 1);
        Assert.True(NativeProcessor.FromHandle(handle)!.Processor.SoundStatus.IsClear);
        using var host = new NativeHostBlock(blockSize);
        host.BusArray[1].Active = 1; // aux buses switched on by the host
        host.BusArray[3].Active = 1;
        delegate* unmanaged[Cdecl]<nint, SmProcessBlock*, int> process = api.ProcessorProcess;
        uint volume = EngineParameters.MasterVolume.Id, bend = EngineParameters.PitchBend.Id, sustain = EngineParameters.SustainPedal.Id;

        int blocks = 120 * 48000 / blockSize;
        long samples = 0;
        int failures = 0;
        long before = 0;
        for (int b = -200; b < blocks; b++) // the first 200 blocks are not measured
        {
            if (b == 0)
                before = ThreadAllocation.Start();
            // Busy MIDI: a chord roughly every 40 ms, releases, pedal, bend and volume automation.
            int events = 0, points = 0;
            long chord = samples / 1920;
            if ((samples + blockSize) / 1920 != chord)
            {
                int at = (int)(1920 - samples % 1920) % blockSize;
                for (int k = 0; k < 3; k++)
                {
                    host.Events[events++] = NativeHostBlock.Note(BridgeAbi.EventNoteOff, at, 48 + (int)((chord + 9) % 24) + 4 * k, 0.5f);
                    host.Events[events++] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, at, 48 + (int)(chord % 24) + 4 * k, 0.4f + k * 0.2f);
                }
                // The band on its MIDI channels: drums (10), bass (2), keys (3), pad (4), arp (5).
                short[] parts = PartChannels;
                for (int k = 0; k < parts.Length; k++)
                {
                    int key = parts[k] == 9 ? 36 + (int)(chord % 12) : 36 + 7 * k + (int)(chord % 12);
                    int previous = parts[k] == 9 ? 36 + (int)((chord + 11) % 12) : 36 + 7 * k + (int)((chord + 11) % 12);
                    SmEvent off = NativeHostBlock.Note(BridgeAbi.EventNoteOff, at, previous, 0.5f);
                    off.Channel = parts[k];
                    host.Events[events++] = off;
                    SmEvent on = NativeHostBlock.Note(BridgeAbi.EventNoteOn, at, key, 0.7f);
                    on.Channel = parts[k];
                    host.Events[events++] = on;
                }
            }
            host.Points[points++] = new SmParamPoint { Id = volume, SampleOffset = 0, Normalized = 0.6 + 0.2 * ((b & 15) / 15.0) };
            host.Points[points++] = new SmParamPoint { Id = bend, SampleOffset = blockSize / 2, Normalized = (b & 31) / 31.0 };
            host.Points[points++] = new SmParamPoint { Id = sustain, SampleOffset = blockSize - 1, Normalized = (b >> 6) & 1 };
            // Band automation: a part's volume and pan every block, its preset and the style now and then.
            int part = (b + 1000) % 5;
            host.Points[points++] = new SmParamPoint { Id = EngineParameters.PartVolumes[part].Id, SampleOffset = blockSize / 3, Normalized = 0.6 + 0.02 * (b & 7) };
            host.Points[points++] = new SmParamPoint { Id = EngineParameters.PartPans[part].Id, SampleOffset = blockSize / 3, Normalized = (b & 15) / 15.0 };
            if ((b & 255) == 0)
            {
                host.Points[points++] = new SmParamPoint { Id = EngineParameters.PartPresets[part].Id, SampleOffset = blockSize - 1, Normalized = ((b >> 8) & 7) / 7.0 };
                host.Points[points++] = new SmParamPoint { Id = EngineParameters.Style.Id, SampleOffset = blockSize - 1, Normalized = ((b >> 8) % 27) / 26.0 };
            }
            failures += process(handle, host.Prepare(blockSize, sampleSize, events, points, samples / 24000.0)) == BridgeAbi.Ok ? 0 : 1;
            samples += blockSize;
        }
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, failures);
        Assert.Equal(0, allocated);
        api.ProcessorDestroy(handle);
    }
}
