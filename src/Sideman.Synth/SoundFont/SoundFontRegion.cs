namespace Sideman.Synth.SoundFont;

/// <summary>
/// One playable layer of a preset: a preset zone paired with an instrument zone, resolved once at
/// load time. Generators are the instrument values plus the preset offsets, clamped to the spec's
/// ranges; modulators are the default, instrument and preset lists merged by the spec's rules.
/// A note plays every region whose key and velocity ranges contain it.
/// </summary>
public sealed class SoundFontRegion
{
    internal SoundFontRegion(int keyLow, int keyHigh, int velocityLow, int velocityHigh,
        int[] generators, Modulator[] modulators, SampleHeader sample, int sampleIndex)
    {
        KeyLow = keyLow;
        KeyHigh = keyHigh;
        VelocityLow = velocityLow;
        VelocityHigh = velocityHigh;
        Generators = generators;
        Modulators = modulators;
        Sample = sample;
        SampleIndex = sampleIndex;
    }

    public int KeyLow { get; }

    public int KeyHigh { get; }

    public int VelocityLow { get; }

    public int VelocityHigh { get; }

    /// <summary>61 resolved generator values, indexed by <see cref="GeneratorType"/>.</summary>
    public int[] Generators { get; }

    public Modulator[] Modulators { get; }

    public SampleHeader Sample { get; }

    public int SampleIndex { get; }

    public int this[GeneratorType type] => Generators[(int)type];

    /// <summary>True when this region sounds for the key and velocity. [audio]</summary>
    public bool Contains(int key, int velocity) =>
        key >= KeyLow && key <= KeyHigh && velocity >= VelocityLow && velocity <= VelocityHigh;
}
