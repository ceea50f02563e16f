using System.Runtime;
using System.Runtime.InteropServices;

namespace Sideman.Plugin.Interop;

/// <summary>
/// What a bridge processor handle points at (through a GCHandle): the host-agnostic processor, the
/// native scratch memory for warm-up, and the first audio-thread fault, which is logged later from
/// the main thread because the audio thread must not log.
/// </summary>
internal sealed class NativeProcessor : IDisposable
{
    private static readonly object ProcessGate = new();
    private static int _live;
    private static GCLatencyMode? _modeBeforeActivation;

    private Exception? _audioFault;
    private int _audioFaultCount;
    private bool _disposed;

    public NativeProcessor()
    {
        Processor = new SidemanProcessor();
        lock (ProcessGate)
            _live++;
    }

    /// <summary>[any] Instances created through the bridge and not destroyed yet (this process).</summary>
    public static int LiveCount
    {
        get
        {
            lock (ProcessGate)
                return _live;
        }
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

    /// <summary>What the host's process calls allocated since activation (logged at deactivation).</summary>
    public AudioThreadTally AudioThread { get; } = new();

    /// <summary>[main] Answers the editor's frame requests (message Sideman.EditorFrame).</summary>
    public EditorFrameWriter EditorFrames { get; } = new();

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

    /// <summary>
    /// [main] Called when the bridge destroys the instance (after deactivation): stops what the processor
    /// runs for this instance (the band's generator thread, which would otherwise keep the whole instance
    /// reachable for the life of the process) and frees the warm-up blocks.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        FlushDiagnostics();
        lock (MainLock)
        {
            Processor.Dispose();
            WarmUp?.Dispose();
            WarmUp = null;
        }
        lock (ProcessGate)
            _live--;
    }

    /// <summary>
    /// [main] An activated instance allocates nothing while it plays, so blocking gen2 collections are kept
    /// away (<see cref="GCLatencyMode.SustainedLowLatency"/>) while any instance lives; the mode the process
    /// had before is restored when the last one goes.
    /// </summary>
    public static void EnterLowLatency()
    {
        lock (ProcessGate)
        {
            if (GCSettings.LatencyMode != GCLatencyMode.SustainedLowLatency)
            {
                _modeBeforeActivation ??= GCSettings.LatencyMode;
                GCSettings.LatencyMode = GCLatencyMode.SustainedLowLatency;
            }
        }
    }

    /// <summary>
    /// [main] The last instance is gone: what every instance allocated (engines, the band's decoders, voices,
    /// warm-up blocks) is garbage now, but with low-latency mode and a retained heap the runtime would keep it
    /// committed, and a host that closes and reopens a project would grow by a project's worth of memory each
    /// time. No instance can be processing here, so one blocking, compacting collection that gives the free
    /// memory back to the system costs no audio. The shared sounds and the shared model stay loaded.
    /// Called after the destroyed instance's GCHandle is freed (it would keep the instance alive); does
    /// nothing while an instance lives.
    /// </summary>
    public static void ReleaseMemoryIfNoneLive()
    {
        lock (ProcessGate)
        {
            if (_live != 0)
                return;
            if (_modeBeforeActivation is { } mode)
            {
                GCSettings.LatencyMode = mode;
                _modeBeforeActivation = null;
            }
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
