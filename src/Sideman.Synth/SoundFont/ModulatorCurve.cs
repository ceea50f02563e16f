namespace Sideman.Synth.SoundFont;

/// <summary>Modulator source curve types (SF2.04 section 8.2.1, bits 10..15 of a source).</summary>
public enum ModulatorCurve
{
    Linear = 0,
    Concave = 1,
    Convex = 2,
    Switch = 3,
}
