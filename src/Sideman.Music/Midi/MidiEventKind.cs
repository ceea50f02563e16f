namespace Sideman.Music.Midi;

/// <summary>What a <see cref="MidiEvent"/> carries. Values match the bridge ABI's SM_EVENT_* codes.</summary>
public enum MidiEventKind : short
{
    None = 0,
    NoteOn = 1,
    NoteOff = 2,
    PolyPressure = 3,
    /// <summary>Key holds the controller number (0..127) or a <see cref="MidiControllers"/> pseudo controller.</summary>
    Controller = 4,
}
