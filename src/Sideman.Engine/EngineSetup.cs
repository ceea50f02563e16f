using Sideman.Engine.Processing;

namespace Sideman.Engine;

/// <summary>The host's processing setup: sample rate, largest block it will send, realtime or offline.</summary>
public readonly record struct EngineSetup(double SampleRate, int MaxBlockSize, ProcessMode Mode = ProcessMode.Realtime)
{
    public const double MinSampleRate = 1_000;
    public const double MaxSampleRate = 1_000_000;
    public const int MaxSupportedBlockSize = 8192;

    public static readonly EngineSetup Default = new(48000, 1024);

    /// <summary>Null if usable, else why not (for the log and the host).</summary>
    public string? Problem =>
        !(SampleRate >= MinSampleRate && SampleRate <= MaxSampleRate) ? $"sample rate {SampleRate} Hz is outside {MinSampleRate}..{MaxSampleRate} Hz"
        : MaxBlockSize < 1 ? $"maximum block size {MaxBlockSize} is not positive"
        : null;
}
