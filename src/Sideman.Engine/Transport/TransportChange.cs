namespace Sideman.Engine.Transport;

/// <summary>What happened to the song position between the previous block and this one.</summary>
public enum TransportChange
{
    /// <summary>Position continued as expected (or stayed put while stopped).</summary>
    None = 0,
    /// <summary>Playback started in this block.</summary>
    Started,
    /// <summary>Playback stopped in this block.</summary>
    Stopped,
    /// <summary>The host's cycle (loop) wrapped back to its start.</summary>
    Looped,
    /// <summary>The position moved somewhere unexpected (locate, scrub, tempo map edit).</summary>
    Jumped,
}
