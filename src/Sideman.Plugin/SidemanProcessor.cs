using Sideman.Engine;
using Sideman.Engine.Diagnostics;
using Sideman.Engine.Processing;
using Sideman.Plugin.State;

namespace Sideman.Plugin;

/// <summary>
/// One plugin instance's processor side, host-agnostic: the engine plus state save/load.
/// The interop layer owns one of these per bridge processor.
/// </summary>
public sealed class SidemanProcessor
{
    private readonly StateReader _reader;
    private readonly SidemanLog _log;

    public SidemanProcessor(SidemanLog? log = null)
    {
        Engine = new SidemanEngine();
        _reader = new StateReader(Engine.Parameters);
        _log = log ?? SidemanLog.Shared;
    }

    public SidemanEngine Engine { get; }
    public bool IsActive { get; private set; }
    public bool IsProcessing { get; set; }

    /// <summary>[main] While inactive. Throws with the reason when the setup is unusable.</summary>
    public void Setup(EngineSetup setup) => Engine.Configure(setup);

    /// <summary>
    /// [main] Activation runs <paramref name="warmUp"/> (silent blocks through the full processing path,
    /// so the JIT has compiled it before the first real block), then starts from silence.
    /// </summary>
    public void SetActive(bool active, Action<SidemanProcessor>? warmUp = null)
    {
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
