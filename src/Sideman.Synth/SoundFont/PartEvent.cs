namespace Sideman.Synth.SoundFont;

/// <summary>What a queued part event does.</summary>
internal enum PartEventKind : byte
{
    NoteOn,
    NoteOff,
    ControlChange,
    ProgramChange,
    PitchBend,
    ChannelPressure,
    PolyPressure,
}

/// <summary>A MIDI event waiting for its sample offset inside the next render block.</summary>
internal readonly record struct PartEvent(int Offset, PartEventKind Kind, int Data1, int Data2);
