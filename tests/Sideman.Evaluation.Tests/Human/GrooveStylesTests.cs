using System.Diagnostics;
using Sideman.Evaluation.Human;
using Sideman.Evaluation.Tests.Support;

namespace Sideman.Evaluation.Tests.Human;

/// <summary>
/// The Groove style mapping is the data pipeline's (models/training/sideman_data/extract_groove.py, style_of);
/// GrooveStyles is a copy, so this runs the Python function over every take of the corpus and compares.
/// </summary>
public sealed class GrooveStylesTests
{
    [Fact]
    public void Every_groove_take_gets_the_style_the_data_pipeline_gives_it()
    {
        IReadOnlyList<GrooveTake> takes = GrooveCorpus.Takes(Repo.Corpus);
        string input = string.Join('\n', takes.Select(t => $"{t.Label}\t{t.Bpm.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
        string[] python = RunPython(
            "import sys\nfrom sideman_data.extract_groove import style_of\n" +
            "for line in sys.stdin.read().split('\\n'):\n    label, bpm = line.split('\\t')\n    print(style_of(label, float(bpm)))\n", input);
        Assert.Equal(takes.Count, python.Length);
        for (int i = 0; i < takes.Count; i++)
            Assert.True(python[i] == takes[i].Style, $"{takes[i].Id} '{takes[i].Label}' at {takes[i].Bpm} BPM: Python says {python[i]}, C# says {takes[i].Style}");
        Assert.Contains(takes, t => t.Label.StartsWith("jazz/funk", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("funk/groove1", 138, "funk")]
    [InlineData("jazz/funk", 100, "funk")]
    [InlineData("jazz/swing", 70, "jazz_ballad")]
    [InlineData("jazz", 120, "jazz_swing")]
    [InlineData("latin/brazilian-samba", 100, "latin")]
    [InlineData("Dance/Breakbeat", 120, "hiphop")]
    [InlineData("highlife", 120, "afrobeat")]
    [InlineData("polka", 120, "rock")]
    public void Labels_map_by_sub_style_then_top_style(string label, double bpm, string style) => Assert.Equal(style, GrooveStyles.StyleOf(label, bpm));

    private static string[] RunPython(string script, string stdin)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3", ["-c", script])
        {
            WorkingDirectory = Path.Combine(Repo.Root, "models", "training"),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process p = Process.Start(psi)!;
        p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        Task<string> err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"python3 failed ({p.ExitCode}): {err.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
