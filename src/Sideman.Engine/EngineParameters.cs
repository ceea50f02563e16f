using Sideman.Engine.Band;
using Sideman.Engine.Live;
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

    // The live band: what the generator writes and how the performer plays it.
    public static readonly ParameterDefinition BandOn = Declare.Toggle("band.on", "Band", "Band", defaultOn: true);
    public static readonly ParameterDefinition ChordSource = Declare.List("band.chords", "Chords From", "Chords", LiveBandChoices.ChordSources, LiveBandChoices.FollowName);
    public static readonly ParameterDefinition Energy = Declare.Linear("band.energy", "Energy", "Energy", "", 0, 4, 2);
    public static readonly ParameterDefinition FollowDynamics = Declare.Percent("band.dynamics", "Follow My Dynamics", "Dynamics", 0);
    public static readonly ParameterDefinition Surprise = Declare.Percent("band.surprise", "Surprise", "Surprise", 50);
    public static readonly ParameterDefinition Swing = Declare.Percent("band.swing", "Swing", "Swing", 0);
    public static readonly ParameterDefinition Humanize = Declare.Percent("band.humanize", "Humanize", "Humanize", 25);
    public static readonly ParameterDefinition Section = Declare.List("band.section", "Section", "Section", LiveBandChoices.Sections, LiveBandChoices.DefaultSectionName);
    public static readonly ParameterDefinition Fill = Declare.Trigger("band.fill", "Fill", "Fill");
    public static readonly ParameterDefinition AutoFill = Declare.Toggle("band.autofill", "Fill Into Sections", "Auto Fill", defaultOn: true);
    public static readonly ParameterDefinition Intro = Declare.Toggle("band.intro", "Intro On Start", "Intro", defaultOn: false);
    public static readonly ParameterDefinition Ending = Declare.Toggle("band.ending", "Ending", "Ending", defaultOn: false);
    public static readonly ParameterDefinition Lookahead = Declare.Integer("band.lookahead", "Lookahead Bars", "Lookahead", 1, 4, 1);
    public static readonly ParameterDefinition Seed = Declare.Integer("band.seed", "Seed", "Seed", 0, 9999, 1);
    public static readonly ParameterDefinition SplitKey = Declare.Add("band.split", "Input Split Key", "Split", "", new KeyScale(), KeyScale.Off);
    public static readonly ParameterDefinition Latch = Declare.Toggle("band.latch", "Latch", "Latch", defaultOn: true);
    public static readonly ParameterDefinition GraceWindow = Declare.Linear("band.grace", "Grace Window", "Grace", "ms", 0, 250, 80, decimals: 0);
    public static readonly ParameterDefinition KeyswitchOctave = Declare.List("band.keyswitch", "Keyswitch Octave", "Keysw Oct", LiveBandChoices.KeyswitchOctaves, LiveBandChoices.DefaultKeyswitchOctave);

    public static readonly ParameterDefinition DrumsPlay = Declare.Toggle("drums.play", "Drums Play", "Drm Play", defaultOn: true);
    public static readonly ParameterDefinition DrumsLock = Declare.Toggle("drums.lock", "Drums Lock", "Drm Lock", defaultOn: false);
    public static readonly ParameterDefinition DrumsRegenerate = Declare.Trigger("drums.regenerate", "Drums Regenerate", "Drm Regen");
    public static readonly ParameterDefinition BassPlay = Declare.Toggle("bass.play", "Bass Play", "Bas Play", defaultOn: true);
    public static readonly ParameterDefinition BassLock = Declare.Toggle("bass.lock", "Bass Lock", "Bas Lock", defaultOn: false);
    public static readonly ParameterDefinition BassRegenerate = Declare.Trigger("bass.regenerate", "Bass Regenerate", "Bas Regen");
    public static readonly ParameterDefinition BassOctave = Declare.Integer("bass.octave", "Bass Octave", "Bas Oct", -2, 2, 0);
    public static readonly ParameterDefinition KeysPlay = Declare.Toggle("keys.play", "Keys Play", "Key Play", defaultOn: true);
    public static readonly ParameterDefinition KeysLock = Declare.Toggle("keys.lock", "Keys Lock", "Key Lock", defaultOn: false);
    public static readonly ParameterDefinition KeysRegenerate = Declare.Trigger("keys.regenerate", "Keys Regenerate", "Key Regen");
    public static readonly ParameterDefinition KeysOctave = Declare.Integer("keys.octave", "Keys Octave", "Key Oct", -2, 2, 0);
    public static readonly ParameterDefinition PadPlay = Declare.Toggle("pad.play", "Pad Play", "Pad Play", defaultOn: true);
    public static readonly ParameterDefinition PadLock = Declare.Toggle("pad.lock", "Pad Lock", "Pad Lock", defaultOn: false);
    public static readonly ParameterDefinition PadRegenerate = Declare.Trigger("pad.regenerate", "Pad Regenerate", "Pad Regen");
    public static readonly ParameterDefinition PadOctave = Declare.Integer("pad.octave", "Pad Octave", "Pad Oct", -2, 2, 0);
    public static readonly ParameterDefinition ArpPlay = Declare.Toggle("arp.play", "Arp Play", "Arp Play", defaultOn: true);
    public static readonly ParameterDefinition ArpLock = Declare.Toggle("arp.lock", "Arp Lock", "Arp Lock", defaultOn: false);
    public static readonly ParameterDefinition ArpRegenerate = Declare.Trigger("arp.regenerate", "Arp Regenerate", "Arp Regen");
    public static readonly ParameterDefinition ArpOctave = Declare.Integer("arp.octave", "Arp Octave", "Arp Oct", -2, 2, 0);

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
    public static readonly ParameterDefinition KeysVolume = Declare.Decibels("keys.volume", "Keys Volume", "Key Vol", maxDb: 6, defaultDb: -3);
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
    public static IReadOnlyList<ParameterDefinition> PartPlays { get; } = [DrumsPlay, BassPlay, KeysPlay, PadPlay, ArpPlay];
    public static IReadOnlyList<ParameterDefinition> PartLocks { get; } = [DrumsLock, BassLock, KeysLock, PadLock, ArpLock];
    public static IReadOnlyList<ParameterDefinition> PartRegenerates { get; } = [DrumsRegenerate, BassRegenerate, KeysRegenerate, PadRegenerate, ArpRegenerate];
    /// <summary>Octave shifts of the pitched parts; null for drums (a kit has no octave).</summary>
    public static IReadOnlyList<ParameterDefinition?> PartOctaves { get; } = [null, BassOctave, KeysOctave, PadOctave, ArpOctave];
}
