using Sideman.Editor.Layout;
using Sideman.Editor.Model;
using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Input;

/// <summary>Which parameter each control edits, and its current plain value as the snapshot shows it.</summary>
internal static class ControlParameters
{
    /// <summary>The parameter behind a control, or null for controls that edit none (fields, panels, the roll).</summary>
    public static ParameterDefinition? For(ControlKind kind, int index) => kind switch
    {
        ControlKind.StylePrevious or ControlKind.Style or ControlKind.StyleNext => EngineParameters.Style,
        ControlKind.ModeFollow or ControlKind.ModeChart => EngineParameters.ChordSource,
        ControlKind.SeedDown or ControlKind.Seed or ControlKind.SeedUp => EngineParameters.Seed,
        ControlKind.Section => EngineParameters.Section,
        ControlKind.Fill => EngineParameters.Fill,
        ControlKind.Ending => EngineParameters.Ending,
        ControlKind.Energy => EngineParameters.Energy,
        ControlKind.Swing => EngineParameters.Swing,
        ControlKind.Humanize => EngineParameters.Humanize,
        ControlKind.PartOn => EngineParameters.PartPlays[index],
        ControlKind.PartMute => EngineParameters.PartMutes[index],
        ControlKind.PartLock => EngineParameters.PartLocks[index],
        ControlKind.PartRegenerate => EngineParameters.PartRegenerates[index],
        ControlKind.PartSound => EngineParameters.PartPresets[index],
        ControlKind.PartVolume => EngineParameters.PartVolumes[index],
        ControlKind.PartPan => EngineParameters.PartPans[index],
        _ => null,
    };

    /// <summary>The value the snapshot shows for a control's parameter (switches: 1 on, 0 off).</summary>
    public static double Current(IEditorSnapshot s, ControlKind kind, int index)
    {
        IPartView? part = index is >= 0 and < EditorLayout.PartCount ? s.Part((BandPart)index) : null;
        return kind switch
        {
            ControlKind.StylePrevious or ControlKind.Style or ControlKind.StyleNext => s.StyleIndex,
            ControlKind.ModeFollow or ControlKind.ModeChart => (int)s.Mode,
            ControlKind.SeedDown or ControlKind.Seed or ControlKind.SeedUp => s.Seed,
            ControlKind.Section => s.SectionIndex,
            ControlKind.Fill => s.FillOn ? 1 : 0,
            ControlKind.Ending => s.EndingOn ? 1 : 0,
            ControlKind.Energy => s.Energy,
            ControlKind.Swing => s.SwingPercent,
            ControlKind.Humanize => s.HumanizePercent,
            ControlKind.PartOn => part!.On ? 1 : 0,
            ControlKind.PartMute => part!.Muted ? 1 : 0,
            ControlKind.PartLock => part!.Locked ? 1 : 0,
            ControlKind.PartSound => part!.PresetIndex,
            ControlKind.PartVolume => part!.VolumeDb,
            ControlKind.PartPan => part!.Pan,
            _ => 0,
        };
    }
}
