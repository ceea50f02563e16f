using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Engine.Diagnostics;
using Sideman.Engine.Live;
using Sideman.Engine.State;
using Sideman.Model.Decoding;
using Sideman.Engine.Processing;
using Sideman.Plugin.State;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin;

/// <summary>
/// One plugin instance's processor side, host-agnostic: the engine, its sounds and state save/load.
/// The interop layer owns one of these per bridge processor.
/// </summary>
public sealed class SidemanProcessor : IDisposable
{
    private readonly StateReader _reader;
    private readonly SidemanLog _log;
    private readonly Task<GeneratorAssets>? _model;
    private LiveBand? _band;
    private string? _bandProblem;

    /// <param name="log">Where messages go (default: the shared log).</param>
    /// <param name="bundledSoundFont">The bundled bank's file (default: beside the plugin assembly);
    /// it starts loading in the background right away and is awaited at activation.</param>
    /// <param name="liveBand">Load the shared model and play the live band (false: the parts play only their MIDI channels).</param>
    public SidemanProcessor(SidemanLog? log = null, string? bundledSoundFont = null, bool liveBand = true)
    {
        _log = log ?? SidemanLog.Shared;
        Engine = new SidemanEngine(_log);
        _reader = new StateReader(Engine.Parameters);
        Engine.Sounds.LoadBundled(bundledSoundFont ?? SidemanPlugin.BundledSoundFontPath);
        _model = liveBand ? SharedBandModel.Load() : null;
    }

    /// <summary>[main] The live band once the first activation made it (null before, or when the model could not load).</summary>
    public LiveBand? Band => _band;

    /// <summary>[main] Why the live band does not play, or null when it does (or has not been started yet).</summary>
    public string? BandProblem => _bandProblem;

    public SidemanEngine Engine { get; }
    public bool IsActive { get; private set; }
    public bool IsProcessing { get; set; }

    /// <summary>[main] What the user should know about the band's sounds (loading, missing, fallbacks).</summary>
    public SoundStatus SoundStatus => Engine.Sounds.Status;

    /// <summary>[any] Bars the live band was late for since it started (0 without a band).</summary>
    public long LateBars => _band?.Performer.LateBars ?? 0;

    /// <summary>[any] Times the band's generator failed since it started (0 without a band).</summary>
    public long GeneratorFailures => _band?.Worker.Failures ?? 0;

    /// <summary>
    /// [main] Everything the user should know, for the host's status message and the editor's status line: the
    /// sounds' messages, why the live band cannot play (its model missing or damaged), and the bars it was late for.
    /// </summary>
    public SoundStatus Status
    {
        get
        {
            SoundStatus sounds = Engine.Sounds.Status;
            string? trouble = _trouble.For(LateBars, GeneratorFailures);
            if (_bandProblem is null && trouble is null)
                return sounds;
            var messages = new List<string>(sounds.Messages);
            if (_bandProblem is not null)
                messages.Add(_bandProblem);
            if (trouble is not null)
                messages.Add(trouble);
            return sounds with { Messages = messages };
        }
    }

    private readonly BandTroubleLine _trouble = new();

    /// <summary>[main] While inactive. Throws with the reason when the setup is unusable.</summary>
    public void Setup(EngineSetup setup) => Engine.Configure(setup);

    /// <summary>
    /// [main] Activation waits for the bundled sounds (loading started at construction, so usually
    /// done), retries user SoundFonts that were missing, runs <paramref name="warmUp"/> (silent blocks
    /// through the full processing path, so the JIT has compiled it before the first real block),
    /// then starts from silence.
    /// </summary>
    public void SetActive(bool active, Action<SidemanProcessor>? warmUp = null)
    {
        if (active)
        {
            if (!Engine.Sounds.WaitForBundled(SidemanPlugin.SoundLoadTimeout))
                _log.Warn("sounds", $"Activated without the bundled sounds: {Engine.Sounds.Status.Text}");
            Engine.Sounds.RetryFailedFiles();
            StartBand();
        }
        if (active && warmUp is not null)
        {
            Engine.BeginWarmUp();
            if (_band is not null)
                _band.Performer.WarmingUp = true;
            try
            {
                warmUp(this);
            }
            finally
            {
                if (_band is not null)
                    _band.Performer.WarmingUp = false;
                Engine.EndWarmUp();
            }
        }
        if (!active && IsActive)
            LogSession();
        Engine.SetActive(active);
        IsActive = active;
    }

    /// <summary>[audio]</summary>
    public void Process(ref ProcessBlock block) => Engine.Process(ref block);

    /// <summary>
    /// [main] At the first activation: waits for the shared model (loading since construction), makes this
    /// instance's band and hands the engine its performer. A model that cannot load leaves the band silent, the
    /// reason logged once and kept in <see cref="BandProblem"/>; the player's own notes still play.
    /// </summary>
    private void StartBand()
    {
        if (_band is not null || _model is null || _bandProblem is not null)
            return;
        try
        {
            if (!_model.Wait(SidemanPlugin.ModelLoadTimeout))
            {
                _bandProblem = $"The band's model did not load within {SidemanPlugin.ModelLoadTimeout.TotalSeconds:0} s; the band starts at the next activation.";
                _log.Warn("band", _bandProblem);
                _bandProblem = null; // try again next time
                return;
            }
            _band = new LiveBand(new ModelComposer(_model.Result), _log);
            Engine.SetPerformer(_band.Performer);
            RestoreLockedBars();
            _log.Info("band", $"Live band ready ({_model.Result.ModelInfo.Path}).");
        }
        catch (Exception ex)
        {
            Exception cause = ex is AggregateException { InnerException: { } inner } ? inner : ex;
            _bandProblem = $"The band cannot play: {cause.Message}";
            _log.Error("band", _bandProblem);
        }
    }

    private StateBlob? _pendingLockedBars;

    /// <summary>[main] A loaded song's locked bars go back into the band (at once, or when it starts); a damaged blob is logged and kept.</summary>
    private void RestoreLockedBars()
    {
        if (_band is null || _pendingLockedBars is null)
            return;
        if (!_band.RestoreLocked(_pendingLockedBars, out string? problem))
            _log.Warn("state", $"The song's locked bars cannot be restored ({problem}); the locked parts keep the bars they write now.");
        _pendingLockedBars = null;
    }

    /// <summary>[main] What the host asked of this activation, for the log: how it processed (a bounce shows as offline
    /// blocks, or as realtime ones when a host freewheels without saying so) and how the band kept up.</summary>
    private void LogSession()
    {
        long realtime = Engine.BlocksIn(ProcessMode.Realtime), prefetch = Engine.BlocksIn(ProcessMode.Prefetch), offline = Engine.BlocksIn(ProcessMode.Offline);
        if (realtime + prefetch + offline == 0)
            return;
        string band = _band is null ? "no band" :
            $"band: {_band.Worker.BarsWritten} bars written in {_band.Worker.BusyTicks / (double)System.Diagnostics.Stopwatch.Frequency:0.0} s, {_band.Performer.LateBars} late, {_band.Performer.OfflineTimeouts} offline timeouts, {_band.Worker.Failures} failures, {_band.Performer.DroppedRequests} requests dropped";
        _log.Info("session", $"Deactivated after {realtime} realtime ({Engine.PlayingBlocksIn(ProcessMode.Realtime)} playing), {prefetch} prefetch and {offline} offline ({Engine.PlayingBlocksIn(ProcessMode.Offline)} playing) blocks, {Engine.TransportJumps} jumps; {band}; storms {Engine.StormBlocks} blocks, {Engine.StormNotesDropped} notes not played.");
    }

    /// <summary>
    /// [main] Stops the band's generator thread. The engine must no longer be processing. An instance released while the
    /// shared model is still loading (a host that creates and closes at once, then exits) waits for the load to end:
    /// a process that exits while ONNX Runtime initialises on the loader thread aborts inside it.
    /// </summary>
    public void Dispose()
    {
        Engine.SetPerformer(null);
        _band?.Dispose();
        _band = null;
        if (_model is { IsCompleted: false } loading)
            ((IAsyncResult)loading).AsyncWaitHandle.WaitOne(SidemanPlugin.ModelLoadTimeout);
    }

    /// <summary>
    /// [main] Plays the user's own SoundFont file on a part (null or empty: back to the bundled sound).
    /// The file is loaded here. False, with the reason, when it cannot be used: the bundled sound then
    /// plays, the reason is logged and shown in <see cref="SoundStatus"/>, and the path is still saved.
    /// </summary>
    public bool SetPartSoundFont(BandPart part, string? path, out string? problem) =>
        Engine.Sounds.SetPartSoundFont(part, path, out problem);

    /// <summary>
    /// [main] The chord chart the band plays in chart mode (<c>C | Am7 | F G7 | C/E</c>; null or blank clears it).
    /// False, with the reason, when the text is not a chart: the previous chart stays. Saved with the song.
    /// </summary>
    public bool SetChart(string? text, out string? problem) => Engine.SetChart(text, out problem);

    /// <summary>[main] The current settings in <see cref="StateFormat"/>, with the locked parts' bars.</summary>
    public byte[] SaveState()
    {
        SettingsSnapshot settings = Engine.CaptureSettings();
        if (_band is null)
            return StateWriter.Write(settings); // the loaded song's locked bars, if any, stay as they were
        Span<bool> locked = stackalloc bool[BandSynth.PartCount];
        for (int p = 0; p < locked.Length; p++)
            locked[p] = settings[EngineParameters.PartLocks[p]] >= 0.5;
        var blobs = settings.Blobs.Where(b => b.Tag != LockedBarsBlob.Tag).ToList();
        if (_band.CaptureLocked(locked) is { } bars)
            blobs.Add(bars);
        return StateWriter.Write(new SettingsSnapshot(settings.Parameters, settings.PlainValues, blobs));
    }

    /// <summary>[main] Loads state; on refusal logs the reason and leaves every setting as it was.</summary>
    public StateReadResult LoadState(ReadOnlySpan<byte> data)
    {
        StateReadResult result = _reader.Read(data);
        if (!result.Success)
        {
            _log.Warn("state", $"Refused a state of {data.Length} bytes; settings unchanged. {result.Error}");
            return result;
        }
        if (result.IgnoredIds.Count > 0)
            _log.Info("state", $"Ignored unknown parameter ids: {string.Join(", ", result.IgnoredIds)}.");
        if (result.MissingIds.Count > 0)
            _log.Info("state", $"State had no value for {string.Join(", ", result.MissingIds)}; using defaults.");
        Engine.PublishSettings(result.Settings!);
        _pendingLockedBars = result.Settings!.Blobs.FirstOrDefault(b => b.Tag == LockedBarsBlob.Tag);
        RestoreLockedBars();
        return result;
    }
}
