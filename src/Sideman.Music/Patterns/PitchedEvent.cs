namespace Sideman.Music.Patterns;

/// <summary>
/// A note of a pitched part: onset tick in its bar, chord-relative pitch, length in ticks,
/// MIDI velocity and a micro-timing offset in 1/96 quarter note (0 = on the grid).
/// </summary>
public readonly record struct PitchedEvent(int Tick, ChordRelativePitch Pitch, int DurationTicks, int Velocity, int MicroOffset = 0);
