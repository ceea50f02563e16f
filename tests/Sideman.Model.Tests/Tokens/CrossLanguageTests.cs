using System.Security.Cryptography;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Tests.Tokens;

/// <summary>
/// Python (models/training) and C# read the same models/vocab.json and must agree token for token:
/// the fixture holds real corpus samples tokenized and decoded by Python.
/// </summary>
public sealed class CrossLanguageTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly PatternTokenizer Tokenizer = new(Vocab);
    private static readonly Fixture Data = Fixture.Load();

    [Fact]
    public void Fixture_was_made_from_this_vocabulary()
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoFiles.VocabPath)));
        Assert.True(sha == Data.Root.GetProperty("vocab_sha256").GetString(),
            "tests/fixtures/tokens/corpus_samples.json is stale: run /usr/bin/python3 models/training/make_fixtures.py");
        Assert.Equal(Vocab.Size, Data.Root.GetProperty("vocab_size").GetInt32());
    }

    [Fact]
    public void Csharp_decodes_every_sample_to_the_events_python_decoded()
    {
        int n = 0;
        foreach (var s in Data.Samples)
        {
            var tokens = Fixture.Tokens(s);
            var decoded = Tokenizer.Decode(tokens);
            PhraseAssert.Equal(Fixture.Phrase(s), decoded, $"{s.GetProperty("file").GetString()} ({s.GetProperty("part").GetString()})");
            n++;
        }
        Assert.True(n >= 10, $"only {n} samples in the fixture");
    }

    [Fact]
    public void Csharp_encodes_the_python_events_to_the_same_tokens()
    {
        foreach (var s in Data.Samples)
        {
            var expected = Fixture.Tokens(s);
            Assert.Equal(expected, Tokenizer.Encode(Fixture.Phrase(s)));
        }
    }

    [Fact]
    public void Fixture_covers_every_source_and_part()
    {
        var sources = Data.Samples.Select(s => s.GetProperty("source").GetString()).ToHashSet();
        var parts = Data.Samples.Select(s => s.GetProperty("part").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "groove_midi_dataset", "openscore_lieder", "mutopia", "oldtime_abc_rjl20", "project_styles" }, sources);
        Assert.Superset(new HashSet<string?> { "drums", "bass", "keys", "melody" }, parts);
    }

    [Fact]
    public void Bar_fingerprints_match_python()
    {
        Span<ulong> hashes = stackalloc ulong[64];
        foreach (var s in Data.Samples)
        {
            var expected = s.GetProperty("bar_hashes").EnumerateArray().Select(h => ulong.Parse(h.GetString()!)).ToArray();
            int bars = BarFingerprint.BarHashes(Vocab, Fixture.Tokens(s), hashes);
            Assert.Equal(expected.Length, bars);
            Assert.Equal(expected, hashes[..bars].ToArray());
        }
    }

    [Fact]
    public void Chord_relative_spelling_matches_python()
    {
        foreach (var c in Data.Root.GetProperty("pitch_cases").EnumerateArray())
        {
            int midi = c[0].GetInt32(), root = c[1].GetInt32();
            Assert.True(ChordQualityInfo.TryParse(c[2].GetString()!, out var q));
            Assert.True(PartRoles.TryParse(c[3].GetString()!, out var part));
            var chord = new ChordSymbol(root, q);
            var rel = ChordRelativePitch.FromMidi(midi, chord, PartRoles.RegisterCentre(part));
            if (c[4].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                Assert.Null(rel);
                continue;
            }
            Assert.Equal(new ChordRelativePitch(c[4].GetInt32(), c[5].GetInt32(), c[6].GetInt32()), rel);
            Assert.Equal(midi, rel!.Value.ToMidi(chord, PartRoles.RegisterCentre(part)));
        }
    }

    [Fact]
    public void Lookups_and_quantizers_match_python()
    {
        var l = Data.Root.GetProperty("lookups");
        foreach (var x in l.GetProperty("duration").EnumerateArray())
            Assert.Equal(x[1].GetInt32(), Vocab.QuantizeDuration(x[0].GetInt32()));
        foreach (var x in l.GetProperty("velocity").EnumerateArray())
            Assert.Equal(x[1].GetInt32(), Vocab.QuantizeVelocity(x[0].GetInt32()));
        foreach (var x in l.GetProperty("tempo").EnumerateArray())
            Assert.Equal(x[1].GetInt32(), Vocab.TempoBucket(x[0].GetDouble()));
        foreach (var x in l.GetProperty("drum").EnumerateArray())
        {
            Assert.True(Vocab.TryDrum(x[0].GetInt32(), out int id));
            Assert.Equal(x[1].GetInt32(), id);
        }
        foreach (var x in l.GetProperty("pitch").EnumerateArray())
            Assert.Equal(x[3].GetInt32(), Vocab.Pitch(new ChordRelativePitch(x[0].GetInt32(), x[1].GetInt32(), x[2].GetInt32())));
    }
}
