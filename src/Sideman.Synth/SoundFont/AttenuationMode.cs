namespace Sideman.Synth.SoundFont;

/// <summary>
/// How the initialAttenuation generator is read. The spec says centibels. EMU hardware and
/// FluidSynth read the generator (not the modulators) at 0.4 of that, and many banks, FluidR3
/// included, were voiced on such players.
/// </summary>
public enum AttenuationMode
{
    /// <summary>1 unit = 1 cB, as SF2.04 section 8.1.3 defines it.</summary>
    Spec,

    /// <summary>1 unit = 0.4 cB for the generator; modulators stay in cB (FluidSynth-compatible).</summary>
    Emu,
}
