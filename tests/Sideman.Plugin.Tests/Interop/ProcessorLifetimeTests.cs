using System.Runtime.CompilerServices;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>What the bridge's processorDestroy gives back: nothing of an instance outlives it.</summary>
public sealed unsafe class ProcessorLifetimeTests
{
    /// <summary>
    /// An activated instance runs the band's generator thread. Destroying the instance must stop it: a
    /// running thread keeps its worker, the composer's decoders and their buffers reachable forever (16
    /// instances created and released four times kept growing by about 200 MiB a round in the bundle).
    /// </summary>
    [Fact]
    public void Destroying_an_instance_stops_its_band_and_lets_it_be_collected()
    {
        SmApi api = ExportedApi.Table;
        WeakReference worker = CreateActivateAndDestroy(api);
        for (int i = 0; i < 3 && worker.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(worker.IsAlive, "the band's generator worker is still reachable after processorDestroy");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CreateActivateAndDestroy(SmApi api)
    {
        nint handle;
        Assert.Equal(BridgeAbi.Ok, api.ProcessorCreate(&handle));
        var setup = new SmSetup { SampleRate = 48000, MaxBlockSize = 256, SampleSize = BridgeAbi.Sample32 };
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetup(handle, &setup));
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 1));
        SidemanProcessor processor = NativeProcessor.FromHandle(handle)!.Processor;
        Assert.True(processor.Band is not null, $"no live band to test with: {processor.BandProblem}");
        var worker = new WeakReference(processor.Band!.Worker);
        Assert.Equal(BridgeAbi.Ok, api.ProcessorSetActive(handle, 0));
        api.ProcessorDestroy(handle);
        return worker;
    }
}
