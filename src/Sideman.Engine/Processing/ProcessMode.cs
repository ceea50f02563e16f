namespace Sideman.Engine.Processing;

/// <summary>How the host drives processing. Values match the ABI's SM_MODE_*. Offline is a bounce:
/// there, and only there, the audio thread may wait for the generator.</summary>
public enum ProcessMode
{
    Realtime = 0,
    Prefetch = 1,
    Offline = 2,
}
