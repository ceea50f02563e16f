using Sideman.Engine.Live;
using Sideman.Synth.SoundFont;
using Sideman.Music.Time;

namespace Sideman.Engine.Tests.Live;

/// <summary>
/// Stopping the generator frees the composer (the model's sessions) only once no bar is being written: a thread
/// that outlives the stop timeout frees it itself as it ends. Freeing it under a running decoder crashed a host
/// under Wine at high load (an access violation inside the model run).
/// </summary>
public sealed class GeneratorWorkerStopTests
{
    private sealed class BlockingComposer : IBandComposer
    {
        public readonly ManualResetEventSlim Entered = new(), Release = new(), Disposed = new();
        private volatile bool _writing;
        public volatile bool DisposedWhileWriting;

        public int MaxEventsPerBar => 8;
        public int TempoBucket(double bpm) => 0;
        public TimeSignature ModelSignature(TimeSignature host) => host;

        public void Write(BandPart part, in BarRequest request, ulong key, BarSnapshot output)
        {
            _writing = true;
            Entered.Set();
            Release.Wait(TimeSpan.FromSeconds(30));
            _writing = false;
            output.Fill(request.Bar, key, request.Signature, request.Section, request.Energy, [], [], []);
        }

        public void Dispose()
        {
            DisposedWhileWriting |= _writing;
            Disposed.Set();
        }
    }

    private static (GeneratorWorker Worker, BlockingComposer Composer) Start(TimeSpan stopTimeout)
    {
        var composer = new BlockingComposer();
        var requests = new SpscRing<BarRequest>(4);
        var worker = new GeneratorWorker(composer, new BarStore(), requests) { StopTimeout = stopTimeout };
        var request = new BarRequest { Bar = 0, Signature = new TimeSignature(4, 4), Parts = 1 << (int)BandPart.Bass };
        Assert.True(requests.TryEnqueue(request));
        Assert.True(composer.Entered.Wait(TimeSpan.FromSeconds(10)), "the worker never started writing");
        return (worker, composer);
    }

    [Fact]
    public void A_thread_stuck_in_the_model_past_the_timeout_frees_the_composer_itself_when_it_ends()
    {
        var (worker, composer) = Start(TimeSpan.FromMilliseconds(50));
        worker.Dispose();
        Assert.False(composer.Disposed.IsSet, "the composer was freed while the thread was still writing a bar");
        composer.Release.Set();
        Assert.True(composer.Disposed.Wait(TimeSpan.FromSeconds(10)), "the thread ended without freeing the composer");
        Assert.False(composer.DisposedWhileWriting);
    }

    [Fact]
    public async Task A_thread_that_stops_in_time_has_its_composer_freed_by_dispose()
    {
        var (worker, composer) = Start(TimeSpan.FromSeconds(10));
        var stopping = Task.Run(worker.Dispose);
        await Task.Delay(50);
        composer.Release.Set();
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(composer.Disposed.IsSet, "Dispose returned without freeing the composer");
        Assert.False(composer.DisposedWhileWriting);
    }
}
