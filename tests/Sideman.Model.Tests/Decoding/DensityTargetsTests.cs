using System.Text.Json.Nodes;
using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// The density targets beside the model: the shipped file reads, every row rises, a style without its own figures takes
/// the part's over all styles, and every kind of damage is refused with the file's name and what is wrong.
/// </summary>
public sealed class DensityTargetsTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(RepoFiles.Root, "models", $"sideman-{File.ReadAllText(Path.Combine(RepoFiles.Root, "VERSION")).Trim()}.density.json");
    private static readonly string VocabSha = VocabFingerprint.OfFile(RepoFiles.VocabPath);
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-density-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_shipped_targets_rise_for_every_style_and_part_and_belong_to_the_vocabulary()
    {
        DensityTargets t = DensityTargets.Load(Shipped, VocabSha);
        Vocabulary v = Vocabulary.Load(RepoFiles.VocabPath);
        foreach (string style in v.Styles)
        {
            foreach (PartRole part in new[] { PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp })
            {
                float[] row = t.Row(style, part).ToArray();
                Assert.Equal(DensityTargets.Levels, row.Length);
                for (int i = 1; i < row.Length; i++)
                    Assert.True(row[i] > row[i - 1], $"{style} {part}: {string.Join(" ", row)}");
            }
        }
        Assert.Equal(Shipped, DensityTargets.PathBeside(Path.ChangeExtension(Shipped, null)[..^".density".Length] + ".onnx"));
    }

    [Fact]
    public void A_style_the_file_does_not_name_takes_the_parts_figures_over_all_styles()
    {
        string path = Write(Doc());
        DensityTargets t = DensityTargets.Load(path, VocabSha);

        Assert.Equal([1f, 2f, 3f, 4f, 5f], t.Row("pop", PartRole.Bass).ToArray());
        Assert.Equal([2f, 4f, 6f, 8f, 10f], t.Row("no_such_style", PartRole.Bass).ToArray());
        Assert.True(t.Row("pop", PartRole.Melody).IsEmpty);
    }

    public static TheoryData<string, string> Damage => new()
    {
        { "format", "is not a sideman-density file" },
        { "vocab", "was made for vocabulary" },
        { "falls", "falls from level 2 to 3" },
        { "four", "needs 5 figures" },
        { "zero", "is not a count of notes per bar" },
        { "part", "unknown part 'tuba'" },
        { "missing", "is damaged" },
        { "garbage", "cannot be read" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void A_damaged_file_is_refused_with_its_name_and_the_problem(string damage, string expected)
    {
        JsonObject doc = Doc();
        JsonArray bass = (JsonArray)doc["styles"]!["pop"]!["bass"]!;
        switch (damage)
        {
            case "format": doc["format"] = "something-else"; break;
            case "vocab": doc["vocab_sha256"] = new string('0', 64); break;
            case "falls": bass[3] = 2.5; break;
            case "four": bass.RemoveAt(4); break;
            case "zero": bass[0] = 0; break;
            case "part": ((JsonObject)doc["styles"]!["pop"]!)["tuba"] = new JsonArray(1, 2, 3, 4, 5); break;
            case "missing": doc.Remove("fallback"); break;
        }
        string path = damage == "garbage" ? WriteText("{ this is not json") : Write(doc);

        var e = Assert.Throws<InvalidDataException>(() => DensityTargets.Load(path, VocabSha));
        Assert.Contains(path, e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void No_file_beside_a_model_means_no_steering()
    {
        Assert.Null(DensityTargets.PathBeside(Path.Combine(_dir, "sideman-9.9.9.onnx")));
    }

    private static JsonObject Doc() => new()
    {
        ["format"] = "sideman-density",
        ["version"] = 1,
        ["vocab_sha256"] = VocabSha,
        ["levels"] = 5,
        ["fallback"] = new JsonObject { ["bass"] = new JsonArray(2, 4, 6, 8, 10) },
        ["styles"] = new JsonObject { ["pop"] = new JsonObject { ["bass"] = new JsonArray(1, 2, 3, 4, 5) } },
    };

    private string Write(JsonObject doc) => WriteText(doc.ToJsonString());

    private string WriteText(string text)
    {
        string path = Path.Combine(_dir, $"t{Guid.NewGuid():N}.density.json");
        File.WriteAllText(path, text);
        return path;
    }
}
