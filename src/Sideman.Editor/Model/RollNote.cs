namespace Sideman.Editor.Model;

/// <summary>
/// One note of a part as the piano roll shows it: the song bar it lies in, where it starts and how long it
/// lasts in beats from that bar's start, its MIDI pitch (drums: the GM drum key) and velocity.
/// A value type, so a snapshot hands out its notes as a span with nothing allocated per frame.
/// </summary>
public readonly record struct RollNote(int Bar, float StartBeat, float LengthBeats, byte Pitch, byte Velocity);
