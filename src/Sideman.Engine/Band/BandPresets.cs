using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// The preset lists the parameters offer, as lookup tables the audio thread reads without
/// allocating: per part "Style default" followed by that part's bundled choices
/// (PartPresetChoices.tsv), each style's defaults (StyleDefaults.tsv) by style index, and the
/// player's monitor sounds. Step order is saved in songs, so a golden test pins every list.
/// </summary>
public static class BandPresets
{
    public const string StyleDefaultName = "Style default";
    public const string BasicSynthName = "Basic Synth";
    public const string MonitorOffName = "Off";
    public const string DefaultMonitorName = "Grand Piano";

    private static readonly string[][] PresetNamesByPart;
    private static readonly PresetAddress[][] ChoicesByPart;
    private static readonly PresetAddress[][] StyleDefaults;
    private static readonly string[][] StyleDefaultLabels;
    private static readonly string[] MonitorNameList;
    private static readonly PresetAddress[] MonitorAddresses;

    static BandPresets()
    {
        int parts = BandSynth.PartCount;
        PresetNamesByPart = new string[parts][];
        ChoicesByPart = new PresetAddress[parts][];
        for (int p = 0; p < parts; p++)
        {
            IReadOnlyList<PresetChoice> choices = BundledPresets.ChoicesFor((BandPart)p);
            PresetNamesByPart[p] = [StyleDefaultName, .. choices.Select(c => c.Name)];
            // Slot 0 ("Style default") is resolved through the style table instead.
            ChoicesByPart[p] = [default, .. choices.Select(c => c.Address)];
        }

        IReadOnlyList<string> styles = BandStyles.Ids;
        StyleDefaults = new PresetAddress[styles.Count][];
        StyleDefaultLabels = new string[styles.Count][];
        for (int s = 0; s < styles.Count; s++)
        {
            StylePresets row = BundledPresets.ForStyle(styles[s]);
            StyleDefaults[s] = new PresetAddress[parts];
            StyleDefaultLabels[s] = new string[parts];
            for (int p = 0; p < parts; p++)
            {
                StyleDefaults[s][p] = row.For((BandPart)p);
                int choice = Array.IndexOf(ChoicesByPart[p], StyleDefaults[s][p], 1);
                StyleDefaultLabels[s][p] = choice > 0 ? $"{PresetNamesByPart[p][choice]} (style)" : StyleDefaultName;
            }
        }

        // What a player may hear while playing: every melodic choice once (keys first), then the
        // built-in synth, then nothing (for players who monitor through another instrument).
        var monitor = new List<PresetChoice>();
        foreach (BandPart part in new[] { BandPart.Keys, BandPart.Bass, BandPart.Pad, BandPart.Arp })
        {
            foreach (PresetChoice c in BundledPresets.ChoicesFor(part))
            {
                if (!monitor.Exists(m => m.Address == c.Address))
                    monitor.Add(c);
            }
        }
        MonitorNameList = [.. monitor.Select(c => c.Name), BasicSynthName, MonitorOffName];
        MonitorAddresses = [.. monitor.Select(c => c.Address), default, default];
        MonitorBasicSynthIndex = monitor.Count;
        MonitorOffIndex = monitor.Count + 1;
    }

    /// <summary>The Preset parameter's steps for a part: "Style default", then the bundled choices.</summary>
    public static IReadOnlyList<string> PresetNames(BandPart part) => PresetNamesByPart[(int)part];

    /// <summary>The Monitor parameter's steps: bundled sounds, "Basic Synth", "Off".</summary>
    public static IReadOnlyList<string> MonitorNames => MonitorNameList;

    public static int MonitorBasicSynthIndex { get; }
    public static int MonitorOffIndex { get; }

    /// <summary>
    /// [audio] The preset a part plays: its own choice, or the style's default when the choice is
    /// "Style default" (index 0). Out-of-range indexes are clamped.
    /// </summary>
    public static PresetAddress Address(BandPart part, int presetIndex, int styleIndex)
    {
        PresetAddress[] choices = ChoicesByPart[(int)part];
        if (presetIndex > 0)
            return choices[Math.Min(presetIndex, choices.Length - 1)];
        return StyleDefaults[Math.Clamp(styleIndex, 0, StyleDefaults.Length - 1)][(int)part];
    }

    /// <summary>
    /// [any] What a part plays, in words: the chosen preset's name, or for "Style default" the style's choice marked
    /// "(style)" ("Brush Kit (style)"). Made once, so reading it allocates nothing. Out-of-range indexes are clamped.
    /// </summary>
    public static string SoundLabel(BandPart part, int presetIndex, int styleIndex)
    {
        string[] names = PresetNamesByPart[(int)part];
        if (presetIndex > 0)
            return names[Math.Min(presetIndex, names.Length - 1)];
        return StyleDefaultLabels[Math.Clamp(styleIndex, 0, StyleDefaultLabels.Length - 1)][(int)part];
    }

    /// <summary>[audio] The bundled preset of a monitor step; false for "Basic Synth" and "Off".</summary>
    public static bool TryGetMonitorAddress(int index, out PresetAddress address)
    {
        if ((uint)index < (uint)MonitorBasicSynthIndex)
        {
            address = MonitorAddresses[index];
            return true;
        }
        address = default;
        return false;
    }
}
