using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Engine.Diagnostics;
using Sideman.Engine.Processing;
using Sideman.Plugin.State;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin;

/// <summary>
/// One plugin instance's processor side, host-agnostic: the engine, its sounds and state save/load.
/// The interop layer owns one of these per bridge processor.
/// </summary>
public sealed class SidemanProcessor
{
    private readonly StateReader _reader;
    private readonly SidemanLog _log;

    /// <param name="log">Where messages go (default: the shared log).</param>
    /// <param name="bundledSoundFont">The bundled bank's file (default: beside the plugin assembly);
    /// it starts loading in the background right away and is awaited at activation.</param>
    public SidemanProcessor(SidemanLog? log = null, string? bundledSoundFont = null)
    {
        _log = log ?? SidemanLog.Shared;
        Engine = new SidemanEngine(_log);
        _reader = new StateReader(Engine.Parameters);
        Engine.Sounds.LoadBundled(bundledSoundFont ?? SidemanPlugin.BundledSoundFontPath);
    }

    public SidemanEngine Engine { get; }
    public bool IsActive { get; private set; }
    public bool IsProcessing { get; set; }

    /// <summary>[main] What the user should know about the band's sounds (loading, missing, fallbacks).</summary>
    public SoundStatus SoundStatus => Engine.Sounds.Status;

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
        }
        if (active && warmUp is not null)
        {
            Engine.BeginWarmUp();
            try
            {
                warmUp(this);
            }
            finally
            {
                Engine.EndWarmUp();
            }
        }
        Engine.SetActive(active);
        IsActive = active;
    }

    /// <summary>[audio]</summary>
    public void Process(ref ProcessBlock block) => Engine.Process(ref block);

    /// <summary>
    /// [main] Plays the user's own SoundFont file on a part (null or empty: back to the bundled sound).
    /// The file is loaded here. False, with the reason, when it cannot be used: the bundled sound then
    /// plays, the reason is logged and shown in <see cref="SoundStatus"/>, and the path is still saved.
    /// </summary>
    public bool SetPartSoundFont(BandPart part, string? path, out string? problem) =>
        Engine.Sounds.SetPartSoundFont(part, path, out problem);

    /// <summary>[main] The current settings in <see cref="StateFormat"/>.</summary>
    public byte[] SaveState() => StateWriter.Write(Engine.CaptureSettings());

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
        return result;
    }
}
