namespace Sideman.Synth.SoundFont;

/// <summary>The band's parts, in bus order (each has its own stereo output after Main).</summary>
public enum BandPart
{
    Drums = 0,
    Bass = 1,
    Keys = 2,
    Pad = 3,
    Arp = 4,
}
