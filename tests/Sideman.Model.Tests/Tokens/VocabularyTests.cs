using Sideman.Music.Time;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

public sealed class VocabularyTests
{
    private static readonly string Json = File.ReadAllText(RepoFiles.VocabPath);

    [Fact]
    public void IsKind_answers_for_exactly_the_ids_of_that_kind()
    {
        var v = Vocabulary.Load(RepoFiles.VocabPath);
        foreach (TokenKind kind in Enum.GetValues<TokenKind>())
        {
            var (first, count) = v.Range(kind);
            for (int id = -1; id <= v.Size; id++)
                Assert.Equal(id >= first && id < first + count, v.IsKind(id, kind));
        }
    }

    [Fact]
    public void Repository_vocabulary_loads_with_the_documented_layout()
    {
        var v = Vocabulary.Load(RepoFiles.VocabPath);
        Assert.Equal(0, v.Pad);
        Assert.Equal(1, v.Bos);
        Assert.Equal(2, v.Eos);
        Assert.Equal(24, v.TicksPerQuarter);
        Assert.Equal(512, v.MaxSequenceTokens);
        Assert.Equal(7 * 21, v.Range(TokenKind.Pitch).Count);
        Assert.Equal(ChordQualityInfo.Count, v.Range(TokenKind.Quality).Count);
        Assert.Equal(Enum.GetValues<PartRole>().Length, v.Range(TokenKind.Part).Count);
        int total = Enum.GetValues<TokenKind>().Sum(k => v.Range(k).Count);
        Assert.Equal(v.Size, total);
        Assert.Equal("PART_bass", v[v.Part(PartRole.Bass)].Name);
        Assert.True(v.TryTimeSignature(new TimeSignature(12, 8), out int ts));
        Assert.Equal(144, v[ts].Value);
    }

    [Fact]
    public void Pitch_ids_follow_octave_degree_alteration()
    {
        var v = Vocabulary.Load(RepoFiles.VocabPath);
        var p = new ChordRelativePitch(-1, 7, -1);
        var t = v[v.Pitch(p)];
        Assert.Equal("P-1_7-", t.Name);
        Assert.Equal((-1, 7, -1), (t.Octave, t.Degree, t.Alteration));
    }

    [Fact]
    public void Missing_file_is_reported_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), "sideman-no-such-dir", "vocab.json");
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Load(path));
        Assert.Equal(path, e.Path);
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    [Fact]
    public void Truncated_file_is_reported_as_invalid_json()
    {
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(Json[..(Json.Length / 2)], "cut.json"));
        Assert.Contains("cut.json", e.Message);
        Assert.Contains("not valid JSON", e.Message);
    }

    [Fact]
    public void Chord_scale_that_disagrees_with_this_build_is_refused()
    {
        string damaged = Json.Replace("\"scale\": [\n    0,\n    2,\n    4,\n    5,\n    7,\n    9,\n    11\n   ]", "\"scale\": [0, 2, 4, 6, 7, 9, 11]");
        Assert.NotEqual(Json, damaged);
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(damaged, "v.json"));
        Assert.Contains("'maj'", e.Message);
        Assert.Contains("scale", e.Message);
    }

    [Fact]
    public void Register_that_disagrees_with_this_build_is_refused()
    {
        string damaged = Json.Replace("\"bass\": 43", "\"bass\": 40");
        Assert.NotEqual(Json, damaged);
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(damaged, "v.json"));
        Assert.Contains("register centre of bass", e.Message);
    }

    [Fact]
    public void Unknown_token_kind_is_refused()
    {
        string damaged = Json.Replace("\"kind\": \"NOCHORD\"", "\"kind\": \"NOPE\"");
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(damaged, "v.json"));
        Assert.Contains("unknown kind 'NOPE'", e.Message);
    }

    [Fact]
    public void Ids_out_of_order_are_refused()
    {
        string damaged = Json.Replace("{\"id\": 5, ", "{\"id\": 6, ");
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(damaged, "v.json"));
        Assert.Contains("ids must be 0..size-1", e.Message);
    }

    [Fact]
    public void Grammar_pointing_to_an_unknown_state_is_refused()
    {
        string damaged = Json.Replace("\"BOS\": \"STYLE\"", "\"BOS\": \"NOWHERE\"");
        Assert.NotEqual(Json, damaged);
        var e = Assert.Throws<VocabularyException>(() => Vocabulary.Parse(damaged, "v.json"));
        Assert.Contains("unknown state 'NOWHERE'", e.Message);
    }

    [Fact]
    public void Quantizers_snap_to_bucket_values()
    {
        var v = Vocabulary.Load(RepoFiles.VocabPath);
        Assert.Equal(8, v.QuantizeVelocity(1));
        Assert.Equal(120, v.QuantizeVelocity(127));
        Assert.Equal(88, v.QuantizeVelocity(90));
        Assert.Equal(24, v.QuantizeDuration(23));
        Assert.Equal(3, v.QuantizeDuration(1));
        Assert.Equal(384, v.QuantizeDuration(5000));
        Assert.Equal(0, v.TempoBucket(60));
        Assert.Equal(7, v.TempoBucket(240));
    }
}
