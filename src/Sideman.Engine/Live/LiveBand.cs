using Sideman.Engine.Diagnostics;

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

    /// <summary>[main] Stops the generator thread and frees the composer's decoders.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        Worker.Dispose();
        _composer.Dispose();
    }
}
