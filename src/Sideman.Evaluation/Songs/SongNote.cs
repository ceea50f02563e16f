using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// A note of a pitched part as heard: the bar it starts in, its onset snapped to the sixteenth grid within that
/// bar (<see cref="BeatGrid.Snap"/>), its real start and end in pattern ticks from the song's start, its pitch
/// class and velocity, and the chord it was played over (the chord sounding at its onset).
/// </summary>
public readonly record struct SongNote(int Bar, int Tick, double Start, double End, int PitchClass, int Velocity, ChordSymbol Chord);
