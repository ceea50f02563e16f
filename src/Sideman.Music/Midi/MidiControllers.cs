namespace Sideman.Music.Midi;

/// <summary>Controller numbers used by Sideman. 128 and up are pseudo controllers for messages that
/// are not CCs in MIDI 1.0 (the same numbering VST3's IMidiMapping uses).</summary>
public static class MidiControllers
{
    public const int ModWheel = 1;
    public const int SustainPedal = 64;
    public const int AllSoundOff = 120;
    public const int AllNotesOff = 123;
    public const int ChannelPressure = 128;
    public const int PitchBend = 129;
}
