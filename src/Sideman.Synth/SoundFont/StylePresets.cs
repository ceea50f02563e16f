namespace Sideman.Synth.SoundFont;

/// <summary>The default preset of each part for one style.</summary>
public sealed record StylePresets(string Style, PresetAddress Drums, PresetAddress Bass, PresetAddress Keys,
    PresetAddress Pad, PresetAddress Arp)
{
    public PresetAddress For(BandPart part) => part switch
    {
        BandPart.Drums => Drums,
        BandPart.Bass => Bass,
        BandPart.Keys => Keys,
        BandPart.Pad => Pad,
        _ => Arp,
    };
}
