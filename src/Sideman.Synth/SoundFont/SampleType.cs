namespace Sideman.Synth.SoundFont;

/// <summary>Sample link types (SF2.04 section 7.10, sfSampleType).</summary>
[Flags]
public enum SampleType : ushort
{
    Mono = 1,
    Right = 2,
    Left = 4,
    Linked = 8,
    Rom = 0x8000,
}
