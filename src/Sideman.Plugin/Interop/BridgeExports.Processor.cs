using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine;
using Sideman.Engine.Processing;

namespace Sideman.Plugin.Interop;

// Processor lifetime [main] and the process call [audio].
public static unsafe partial class BridgeExports
{
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorCreate(nint* handle)
    {
        try
        {
            if (handle == null)
                return BridgeAbi.InvalidArgument;
            var instance = new NativeProcessor();
            nint h = GCHandle.ToIntPtr(GCHandle.Alloc(instance));
            instance.Handle = h;
            *handle = h;
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ProcessorCreate), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static void ProcessorDestroy(nint handle)
    {
        try
        {
            if (handle == 0)
                return;
            GCHandle gcHandle = GCHandle.FromIntPtr(handle);
            (gcHandle.Target as NativeProcessor)?.Dispose();
            gcHandle.Free();
            NativeProcessor.ReleaseMemoryIfNoneLive(); // the last instance: give its memory back
        }
        catch (Exception ex)
        {
            Fail(nameof(ProcessorDestroy), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorSetup(nint handle, SmSetup* setup)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null || setup == null)
                return BridgeAbi.InvalidArgument;
            instance.FlushDiagnostics();
            var engineSetup = new EngineSetup(setup->SampleRate, setup->MaxBlockSize,
                setup->ProcessMode is >= BridgeAbi.ModeRealtime and <= BridgeAbi.ModeOffline ? (ProcessMode)setup->ProcessMode : ProcessMode.Realtime);
            string? problem = engineSetup.Problem;
            if (problem is not null)
            {
                Engine.Diagnostics.SidemanLog.Shared.Warn("bridge", $"Refused processing setup: {problem}.");
                return BridgeAbi.InvalidArgument;
            }
            lock (instance.MainLock)
            {
                instance.Processor.Setup(engineSetup);
                instance.PrepareWarmUp(setup->MaxBlockSize);
            }
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ProcessorSetup), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorSetActive(nint handle, int active)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return BridgeAbi.InvalidArgument;
            instance.FlushDiagnostics();
            lock (instance.MainLock)
            {
                if (active != 0)
                {
                    if (instance.WarmUp is null)
                        instance.PrepareWarmUp(instance.Processor.Engine.Setup.MaxBlockSize);
                    instance.Processor.SetActive(true, _ => instance.WarmUp!.Run(instance.Handle));
                    instance.AudioThread.Reset(); // the warm-up's blocks are not the host's
                    // Steady state allocates nothing, so keep the GC from starting blocking gen2 collections
                    // (until the last instance is destroyed: NativeProcessor.Dispose).
                    NativeProcessor.EnterLowLatency();
                }
                else
                {
                    instance.Processor.SetActive(false);
                    instance.AudioThread.Log();
                }
            }
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ProcessorSetActive), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorSetProcessing(nint handle, int processing)
    {
        try
        {
            NativeProcessor? instance = NativeProcessor.FromHandle(handle);
            if (instance is null)
                return BridgeAbi.InvalidArgument;
            instance.Processor.IsProcessing = processing != 0;
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ProcessorSetProcessing), ex);
        }
    }

    /// <summary>The exported process function, for warm-up through the exact path the bridge calls.</summary>
    internal static delegate* unmanaged[Cdecl]<nint, SmProcessBlock*, int> ProcessFunction => &ProcessorProcess;

    /// <summary>[audio] One block. Never allocates, locks, logs or lets an exception escape.</summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ProcessorProcess(nint handle, SmProcessBlock* block)
    {
        NativeProcessor? instance = null;
        try
        {
            instance = NativeProcessor.FromHandle(handle);
            if (instance is null || !NativeBlock.TryMap(block, out ProcessBlock view))
                return BridgeAbi.InvalidArgument;
            int collections = GC.CollectionCount(0);
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            instance.Processor.Process(ref view);
            block->OutEventCount = view.OutEventCount;
            instance.AudioThread.Count(GC.GetAllocatedBytesForCurrentThread() - allocated, GC.CollectionCount(0) != collections);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            instance?.NoteAudioFault(ex);
            try
            {
                NativeBlock.Silence(block);
            }
            catch
            {
                // Nothing more can be done from here.
            }
            return BridgeAbi.Error;
        }
    }
}
