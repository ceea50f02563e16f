namespace Sideman.Music.Patterns;

/// <summary>
/// A drum hit: onset tick in its bar, the General MIDI note of its drum class (36 kick, 38 snare,
/// 42 closed hi-hat, ...), MIDI velocity and a micro-timing offset in 1/96 quarter note.
/// </summary>
public readonly record struct DrumEvent(int Tick, int GmNote, int Velocity, int MicroOffset = 0);
