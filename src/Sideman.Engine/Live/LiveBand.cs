using Sideman.Engine.Diagnostics;
using Sideman.Engine.State;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// One plugin instance's live band: the composer (the model's per-part contexts), the generator thread, the
/// bar store between them and the audio thread, the request ring, and the performer the engine plays through.
/// Made at the instance's first activation, once the shared model is loaded; disposed with the instance.
/// </summary>
public sealed class LiveBand : IDisposable
{
    /// <summary>Requests waiting for the generator: many bars' worth, though a few are ever in flight.</summary>
    public const int RequestCapacity = 256;

    private readonly IBandComposer _composer;
    private bool _disposed;

    public LiveBand(IBandComposer composer, SidemanLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(composer);
        _composer = composer;
        Store = new BarStore();
        Requests = new SpscRing<BarRequest>(RequestCapacity);
        Worker = new GeneratorWorker(composer, Store, Requests, log);
        Performer = new LivePerformer(Store, Requests, Worker, composer);
    }

    public BarStore Store { get; }
    public SpscRing<BarRequest> Requests { get; }
    public GeneratorWorker Worker { get; }
    public LivePerformer Performer { get; }

    /// <summary>[any] The originality guard's counters for this band: sampled bars checked, and rejected as copies.</summary>
    public (long BarsChecked, long CopiesRejected) Guard => (_composer.GuardBarsChecked, _composer.GuardCopiesRejected);

    /// <summary>
    /// [main] The bars the store holds for the locked parts (<paramref name="locked"/> by part), as the state blob that
    /// brings them back (<see cref="LockedBarsBlob"/>), or null when no part is locked or none has bars. A bar being
    /// rewritten at this moment is left out rather than saved half-written.
    /// </summary>
    public StateBlob? CaptureLocked(ReadOnlySpan<bool> locked)
    {
        var bars = new List<BarSnapshot>();
        for (int p = 0; p < locked.Length && p < BandSynth.PartCount; p++)
        {
            if (!locked[p])
                continue;
            var part = (BandPart)p;
            for (long slot = 0; slot < BarStore.Slots; slot++)
            {
                BarSnapshot? s = Store.Peek(part, slot);
                if (s is null)
                    continue;
                var copy = new BarSnapshot(part, s.Capacity);
                int stamp = s.Stamp;
                copy.Fill(s.Bar, s.Key, s.Signature, s.Section, s.Energy, s.Chords, s.Notes, s.Hits);
                if ((stamp & 1) == 0 && s.Stamp == stamp)
                    bars.Add(copy);
            }
        }
        bars.Sort((a, b) => a.Part != b.Part ? a.Part.CompareTo(b.Part) : a.Bar.CompareTo(b.Bar));
        return LockedBarsBlob.Create(bars);
    }

    /// <summary>[main] Brings back a loaded song's locked bars; false with the reason when the blob is damaged (nothing changes).</summary>
    public bool RestoreLocked(StateBlob blob, out string? problem)
    {
        if (!LockedBarsBlob.TryRead(blob.Data.Span, _composer.MaxEventsPerBar, out List<BarSnapshot> bars, out problem))
            return false;
        Worker.Restore(bars);
        return true;
    }

    /// <summary>[main] Stops the generator thread, which frees the composer's decoders once it no longer uses them.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Worker.Dispose();
    }
}
