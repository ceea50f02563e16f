namespace Sideman.Synth.SoundFont;

/// <summary>
/// A sample header (shdr). Addresses are in sample points from the start of the smpl chunk,
/// End and LoopEnd exclusive as the spec defines them.
/// </summary>
public sealed record SampleHeader(
    string Name,
    uint Start,
    uint End,
    uint LoopStart,
    uint LoopEnd,
    uint SampleRate,
    byte OriginalPitch,
    sbyte PitchCorrection,
    ushort Link,
    SampleType Type)
{
    /// <summary>False when the header points outside the sample data or is a ROM sample; zones using it stay silent.</summary>
    public bool IsPlayable { get; init; } = true;

    /// <summary>False when the loop points are unusable (outside the sample, or empty); the sample then plays unlooped.</summary>
    public bool HasValidLoop { get; init; } = true;

    public override string ToString() => Name;
}
