using System.Runtime.InteropServices;

namespace Sideman.Music.Midi;

/// <summary>
/// One MIDI event at a sample offset inside an audio block. Blittable, 32 bytes: the plugin's
/// interop layer views the host's event array as a span of these without copying (a layout test
/// pins it to the bridge ABI's SmEvent).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct MidiEvent
{
    /// <summary>Sample inside the block, 0 .. numSamples-1.</summary>
    public int SampleOffset;
    public MidiEventKind Kind;
    /// <summary>MIDI channel 0..15.</summary>
    public short Channel;
    /// <summary>MIDI pitch for notes and pressure; controller number for controllers.</summary>
    public short Key;
    /// <summary>Event bus (port) the event came in on or goes out on.</summary>
    public short Port;
    /// <summary>Velocity, pressure or controller value, 0..1.</summary>
    public float Value;
    /// <summary>Fine tuning in cents (notes only).</summary>
    public float Tuning;
    /// <summary>Host note id, or -1 when the host gave none.</summary>
    public int NoteId;
    /// <summary>Note length in samples when the host knows it, else 0.</summary>
    public int Length;
    private int _reserved;

    public static MidiEvent NoteOn(int sampleOffset, int key, float velocity, int channel = 0, int noteId = -1) =>
        new() { SampleOffset = sampleOffset, Kind = MidiEventKind.NoteOn, Key = (short)key, Value = velocity, Channel = (short)channel, NoteId = noteId };

    public static MidiEvent NoteOff(int sampleOffset, int key, float velocity = 0f, int channel = 0, int noteId = -1) =>
        new() { SampleOffset = sampleOffset, Kind = MidiEventKind.NoteOff, Key = (short)key, Value = velocity, Channel = (short)channel, NoteId = noteId };

    public static MidiEvent Controller(int sampleOffset, int controller, float value, int channel = 0) =>
        new() { SampleOffset = sampleOffset, Kind = MidiEventKind.Controller, Key = (short)controller, Value = value, Channel = (short)channel, NoteId = -1 };

    public static MidiEvent PolyPressure(int sampleOffset, int key, float pressure, int channel = 0, int noteId = -1) =>
        new() { SampleOffset = sampleOffset, Kind = MidiEventKind.PolyPressure, Key = (short)key, Value = pressure, Channel = (short)channel, NoteId = noteId };

    public override readonly string ToString() => $"{Kind} @{SampleOffset} ch{Channel} key{Key} v{Value:0.###}";
}
