using System.Globalization;

namespace Sideman.Music.Midi.Files;

/// <summary>
/// One event of a track at an absolute tick. Channel messages use <see cref="Channel"/> (0..15) and
/// Data1/Data2 as MIDI has them (key and velocity, controller and value, program; pitch bend is the
/// 14-bit value 0..16383 in Data1). Meta events use Data1/Data2 as <see cref="MidiFileEventKind"/> says.
/// A note-on with velocity 0 is read as a note-off.
/// </summary>
public readonly record struct MidiFileEvent(long Tick, MidiFileEventKind Kind, int Channel, int Data1, int Data2)
{
    public static MidiFileEvent NoteOn(long tick, int channel, int key, int velocity) => new(tick, MidiFileEventKind.NoteOn, channel, key, velocity);
    public static MidiFileEvent NoteOff(long tick, int channel, int key, int velocity = 0) => new(tick, MidiFileEventKind.NoteOff, channel, key, velocity);
    public static MidiFileEvent Controller(long tick, int channel, int controller, int value) => new(tick, MidiFileEventKind.Controller, channel, controller, value);
    public static MidiFileEvent Program(long tick, int channel, int program) => new(tick, MidiFileEventKind.ProgramChange, channel, program, 0);
    public static MidiFileEvent Tempo(long tick, int microsecondsPerQuarter) => new(tick, MidiFileEventKind.Tempo, 0, microsecondsPerQuarter, 0);
    public static MidiFileEvent TimeSignature(long tick, int numerator, int denominator) => new(tick, MidiFileEventKind.TimeSignature, 0, numerator, denominator);
    public static MidiFileEvent KeySignature(long tick, int sharps, bool minor) => new(tick, MidiFileEventKind.KeySignature, 0, sharps, minor ? 1 : 0);

    /// <summary>The tempo in beats (quarters) per minute, for a Tempo event.</summary>
    public double Bpm => 60_000_000.0 / Data1;

    public bool IsMeta => Kind >= MidiFileEventKind.Tempo;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Tick}: {Kind} ch{Channel} {Data1} {Data2}");
}
