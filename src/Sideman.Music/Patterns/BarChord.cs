namespace Sideman.Music.Patterns;

/// <summary>A chord that starts at a tick of its bar (24 ticks per quarter).</summary>
public readonly record struct BarChord(int Tick, ChordSymbol Chord);
