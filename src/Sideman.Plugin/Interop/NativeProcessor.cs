using System.Runtime.InteropServices;

namespace Sideman.Plugin.Interop;

/// <summary>
/// What a bridge processor handle points at (through a GCHandle): the host-agnostic processor, the
/// native scratch memory for warm-up, and the first audio-thread fault, which is logged later from
/// the main thread because the audio thread must not log.
/// </summary>
internal sealed class NativeProcessor : IDisposable
{
    private Exception? _audioFault;
    private int _audioFaultCount;

    public NativeProcessor()
    {
        Processor = new SidemanProcessor();
    }

    public SidemanProcessor Processor { get; }

    /// <summary>
    /// [main] Held by every main-thread call that reads or changes settings or setup (setup, activation
    /// with its warm-up, state save and load). Hosts make these calls from more than one thread (Ardour
    /// saves from its script thread while it activates from another), and the warm-up plays with the
    /// settings for a moment: without this a save could store warm-up values, or a load be undone by
    /// the warm-up's restore. Never taken on the audio thread.
    /// </summary>
    public object MainLock { get; } = new();

    /// <summary>The handle the bridge holds for this instance (set right after creation).</summary>
    public nint Handle { get; set; }

    /// <summary>Native blocks for warm-up, sized at setup.</summary>
    public NativeWarmUp? WarmUp { get; private set; }

    /// <summary>[main] Re-sizes the warm-up scratch for a new maximum block size.</summary>
    public void PrepareWarmUp(int maxBlockSize)
    {
        WarmUp?.Dispose();
        WarmUp = new NativeWarmUp(maxBlockSize);
    }

    /// <summary>[audio] Remember a fault without allocating or logging.</summary>
    public void NoteAudioFault(Exception exception)
    {
        Interlocked.Increment(ref _audioFaultCount);
        Interlocked.CompareExchange(ref _audioFault, exception, null);
    }

    /// <summary>[main] Writes any remembered audio fault to the log.</summary>
    public void FlushDiagnostics()
    {
        Exception? fault = Interlocked.Exchange(ref _audioFault, null);
        int count = Interlocked.Exchange(ref _audioFaultCount, 0);
        if (fault is not null)
            Engine.Diagnostics.SidemanLog.Shared.Error("process", $"{count} process call(s) failed and output silence", fault);
    }

    public static NativeProcessor? FromHandle(nint handle)
    {
        if (handle == 0)
            return null;
        return GCHandle.FromIntPtr(handle).Target as NativeProcessor;
    }

    public void Dispose()
    {
        FlushDiagnostics();
        WarmUp?.Dispose();
        WarmUp = null;
    }
}
