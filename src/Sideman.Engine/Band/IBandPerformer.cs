using Sideman.Engine.Transport;

namespace Sideman.Engine.Band;

/// <summary>
/// The seam for the accompaniment performer: called once per block, before anything renders,
/// to write the parts' notes for that block into <paramref name="band"/> at their sample offsets.
/// Implementations follow the audio-thread rules: no allocation, lock, I/O or waiting
/// (offline bounces excepted, see ARCHITECTURE.md).
/// </summary>
public interface IBandPerformer
{
    /// <summary>[audio]</summary>
    void Perform(in TransportState transport, int sampleCount, IPartEventSink band);
}
