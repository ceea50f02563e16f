using Sideman.Engine.Band;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Support;

/// <summary>Notes for the band's MIDI channels, at absolute samples.</summary>
public static class BandNotes
{
    /// <summary>The 0-based MIDI channel a part listens to (MIDI channel 10 → 9 for drums, 2..5 → 1..4).</summary>
    public static int Channel(BandPart part) => MidiChannelRouting.ChannelOf(part);

    /// <summary>A key each part sounds well on (snare for drums).</summary>
    public static int Key(BandPart part) => part switch
    {
        BandPart.Drums => 38,
        BandPart.Bass => 40,
        BandPart.Keys => 60,
        BandPart.Pad => 64,
        _ => 72,
    };

    public static MidiEvent On(long sample, BandPart part, int key = -1, float velocity = 0.8f) =>
        MidiEvent.NoteOn((int)sample, key < 0 ? Key(part) : key, velocity, Channel(part));

    public static MidiEvent Off(long sample, BandPart part, int key = -1) =>
        MidiEvent.NoteOff((int)sample, key < 0 ? Key(part) : key, 0f, Channel(part));

    public static IEnumerable<BandPart> Parts => Enum.GetValues<BandPart>();

    public static MidiEvent[] Sorted(IEnumerable<MidiEvent> events) => events.OrderBy(e => e.SampleOffset).ToArray();
}
