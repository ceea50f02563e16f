using System.Text.Json;

namespace Sideman.Cli.Tests;

/// <summary>
/// <c>sideman evaluate</c> as a user runs it, on one style of the quick suite with the shipped model: the report
/// is written, the same again on a second run, and --check's exit status and listing agree with the report's
/// bounds; bad input is one error naming it, exit status 2, no files.
/// </summary>
[Collection("cli")]
public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-eval-").FullName;

    private string Out(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_report_is_written_the_same_each_time_and_check_fails_exactly_when_a_bound_does()
    {
        string[] args = ["evaluate", "--quick", "--styles", "reggae"];
        var (status, output, _) = CliRun.Run([.. args, "--out", Out("a")]);
        Assert.Equal(0, status);
        Assert.Contains("Bounds:", output);
        string json = Path.Combine(Out("a"), "style_eval_quick.json");
        string md = Path.Combine(Out("a"), "style_eval_quick.md");
        Assert.True(File.Exists(md));
        Assert.Empty(Directory.GetFiles(Out("a"), "*.partial"));

        var (checkStatus, checkOutput, _) = CliRun.Run([.. args, "--check", "--out", Out("b")]);
        Assert.Equal(File.ReadAllBytes(json), File.ReadAllBytes(Path.Combine(Out("b"), "style_eval_quick.json")));
        Assert.Equal(File.ReadAllBytes(md), File.ReadAllBytes(Path.Combine(Out("b"), "style_eval_quick.md")));

        using JsonDocument doc = JsonDocument.Parse(File.ReadAllBytes(json));
        JsonElement root = doc.RootElement;
        Assert.Equal("quick", root.GetProperty("suite").GetProperty("name").GetString());
        Assert.Equal(9, root.GetProperty("suite").GetProperty("songs").GetInt32());
        Assert.Equal("reggae", Assert.Single(root.GetProperty("styles").EnumerateArray()).GetProperty("style").GetString());
        // The shipped model is the release's: its file carries the repository's VERSION (this assembly's version).
        Version release = typeof(EvaluateCommandTests).Assembly.GetName().Version!;
        Assert.Equal($"sideman-{release.Major}.{release.Minor}.{release.Build}.onnx", root.GetProperty("model").GetString());
        JsonElement[] failed = [.. root.GetProperty("bounds").GetProperty("results").EnumerateArray().Where(b => !b.GetProperty("holds").GetBoolean())];
        Assert.Equal(failed.Length == 0 ? 0 : 1, checkStatus);
        foreach (JsonElement f in failed)
            Assert.Contains("FAIL " + f.GetProperty("text").GetString(), checkOutput);
        Assert.Equal(failed.Length, checkOutput.Split('\n').Count(l => l.TrimStart().StartsWith("FAIL ", StringComparison.Ordinal)));
    }

    public static TheoryData<string[], string> BadInput => new()
    {
        { ["evaluate", "--quick", "--styles", "polka"], "polka" },
        { ["evaluate", "--quick", "--styles", " , "], "--styles" },
        { ["evaluate", "--quick", "--corpus", "/no/such/corpus"], "/no/such/corpus" },
        { ["evaluate", "--quick", "--model", "/no/such/model.onnx"], "model.onnx" },
        { ["evaluate", "--quick", "--vocab", "/no/such/vocab.json", "--no-guard"], "vocab.json" },
        { ["evaluate", "--quick", "--chek"], "--chek" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_one_error_naming_it_with_status_2_and_no_files(string[] args, string named)
    {
        var (status, output, error) = CliRun.Run([.. args, "--out", Out("bad")]);
        Assert.Equal(2, status);
        Assert.Contains(named, error + output);
        Assert.False(Directory.Exists(Out("bad")), "a refused evaluation left files");
    }
}
