using System.Reflection;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// The sound set Sideman ships: the presets each part may choose (PartPresetChoices.tsv) and the
/// default preset per part for each style (StyleDefaults.tsv). Both tables are plain text embedded
/// in the assembly, read once. The subset SoundFont holds exactly the presets listed here.
/// </summary>
public static class BundledPresets
{
    /// <summary>File name of the bundled subset SoundFont.</summary>
    public const string SoundFontFileName = "sideman-gm.sf2";

    /// <summary>Where Debian's fluid-soundfont-gm puts the full source bank.</summary>
    public const string DebianSourcePath = "/usr/share/sounds/sf2/FluidR3_GM.sf2";

    private static readonly Lazy<IReadOnlyList<PresetChoice>> LazyChoices = new(() => ParseChoices(ReadResource("PartPresetChoices.tsv")));
    private static readonly Lazy<IReadOnlyDictionary<string, StylePresets>> LazyStyles = new(() => ParseStyles(ReadResource("StyleDefaults.tsv")));

    /// <summary>Every (part, preset) choice, in table order. [main]</summary>
    public static IReadOnlyList<PresetChoice> Choices => LazyChoices.Value;

    /// <summary>Style defaults keyed by normalized style id. [main]</summary>
    public static IReadOnlyDictionary<string, StylePresets> Styles => LazyStyles.Value;

    /// <summary>The choices for one part, the part's default first. [main]</summary>
    public static IReadOnlyList<PresetChoice> ChoicesFor(BandPart part) => Choices.Where(c => c.Part == part).ToList();

    /// <summary>Every distinct preset the bundle must hold. [main]</summary>
    public static IReadOnlyList<PresetAddress> AllPresets => Choices.Select(c => c.Address).Distinct().ToList();

    /// <summary>The defaults for a style; unknown styles get the "default" row. [main]</summary>
    public static StylePresets ForStyle(string? style)
    {
        var styles = Styles;
        return styles.TryGetValue(Normalize(style ?? ""), out var row) ? row : styles["default"];
    }

    /// <summary>"Jazz Swing", "jazz_swing" and "jazz-swing" all become "jazzswing"; "R&amp;B" becomes "rnb".</summary>
    public static string Normalize(string style)
    {
        Span<char> buffer = stackalloc char[Math.Min(style.Length, 64)];
        int n = 0;
        foreach (char c in style)
        {
            if (n == buffer.Length) break;
            if (char.IsAsciiLetterOrDigit(c)) buffer[n++] = char.ToLowerInvariant(c);
            else if (c == '&') buffer[n++] = 'n';   // "R&B" → "rnb"
        }
        return new string(buffer.Slice(0, n));
    }

    internal static IReadOnlyList<PresetChoice> ParseChoices(string text)
    {
        var list = new List<PresetChoice>();
        foreach (var (line, fields) in Rows(text))
        {
            if (fields.Length != 3 || !Enum.TryParse<BandPart>(fields[0], out var part) || !PresetAddress.TryParse(fields[1], out var address))
                throw new FormatException($"PartPresetChoices.tsv line {line}: expected 'part<TAB>bank:program<TAB>name'.");
            list.Add(new PresetChoice(part, address, fields[2]));
        }
        return list;
    }

    internal static IReadOnlyDictionary<string, StylePresets> ParseStyles(string text)
    {
        var map = new Dictionary<string, StylePresets>();
        foreach (var (line, fields) in Rows(text))
        {
            var a = new PresetAddress[5];
            bool ok = fields.Length == 6;
            for (int i = 0; ok && i < 5; i++) ok = PresetAddress.TryParse(fields[i + 1], out a[i]);
            if (!ok) throw new FormatException($"StyleDefaults.tsv line {line}: expected 'style' and five bank:program columns.");
            string key = Normalize(fields[0]);
            map[key] = new StylePresets(key, a[0], a[1], a[2], a[3], a[4]);
        }
        if (!map.ContainsKey("default")) throw new FormatException("StyleDefaults.tsv has no 'default' row.");
        return map;
    }

    private static IEnumerable<(int Line, string[] Fields)> Rows(string text)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (i + 1, line.Split('\t'));
        }
    }

    private static string ReadResource(string name)
    {
        var assembly = typeof(BundledPresets).Assembly;
        string full = $"Sideman.Synth.SoundFont.Data.{name}";
        using var stream = assembly.GetManifestResourceStream(full)
            ?? throw new InvalidOperationException($"Embedded table '{full}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
