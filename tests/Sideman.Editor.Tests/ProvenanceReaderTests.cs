using Sideman.Editor.Provenance;
using Sideman.Editor.Tests.Support;

namespace Sideman.Editor.Tests;

public class ProvenanceReaderTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sideman-provenance-" + Guid.NewGuid().ToString("N"));

    public ProvenanceReaderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_card_reads_completely()
    {
        ProvenanceInfo info = ProvenanceReader.Read(Path.Combine(RepoPaths.Root, "models"));

        Assert.Empty(info.Problems);
        Assert.StartsWith("Sideman accompaniment model ", info.ModelName);
        Assert.Equal("CC BY-SA 4.0", info.WeightsLicence);
        Assert.Matches(@"^\d+(\.\d)?% of tokens", info.ProjectAuthoredShare);
        Assert.True(info.Sources.Count >= 2);
        Assert.All(info.Sources, s => Assert.Matches(@"^\d+(\.\d)?%$", s.Share));
        Assert.True(info.AttributionEntries > 1000);
    }

    [Fact]
    public void The_fixture_gives_every_field()
    {
        ProvenanceInfo info = ProvenanceReader.Read(Scenes.FixtureModels);

        Assert.True(info.IsComplete, string.Join(" ", info.Problems));
        Assert.Equal("Sideman accompaniment model 0.2.0", info.ModelName);
        Assert.Equal("70.2% of tokens and 63.9% of examples", info.ProjectAuthoredShare);
        Assert.Equal(5, info.Sources.Count);
        Assert.Equal(new ProvenanceSource("Groove MIDI Dataset (human drumming)", "CC-BY-4.0", "3.8%"), info.Sources[0]);
        Assert.Equal("70.2%", info.Sources[4].Share);
        Assert.Equal(2, info.AttributionEntries);
    }

    [Fact]
    public void A_missing_folder_gives_clear_lines_and_no_exception()
    {
        ProvenanceInfo info = ProvenanceReader.Read(Path.Combine(_folder, "nowhere"));

        Assert.Equal(2, info.Problems.Count);
        Assert.Contains("The model card is missing", info.Problems[0]);
        Assert.Contains("Reinstall Sideman", info.Problems[0]);
        Assert.Contains("The attribution list is missing", info.Problems[1]);
        Assert.Equal(-1, info.AttributionEntries);
        Assert.Empty(info.Sources);
    }

    [Fact]
    public void A_damaged_card_names_what_it_lacks_and_keeps_what_it_has()
    {
        string card = File.ReadAllText(Path.Combine(Scenes.FixtureModels, "MODEL_CARD.md"));
        File.WriteAllText(Path.Combine(_folder, "MODEL_CARD.md"), card[..card.IndexOf("### By source", StringComparison.Ordinal)]);
        File.WriteAllText(Path.Combine(_folder, "ATTRIBUTION.tsv"), "not a header\n");

        ProvenanceInfo info = ProvenanceReader.Read(_folder);

        Assert.Equal("CC BY-SA 4.0", info.WeightsLicence);
        Assert.Contains(info.Problems, p => p.Contains("lacks the 'By source' table"));
        Assert.Contains(info.Problems, p => p.Contains("lacks the project-authored share"));
        Assert.Contains(info.Problems, p => p.Contains("has no header line"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0garbage | | |\n|")]
    [InlineData("# x\n### By source\n| a |\n")]
    [InlineData("| licence of the weights |")]
    public void Garbage_never_throws(string content)
    {
        File.WriteAllText(Path.Combine(_folder, "MODEL_CARD.md"), content);

        ProvenanceInfo info = ProvenanceReader.Read(_folder);

        Assert.NotEmpty(info.Problems);
    }

    [Fact]
    public void The_editor_draws_a_damaged_card_as_its_problem_lines()
    {
        using var f = new EditorFixture(Scenes.Default(), ProvenanceReader.Read(Path.Combine(_folder, "nowhere")));
        using var frame = new Frame(900, 600);
        f.Click(Layout.ControlKind.Provenance);

        frame.Render(f.View, 1);
    }
}
