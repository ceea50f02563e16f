using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// Where the band's notes go: the performer (and, until it exists, the MIDI channel routing)
/// writes each part's events at sample offsets inside the current block. Offsets outside the
/// block are clamped into it. Values are MIDI's: keys and controllers 0..127, velocity 1..127
/// (0 means note-off), pitch bend 0..16383 with 8192 the centre. [audio] on every member.
/// </summary>
public interface IPartEventSink
{
    void NoteOn(int offset, BandPart part, int key, int velocity);
    void NoteOff(int offset, BandPart part, int key);
    void ControlChange(int offset, BandPart part, int controller, int value);
    void PitchBend(int offset, BandPart part, int value14);
    void ChannelPressure(int offset, BandPart part, int value);
    void PolyPressure(int offset, BandPart part, int key, int value);
}
