namespace Sideman.Editor.Layout;

/// <summary>Every kind of control the editor draws and the pointer can hit. Per-part and per-section kinds carry an index.</summary>
public enum ControlKind
{
    StylePrevious,
    Style,
    StyleNext,
    ModeFollow,
    ModeChart,
    SeedDown,
    Seed,
    SeedUp,
    NewTake,
    /// <summary>Index: the step of <c>band.section</c>.</summary>
    Section,
    Fill,
    Ending,
    Energy,
    Swing,
    Humanize,
    Chart,
    Prompt,
    /// <summary>Per part (index: <see cref="Sideman.Synth.SoundFont.BandPart"/>) from here on.</summary>
    PartOn,
    PartMute,
    PartLock,
    PartRegenerate,
    PartSound,
    PartSoundFile,
    PartVolume,
    PartPan,
    PartRoll,
    Provenance,
    ProvenanceClose,
}
