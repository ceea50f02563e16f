using System.Globalization;
using System.Text.RegularExpressions;
using Sideman.Editor.Prompt;
using Sideman.Editor.Tests.Support;
using Sideman.Engine.Band;

namespace Sideman.Editor.Tests;

/// <summary>The vocabulary table in src/Sideman.Editor/README.md is the vocabulary: every phrase, with what it sets.</summary>
public class PromptVocabularyDocTests
{
    [Fact]
    public void The_documented_table_lists_every_phrase_with_what_it_sets()
    {
        string readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Sideman.Editor", "README.md"));
        int start = readme.IndexOf("<!-- vocabulary: begin -->", StringComparison.Ordinal);
        int end = readme.IndexOf("<!-- vocabulary: end -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "The README has no vocabulary markers.");

        var documented = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in readme[start..end].Split('\n'))
        {
            string[] cells = line.Split('|');
            if (cells.Length < 4 || !cells[2].Contains('`'))
                continue;
            foreach (Match m in Regex.Matches(cells[2], "`([^`]+)`"))
                Assert.True(documented.TryAdd(m.Groups[1].Value, cells[1].Trim()), $"'{m.Groups[1].Value}' is documented twice.");
        }

        Assert.Equal(PromptVocabulary.Phrases.Keys.Order(), documented.Keys.Order());
        foreach ((string phrase, PromptEffect[] effects) in PromptVocabulary.Phrases)
            Assert.Equal(Describe(effects), documented[phrase]);
    }

    private static string Describe(PromptEffect[] effects) => string.Join(", ", effects.Select(e => e.Setting switch
    {
        PromptSetting.Style => $"style {BandStyles.Names[(int)e.Value]}",
        PromptSetting.Sound => $"{e.Part.ToString().ToLowerInvariant()}: {BandPresets.PresetNames(e.Part)[(int)e.Value]}",
        PromptSetting.Energy => $"energy {Number(e.Value)}",
        PromptSetting.Swing => $"swing {Number(e.Value)}%",
        _ => $"humanize {Number(e.Value)}%",
    }));

    private static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
