namespace Sideman.Music.Midi;

/// <summary>
/// Which MIDI channel carries which part, shared by the plugin (what it plays on each channel) and the
/// files Sideman writes (so a generated song played into the plugin comes out on the right instruments).
/// Numbers as MIDI counts them, 1..16: drums on 10 as in General MIDI, the pitched parts on 2..5, and
/// channel 1 is the player.
/// </summary>
public static class BandChannels
{
    public const int Player = 1, Drums = 10, Bass = 2, Keys = 3, Pad = 4, Arp = 5;
}
