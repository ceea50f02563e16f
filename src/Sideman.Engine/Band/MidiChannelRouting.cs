using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// Lets producers play the band's instruments today: MIDI channel 10 plays Drums and channels
/// 2, 3, 4 and 5 play Bass, Keys, Pad and Arp. Every other channel (1 above all) is the player,
/// heard through the monitor sound. The one place that knows this map, so the performer can
/// take the parts over without touching the engine loop. [audio]
/// </summary>
public static class MidiChannelRouting
{
    /// <summary>Channel numbers as MIDI counts them (1..16), for documentation and messages.</summary>
    public const int DrumsChannel = BandChannels.Drums, BassChannel = BandChannels.Bass, KeysChannel = BandChannels.Keys,
                     PadChannel = BandChannels.Pad, ArpChannel = BandChannels.Arp;

    /// <summary>The 0-based MIDI channel of a part (drums 9, bass 1, keys 2, pad 3, arp 4): what it listens to and what its generated notes go out on.</summary>
    public static int ChannelOf(BandPart part) => part switch
    {
        BandPart.Drums => DrumsChannel - 1,
        BandPart.Bass => BassChannel - 1,
        BandPart.Keys => KeysChannel - 1,
        BandPart.Pad => PadChannel - 1,
        _ => ArpChannel - 1,
    };

    /// <summary>The part a 0-based MIDI channel plays, or false for the player's own channels.</summary>
    public static bool TryGetPart(int channel, out BandPart part)
    {
        switch (channel + 1)
        {
            case DrumsChannel: part = BandPart.Drums; return true;
            case BassChannel: part = BandPart.Bass; return true;
            case KeysChannel: part = BandPart.Keys; return true;
            case PadChannel: part = BandPart.Pad; return true;
            case ArpChannel: part = BandPart.Arp; return true;
            default: part = default; return false;
        }
    }

    /// <summary>
    /// Sends an input event on a part's channel to that part. False (nothing written) when the
    /// event belongs to the player or is not something a part plays.
    /// </summary>
    public static bool Route(in MidiEvent e, int offset, IPartEventSink band)
    {
        if (!TryGetPart(e.Channel, out BandPart part))
            return false;
        int key = e.Key;
        switch (e.Kind)
        {
            case MidiEventKind.NoteOn:
                if ((uint)key > 127)
                    return false;
                band.NoteOn(offset, part, key, Velocity(e.Value));
                return true;
            case MidiEventKind.NoteOff:
                if ((uint)key > 127)
                    return false;
                band.NoteOff(offset, part, key);
                return true;
            case MidiEventKind.PolyPressure:
                if ((uint)key > 127 || !float.IsFinite(e.Value))
                    return false;
                band.PolyPressure(offset, part, key, SevenBit(e.Value));
                return true;
            case MidiEventKind.Controller:
                if (!float.IsFinite(e.Value))
                    return false;
                if (key == MidiControllers.PitchBend)
                    band.PitchBend(offset, part, (int)Math.Round(Math.Clamp(e.Value, 0f, 1f) * 16383));
                else if (key == MidiControllers.ChannelPressure)
                    band.ChannelPressure(offset, part, SevenBit(e.Value));
                else if ((uint)key <= 127)
                    band.ControlChange(offset, part, key, SevenBit(e.Value));
                else
                    return false;
                return true;
            default:
                return false;
        }
    }

    /// <summary>VST3 velocity 0..1 to MIDI 1..127: a note-on always sounds.</summary>
    public static int Velocity(float value) =>
        float.IsFinite(value) ? Math.Clamp((int)Math.Round(value * 127), 1, 127) : 64;

    private static int SevenBit(float value) => (int)Math.Round(Math.Clamp(value, 0f, 1f) * 127);
}
