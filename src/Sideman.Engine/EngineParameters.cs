using Sideman.Engine.Band;
using Sideman.Engine.Parameters;
using Sideman.Music.Midi;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine;

/// <summary>
/// Every parameter Sideman exposes, declared once. Adding a parameter is one line here (plus the
/// code that reads it). String ids are forever: saved songs and host automation use them, and a
/// golden test pins the hashed ids. Order is the host's display order and may change freely.
/// List parameters save their step index, so their step lists are pinned by golden tests too.
/// </summary>
public static class EngineParameters
{
    private static readonly ParameterDeclarations Declare = new();

    public static readonly ParameterDefinition MasterVolume =
        Declare.Decibels("master.volume", "Master Volume", "Volume", maxDb: 6, defaultDb: 0);

    // The band: style (picks each part's default preset), then one strip per part.
    public static readonly ParameterDefinition Style = Declare.List("band.style", "Style", "Style", BandStyles.Names, BandStyles.DefaultName);

    public static readonly ParameterDefinition DrumsPreset = Declare.List("drums.preset", "Drums Preset", "Drm Preset", BandPresets.PresetNames(BandPart.Drums), BandPresets.StyleDefaultName);
    public static readonly ParameterDefinition DrumsVolume = Declare.Decibels("drums.volume", "Drums Volume", "Drm Vol", maxDb: 6, defaultDb: 0);
    public static readonly ParameterDefinition DrumsMute = Declare.Toggle("drums.mute", "Drums Mute", "Drm Mute", defaultOn: false);
    public static readonly ParameterDefinition DrumsPan = Declare.Pan("drums.pan", "Drums Pan", "Drm Pan", 0);
    public static readonly ParameterDefinition DrumsReverb = Declare.Percent("drums.reverb", "Drums Reverb Send", "Drm Rev", 10);
    public static readonly ParameterDefinition DrumsChorus = Declare.Percent("drums.chorus", "Drums Chorus Send", "Drm Cho", 0);

    public static readonly ParameterDefinition BassPreset = Declare.List("bass.preset", "Bass Preset", "Bas Preset", BandPresets.PresetNames(BandPart.Bass), BandPresets.StyleDefaultName);
    public static readonly ParameterDefinition BassVolume = Declare.Decibels("bass.volume", "Bass Volume", "Bas Vol", maxDb: 6, defaultDb: 0);
    public static readonly ParameterDefinition BassMute = Declare.Toggle("bass.mute", "Bass Mute", "Bas Mute", defaultOn: false);
    public static readonly ParameterDefinition BassPan = Declare.Pan("bass.pan", "Bass Pan", "Bas Pan", 0);
    public static readonly ParameterDefinition BassReverb = Declare.Percent("bass.reverb", "Bass Reverb Send", "Bas Rev", 0);
    public static readonly ParameterDefinition BassChorus = Declare.Percent("bass.chorus", "Bass Chorus Send", "Bas Cho", 0);

    public static readonly ParameterDefinition KeysPreset = Declare.List("keys.preset", "Keys Preset", "Key Preset", BandPresets.PresetNames(BandPart.Keys), BandPresets.StyleDefaultName);
    public static readonly ParameterDefinition KeysVolume = Declare.Decibels("keys.volume", "Keys Volume", "Key Vol", maxDb: 6, defaultDb: 0);
    public static readonly ParameterDefinition KeysMute = Declare.Toggle("keys.mute", "Keys Mute", "Key Mute", defaultOn: false);
    public static readonly ParameterDefinition KeysPan = Declare.Pan("keys.pan", "Keys Pan", "Key Pan", 0);
    public static readonly ParameterDefinition KeysReverb = Declare.Percent("keys.reverb", "Keys Reverb Send", "Key Rev", 15);
    public static readonly ParameterDefinition KeysChorus = Declare.Percent("keys.chorus", "Keys Chorus Send", "Key Cho", 0);

    public static readonly ParameterDefinition PadPreset = Declare.List("pad.preset", "Pad Preset", "Pad Preset", BandPresets.PresetNames(BandPart.Pad), BandPresets.StyleDefaultName);
    public static readonly ParameterDefinition PadVolume = Declare.Decibels("pad.volume", "Pad Volume", "Pad Vol", maxDb: 6, defaultDb: -3);
    public static readonly ParameterDefinition PadMute = Declare.Toggle("pad.mute", "Pad Mute", "Pad Mute", defaultOn: false);
    public static readonly ParameterDefinition PadPan = Declare.Pan("pad.pan", "Pad Pan", "Pad Pan", 0);
    public static readonly ParameterDefinition PadReverb = Declare.Percent("pad.reverb", "Pad Reverb Send", "Pad Rev", 30);
    public static readonly ParameterDefinition PadChorus = Declare.Percent("pad.chorus", "Pad Chorus Send", "Pad Cho", 20);

    public static readonly ParameterDefinition ArpPreset = Declare.List("arp.preset", "Arp Preset", "Arp Preset", BandPresets.PresetNames(BandPart.Arp), BandPresets.StyleDefaultName);
    public static readonly ParameterDefinition ArpVolume = Declare.Decibels("arp.volume", "Arp Volume", "Arp Vol", maxDb: 6, defaultDb: -3);
    public static readonly ParameterDefinition ArpMute = Declare.Toggle("arp.mute", "Arp Mute", "Arp Mute", defaultOn: false);
    public static readonly ParameterDefinition ArpPan = Declare.Pan("arp.pan", "Arp Pan", "Arp Pan", 0);
    public static readonly ParameterDefinition ArpReverb = Declare.Percent("arp.reverb", "Arp Reverb Send", "Arp Rev", 20);
    public static readonly ParameterDefinition ArpChorus = Declare.Percent("arp.chorus", "Arp Chorus Send", "Arp Cho", 10);

    // Send effects shared by the parts.
    public static readonly ParameterDefinition ReverbReturn = Declare.Percent("fx.reverb.return", "Reverb Return", "Rev Ret", 50);
    public static readonly ParameterDefinition ReverbRoom = Declare.Percent("fx.reverb.room", "Reverb Room Size", "Room", 50);
    public static readonly ParameterDefinition ChorusReturn = Declare.Percent("fx.chorus.return", "Chorus Return", "Cho Ret", 50);

    // What the player hears of their own notes (MIDI channel 1 and every channel no part listens to).
    public static readonly ParameterDefinition MonitorSound = Declare.List("monitor.sound", "Monitor Sound", "Monitor", BandPresets.MonitorNames, BandPresets.DefaultMonitorName);
    public static readonly ParameterDefinition MonitorVolume = Declare.Decibels("monitor.volume", "Monitor Volume", "Mon Vol", maxDb: 6, defaultDb: 0);

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

    /// <summary>Each part's strip parameters, indexed by <see cref="BandPart"/>.</summary>
    public static IReadOnlyList<ParameterDefinition> PartPresets { get; } = [DrumsPreset, BassPreset, KeysPreset, PadPreset, ArpPreset];
    public static IReadOnlyList<ParameterDefinition> PartVolumes { get; } = [DrumsVolume, BassVolume, KeysVolume, PadVolume, ArpVolume];
    public static IReadOnlyList<ParameterDefinition> PartMutes { get; } = [DrumsMute, BassMute, KeysMute, PadMute, ArpMute];
    public static IReadOnlyList<ParameterDefinition> PartPans { get; } = [DrumsPan, BassPan, KeysPan, PadPan, ArpPan];
    public static IReadOnlyList<ParameterDefinition> PartReverbSends { get; } = [DrumsReverb, BassReverb, KeysReverb, PadReverb, ArpReverb];
    public static IReadOnlyList<ParameterDefinition> PartChorusSends { get; } = [DrumsChorus, BassChorus, KeysChorus, PadChorus, ArpChorus];
}
