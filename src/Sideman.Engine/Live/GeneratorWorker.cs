using Sideman.Engine.Diagnostics;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The band's background thread (one per plugin instance, below-normal priority): takes the audio thread's
/// <see cref="BarRequest"/>s in order from a lock-free ring, has the composer write each requested part, and
/// publishes every finished bar in the <see cref="BarStore"/> with one atomic exchange. A bar the store already
/// holds for the same conditioning is kept, not written again. Snapshots are pooled per part and recycled
/// oldest first; the pool grows only until the store's ring is full, so steady state allocates nothing.
/// <para>
/// In live play a request for a bar the playhead has already passed is skipped (it could only be late). In
/// <see cref="Deterministic"/> mode (offline renders) every request is carried out in order, so the same
/// requests give the same bars at any machine speed; the audio thread waits for them there.
/// </para>
/// </summary>
public sealed class GeneratorWorker : IDisposable
{
    private const int Parts = BandSynth.PartCount;
    /// <summary>Retired snapshots kept back before reuse, so a reader never meets a recycled one in practice.</summary>
    private const int PoolReserve = 8;
    private const int IdleSleepMs = 1;

    private readonly IBandComposer _composer;
    private readonly BarStore _store;
    private readonly SpscRing<BarRequest> _requests;
    private readonly SidemanLog _log;
    private readonly Queue<BarSnapshot>[] _pool = new Queue<BarSnapshot>[Parts];
    private readonly ulong[] _failedKeys = new ulong[Parts];
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _playhead = long.MinValue;
    private int _deterministic;
    private long _written, _kept, _skipped, _failures, _busyTicks;
    private int _idle = 1;
    private string? _lastFailure;
    // The composer is freed by whoever finishes last: Dispose when the thread has ended, else the thread as it ends.
    private readonly object _exitGate = new();
    private bool _exited;
    private bool _composerOrphaned;

    public GeneratorWorker(IBandComposer composer, BarStore store, SpscRing<BarRequest> requests, SidemanLog? log = null)
    {
        _composer = composer;
        _store = store;
        _requests = requests;
        _log = log ?? SidemanLog.Shared;
        for (int p = 0; p < Parts; p++)
            _pool[p] = new Queue<BarSnapshot>(BarStore.Slots + PoolReserve + 2);
        _thread = new Thread(Run) { Name = "Sideman generator", IsBackground = true, Priority = ThreadPriority.BelowNormal };
        _thread.Start();
    }

    /// <summary>How long <see cref="Dispose"/> waits for the thread (tests shorten it).</summary>
    internal TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>[audio] The bar the playhead is in; requests for earlier bars are skipped in live play.</summary>
    public long Playhead
    {
        get => Volatile.Read(ref _playhead);
        set => Volatile.Write(ref _playhead, value);
    }

    /// <summary>[audio] Offline rendering: carry out every request in order, none skipped.</summary>
    public bool Deterministic
    {
        get => Volatile.Read(ref _deterministic) != 0;
        set => Volatile.Write(ref _deterministic, value ? 1 : 0);
    }

    /// <summary>[any] True while nothing is waiting and no bar is being written.</summary>
    public bool IsIdle => Volatile.Read(ref _idle) != 0 && _requests.Count == 0 && _restores.IsEmpty;

    /// <summary>[any] Bars written by the composer.</summary>
    public long BarsWritten => Interlocked.Read(ref _written);
    /// <summary>[any] Requested bars the store already held for the same conditioning.</summary>
    public long BarsKept => Interlocked.Read(ref _kept);
    /// <summary>[any] Requests skipped because the playhead had passed their bar.</summary>
    public long RequestsSkipped => Interlocked.Read(ref _skipped);
    /// <summary>[any] Bars the composer failed to write (logged).</summary>
    public long Failures => Interlocked.Read(ref _failures);
    /// <summary>[any] Time spent writing bars (Stopwatch ticks).</summary>
    public long BusyTicks => Interlocked.Read(ref _busyTicks);

    /// <summary>[any] True when the generator failed to write the bar with <paramref name="key"/> (so waiting for it is pointless).</summary>
    public bool HasFailed(BandPart part, ulong key) => key != 0 && Volatile.Read(ref _failedKeys[(int)part]) == key;

    private readonly System.Collections.Concurrent.ConcurrentQueue<BarSnapshot> _restores = new();

    /// <summary>[main] Bars a loaded song brings back (a locked part's): the generator publishes them before its next request.</summary>
    public void Restore(IEnumerable<BarSnapshot> bars)
    {
        foreach (BarSnapshot bar in bars)
            _restores.Enqueue(bar);
    }

    private void Run()
    {
        try
        {
            Loop();
        }
        finally
        {
            bool free;
            lock (_exitGate)
            {
                _exited = true;
                free = _composerOrphaned;
            }
            if (free)
                _composer.Dispose();
        }
    }

    private void Loop()
    {
        while (!_stop)
        {
            while (_restores.TryDequeue(out BarSnapshot? restored))
            {
                BarSnapshot? replaced = _store.Publish(restored);
                if (replaced is not null && replaced.Capacity == _composer.MaxEventsPerBar)
                    _pool[(int)replaced.Part].Enqueue(replaced);
            }
            if (!_requests.TryDequeue(out BarRequest request))
            {
                Volatile.Write(ref _idle, 1);
                Thread.Sleep(IdleSleepMs);
                continue;
            }
            Volatile.Write(ref _idle, 0);
            long start = System.Diagnostics.Stopwatch.GetTimestamp();
            Handle(request);
            Interlocked.Add(ref _busyTicks, System.Diagnostics.Stopwatch.GetTimestamp() - start);
        }
    }

    private void Handle(in BarRequest request)
    {
        if (!Deterministic && request.Bar < Playhead)
        {
            Interlocked.Increment(ref _skipped);
            return;
        }
        for (int p = 0; p < Parts; p++)
        {
            var part = (BandPart)p;
            if (!request.Wants(part))
                continue;
            ulong key = ConditioningKey.For(request, part);
            BarSnapshot? stored = _store.Peek(part, request.Bar);
            if (stored is not null && stored.Bar == request.Bar && stored.Key == key)
            {
                Interlocked.Increment(ref _kept);
                continue;
            }
            BarSnapshot snapshot = Rent(part);
            try
            {
                _composer.Write(part, request, key, snapshot);
            }
            catch (Exception ex)
            {
                _pool[p].Enqueue(snapshot);
                Volatile.Write(ref _failedKeys[p], key);
                Interlocked.Increment(ref _failures);
                Report(part, request.Bar, ex);
                continue;
            }
            BarSnapshot? retired = _store.Publish(snapshot);
            if (retired is not null)
                _pool[p].Enqueue(retired);
            Interlocked.Increment(ref _written);
        }
    }

    private BarSnapshot Rent(BandPart part)
    {
        Queue<BarSnapshot> pool = _pool[(int)part];
        return pool.Count > PoolReserve ? pool.Dequeue() : new BarSnapshot(part, _composer.MaxEventsPerBar);
    }

    /// <summary>Logs a failure once per distinct message (a broken model would otherwise flood the log).</summary>
    private void Report(BandPart part, long bar, Exception ex)
    {
        string text = $"{ex.GetType().Name}: {ex.Message}";
        if (text == _lastFailure)
            return;
        _lastFailure = text;
        _log.Error("band", $"The generator could not write bar {bar} of the {part}; the part repeats its previous bar. {text}");
    }

    /// <summary>
    /// [main] Stops the thread (waits for the bar in progress) and frees the composer. A thread still inside the model
    /// after 10 s (a host starving its threads) is left to finish in the background and frees the composer itself as it
    /// ends: disposing the model's sessions under a running decoder would crash the host.
    /// </summary>
    public void Dispose()
    {
        _stop = true;
        bool joined = _thread.Join(StopTimeout);
        bool freeNow;
        lock (_exitGate)
        {
            freeNow = _exited;
            _composerOrphaned = !_exited;
        }
        if (freeNow)
            _composer.Dispose();
        if (!joined)
            _log.Warn("band", $"The generator thread did not stop within {StopTimeout.TotalSeconds:0.#} s; it is left to finish in the background and frees the model when it does.");
    }
}
