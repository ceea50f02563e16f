namespace Sideman.Synth.SoundFont;

/// <summary>
/// The modulators every instrument zone starts with (SF2 section 8.4). Files can override each
/// one by giving a modulator with the same identity (FluidR3 switches off the velocity→filter
/// one that way, so we keep its 2.01 identity).
/// </summary>
public static class DefaultModulators
{
    private const ushort Cc = 0x80, Negative = 0x100, Bipolar = 0x200, Concave = 0x400, Switch = 0xC00;

    /// <summary>The list, in the spec's order.</summary>
    public static IReadOnlyList<ModulatorRecord> Records { get; } = new[]
    {
        // 8.4.1 velocity → attenuation: 40·log10 law over 96 dB.
        Record(ModulatorSource.NoteOnVelocity | Negative | Concave, GeneratorType.InitialAttenuation, 960),
        // 8.4.2 velocity → filter cutoff, only below velocity 64 (negative switch secondary source).
        Record(ModulatorSource.NoteOnVelocity | Negative, GeneratorType.InitialFilterFc, -2400,
            ModulatorSource.NoteOnVelocity | Negative | Switch),
        // 8.4.3 channel pressure → vibrato depth.
        Record(ModulatorSource.ChannelPressure, GeneratorType.VibLfoToPitch, 50),
        // 8.4.4 mod wheel → vibrato depth.
        Record(Cc | ControllerState.ModulationWheel, GeneratorType.VibLfoToPitch, 50),
        // 8.4.5 volume → attenuation.
        Record(Cc | Negative | Concave | ControllerState.Volume, GeneratorType.InitialAttenuation, 960),
        // 8.4.6 pan → pan. Amount 500 (not 1000) so the whole CC range sweeps left to right linearly.
        Record(Cc | Bipolar | ControllerState.Pan, GeneratorType.Pan, 500),
        // 8.4.7 expression → attenuation.
        Record(Cc | Negative | Concave | ControllerState.Expression, GeneratorType.InitialAttenuation, 960),
        // 8.4.8 reverb depth → reverb send.
        Record(Cc | ControllerState.ReverbDepth, GeneratorType.ReverbEffectsSend, 200),
        // 8.4.9 chorus depth → chorus send.
        Record(Cc | ControllerState.ChorusDepth, GeneratorType.ChorusEffectsSend, 200),
        // 8.4.10 pitch wheel × bend range → pitch (we route it to fine tune, in cents).
        Record(ModulatorSource.PitchWheel | Bipolar, GeneratorType.FineTune, 12700, ModulatorSource.PitchWheelSensitivity),
    };

    private static ModulatorRecord Record(int source, GeneratorType destination, short amount, int amountSource = 0) =>
        new((ushort)source, (ushort)destination, amount, (ushort)amountSource, 0);
}
