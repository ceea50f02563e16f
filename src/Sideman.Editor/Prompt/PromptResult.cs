using System.Globalization;
using System.Text;
using Sideman.Engine.Band;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Prompt;

/// <summary>
/// The settings a prompt line asks for (null: not mentioned) and what was understood and ignored, in words.
/// When a style is named, the parts whose sound the prompt does not name go back to "Style default"
/// (<see cref="ResetsUnnamedSounds"/>): a prompt describes a whole band, so the new style's own sounds play.
/// </summary>
public sealed class PromptResult
{
    private readonly int?[] _presets;

    internal PromptResult(int? style, double? energy, double? swing, double? humanize, int?[] presets,
        IReadOnlyList<string> understood, IReadOnlyList<string> ignored, IReadOnlyList<string> overridden)
    {
        StyleIndex = style;
        Energy = energy;
        Swing = swing;
        Humanize = humanize;
        _presets = presets;
        Understood = understood;
        Ignored = ignored;
        Overridden = overridden;
    }

    public static PromptResult Empty { get; } = new(null, null, null, null, new int?[BandPartCount], [], [], []);

    private const int BandPartCount = 5;

    /// <summary>The step of <c>band.style</c>.</summary>
    public int? StyleIndex { get; }

    public string? StyleName => StyleIndex is int s ? BandStyles.Names[s] : null;

    /// <summary>0..4.</summary>
    public double? Energy { get; }

    /// <summary>%.</summary>
    public double? Swing { get; }

    /// <summary>%.</summary>
    public double? Humanize { get; }

    /// <summary>The step of a part's Preset parameter the prompt named, or null.</summary>
    public int? PresetIndex(BandPart part) => _presets[(int)part];

    public bool ResetsUnnamedSounds => StyleIndex is not null;

    /// <summary>What each understood word set, in the order typed ("bossa: style Bossa").</summary>
    public IReadOnlyList<string> Understood { get; }

    /// <summary>The words the vocabulary does not know, as typed.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>Earlier words whose setting a later word replaced ("rock: style Rock, replaced by jazz").</summary>
    public IReadOnlyList<string> Overridden { get; }

    public bool IsEmpty => StyleIndex is null && Energy is null && Swing is null && Humanize is null && Array.TrueForAll(_presets, p => p is null);

    /// <summary>The settings in a fixed order, e.g. "style=Bossa, energy=1, swing=25, keys=Electric Piano" ("" for none).</summary>
    public string Settings
    {
        get
        {
            var parts = new List<string>();
            if (StyleName is { } style)
                parts.Add($"style={style}");
            if (Energy is double e)
                parts.Add($"energy={Number(e)}");
            if (Swing is double s)
                parts.Add($"swing={Number(s)}");
            if (Humanize is double h)
                parts.Add($"humanize={Number(h)}");
            for (int p = 0; p < BandPartCount; p++)
            {
                if (_presets[p] is int preset)
                    parts.Add($"{((BandPart)p).ToString().ToLowerInvariant()}={BandPresets.PresetNames((BandPart)p)[preset]}");
            }
            return string.Join(", ", parts);
        }
    }

    private string? _summary;

    /// <summary>One line for the editor: what was understood and what was ignored (built once: it is drawn every frame).</summary>
    public string Summary => _summary ??= BuildSummary();

    private string BuildSummary()
    {
        {
            if (Understood.Count == 0 && Ignored.Count == 0)
                return "Type a style, a mood and instruments, then Enter.";
            var text = new StringBuilder();
            text.Append(Understood.Count == 0 ? "Understood nothing" : "Understood: " + string.Join("; ", Understood));
            if (Ignored.Count > 0)
                text.Append(" · Ignored: ").Append(string.Join(", ", Ignored));
            return text.ToString();
        }
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
