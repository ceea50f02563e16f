using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>
/// The host's audio thread is not the thread that activated the plug-in, and its first blocks run paths the warm-up
/// cannot (the band's first bar, its first forecast): from the very first block after activation, on a thread of its
/// own, the exported process function allocates nothing. (A static array first touched there once cost 56 bytes.)
/// </summary>
public sealed unsafe class FirstBlocksAllocationTests
{
    [Fact]
    public void A_new_audio_thread_allocates_nothing_from_its_first_block()
    {
        Sideman.Tests.Shared.BundledSounds.EnsureBuilt();
        SmApi api = ExportedApi.Table;
        nint created;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&created));
        nint handle = created;
        var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = 256, SampleSize = BridgeAbi.Sample32 };
        api.ProcessorSetup(handle, &setup);
        api.ProcessorSetActive(handle, 1);
        var allocating = new List<string>();
        var audio = new Thread(() =>
        {
            using var host = new NativeHostBlock(256);
            for (int b = 0; b < 600; b++) // 3.2 s: the first bars, with a chord held from the start
            {
                int events = 0;
                if (b == 0)
                {
                    foreach (int key in new[] { 48, 52, 55 })
                        host.Events[events++] = NativeHostBlock.Note(BridgeAbi.EventNoteOn, 0, key, 0.7f);
                }
                double quarters = b * 256 / 24000.0;
                SmProcessBlock* block = host.Prepare(256, BridgeAbi.Sample32, events, 0, quarters);
                block->Transport.Flags |= BridgeAbi.TransportTimeSigValid | BridgeAbi.TransportBarPositionValid;
                block->Transport.TimeSigNumerator = 4;
                block->Transport.TimeSigDenominator = 4;
                block->Transport.BarPositionMusic = Math.Floor(quarters / 4) * 4;
                long before = ThreadAllocation.Start();
                api.ProcessorProcess(handle, block);
                long bytes = ThreadAllocation.Since(before);
                if (bytes != 0)
                    allocating.Add($"block {b}: {bytes} bytes");
                Thread.Sleep(1); // the generator thread gets its turns, as in real time
            }
        });
        audio.Start();
        audio.Join();
        api.ProcessorSetActive(handle, 0);
        api.ProcessorDestroy(handle);
        Assert.Empty(allocating);
    }
}
