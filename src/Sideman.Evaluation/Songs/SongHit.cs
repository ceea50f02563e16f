namespace Sideman.Evaluation.Songs;

/// <summary>
/// A drum hit as heard: the bar it falls in, its onset snapped to the sixteenth grid within that bar
/// (<see cref="BeatGrid.Snap"/>), its drum class (a DRUM name of models/vocab.json: kick, snare, hh_closed, ...)
/// and velocity.
/// </summary>
public readonly record struct SongHit(int Bar, int Tick, string Drum, int Velocity);
