using Sideman.Music.Midi;

namespace Sideman.Engine.Band;

/// <summary>
/// The seam for the accompaniment performer: called once per block, before anything renders, to write the
/// parts' notes for that block into <paramref name="band"/> at their sample offsets. It sees the block's input
/// first, so a chord the player strikes anywhere in the block is already known for every band note after it.
/// Implementations follow the audio-thread rules: no allocation, lock, I/O or waiting (offline bounces
/// excepted, see ARCHITECTURE.md).
/// </summary>
public interface IBandPerformer
{
    /// <summary>[audio]</summary>
    void Perform(in BandBlock block, IPartEventSink band);

    /// <summary>[audio] True for an input event the performer takes for itself (a keyswitch): the player's monitor does not play it.</summary>
    bool Consumes(in MidiEvent input);

    /// <summary>[main] Back to silence and the start of a song (activation, after warm-up).</summary>
    void Reset();
}
