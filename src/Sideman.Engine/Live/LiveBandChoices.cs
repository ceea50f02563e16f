using Sideman.Music.Patterns;

namespace Sideman.Engine.Live;

/// <summary>
/// The item lists of the live band's list parameters and what each step means. Step order is saved in
/// songs (a golden test pins it): append, never insert.
/// </summary>
public static class LiveBandChoices
{
    public const string FollowName = "Follow";
    public const string ChartName = "Chart";
    public const int Follow = 0;
    public const int Chart = 1;
    public static IReadOnlyList<string> ChordSources { get; } = [FollowName, ChartName];

    public const string DefaultSectionName = "Verse";
    public static IReadOnlyList<string> Sections { get; } = ["Verse", "Chorus", "Pre-Chorus", "Bridge", "Solo", "Intro", "Outro"];
    private static readonly SectionKind[] SectionKindsByStep =
        [SectionKind.Verse, SectionKind.Chorus, SectionKind.PreChorus, SectionKind.Bridge, SectionKind.Solo, SectionKind.Intro, SectionKind.Outro];

    /// <summary>The section a step of the Section parameter asks for. [any]</summary>
    public static SectionKind SectionAt(int step) => SectionKindsByStep[Math.Clamp(step, 0, SectionKindsByStep.Length - 1)];

    /// <summary>
    /// Where the keyswitches lie: "Off" or the octave they occupy (C-1 = MIDI 0..11, below every keyboard, the
    /// default, so no played note is ever taken for one; move it to an octave your keyboard reaches).
    /// </summary>
    public static IReadOnlyList<string> KeyswitchOctaves { get; } = ["Off", "C-1", "C0", "C1", "C2", "C7", "C8"];
    public const string DefaultKeyswitchOctave = "C-1";
    private static readonly int[] KeyswitchLowKeys = [-1, 0, 12, 24, 36, 96, 108];

    /// <summary>The lowest MIDI key of a keyswitch octave step, or -1 for Off. [any]</summary>
    public static int KeyswitchLowKey(int step) => KeyswitchLowKeys[Math.Clamp(step, 0, KeyswitchLowKeys.Length - 1)];
}
