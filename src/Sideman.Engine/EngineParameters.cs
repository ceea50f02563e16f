using Sideman.Engine.Parameters;
using Sideman.Music.Midi;

namespace Sideman.Engine;

/// <summary>
/// Every parameter Sideman exposes, declared once. Adding a parameter is one line here (plus the
/// code that reads it). String ids are forever: saved songs and host automation use them, and a
/// golden test pins the hashed ids. Order is the host's display order and may change freely.
/// </summary>
public static class EngineParameters
{
    private static readonly ParameterDeclarations Declare = new();

    public static readonly ParameterDefinition MasterVolume =
        Declare.Decibels("master.volume", "Master Volume", "Volume", maxDb: 6, defaultDb: 0);

    public static readonly ParameterDefinition SynthAttack =
        Declare.Milliseconds("synth.attack", "Synth Attack", "Attack", minMs: 0.5, maxMs: 5000, midpointMs: 80, defaultMs: 4);

    public static readonly ParameterDefinition SynthRelease =
        Declare.Milliseconds("synth.release", "Synth Release", "Release", minMs: 5, maxMs: 10000, midpointMs: 500, defaultMs: 350);

    // Performance controllers: hosts route MIDI controllers here (IMidiMapping). Hidden, not saved.
    public static readonly ParameterDefinition SustainPedal =
        Declare.MidiControllerTarget("midi.sustain", "Sustain Pedal", "Sustain", MidiControllers.SustainPedal, 0, 1, 0);

    public static readonly ParameterDefinition ModWheel =
        Declare.MidiControllerTarget("midi.modwheel", "Mod Wheel", "Mod", MidiControllers.ModWheel, 0, 1, 0);

    public static readonly ParameterDefinition PitchBend =
        Declare.MidiControllerTarget("midi.pitchbend", "Pitch Bend", "Bend", MidiControllers.PitchBend, -1, 1, 0);

    /// <summary>The validated list. Must stay the last field: it closes the declarations above.</summary>
    public static readonly ParameterSet All = Declare.Build();
}
