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
    /// <summary>On the provenance panel (<see cref="Overlay.Provenance"/>).</summary>
    ProvenanceClose,
    /// <summary>On the SoundFont browser (<see cref="Overlay.SoundFonts"/>) from here on.</summary>
    SoundFontClose,
    SoundFontUp,
    SoundFontHome,
    SoundFontBundled,
    /// <summary>Index: the visible row (the browser's scroll adds to it).</summary>
    SoundFontRow,
}

/// <summary>Which overlay a control belongs to.</summary>
public static class ControlKinds
{
    public static Overlay OverlayOf(ControlKind kind) => kind switch
    {
        ControlKind.ProvenanceClose => Overlay.Provenance,
        >= ControlKind.SoundFontClose => Overlay.SoundFonts,
        _ => Overlay.None,
    };
}
