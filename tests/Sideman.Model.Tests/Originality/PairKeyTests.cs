using System.Text.Json;
using Sideman.Model.Originality;
using Sideman.Model.Tests.Decoding;
using Sideman.Model.Tests.Tokens;

namespace Sideman.Model.Tests.Originality;

/// <summary>The pair key against an independent Python implementation of models/ORIGINALITY_INDEX.md.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class PairKeyTests(GeneratorModelFixture fx)
{
    [Fact]
    public void Keys_match_the_python_computation_of_the_contract()
    {
        // Written by make_generator_test_model.py from the corpus samples' Python bar hashes.
        using var doc = JsonDocument.Parse(File.ReadAllBytes(fx.PairKeysPath));
        int n = 0;
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int part = c.GetProperty("part_token").GetInt32();
            ulong h1 = ulong.Parse(c.GetProperty("h1").GetString()!);
            ulong h2 = ulong.Parse(c.GetProperty("h2").GetString()!);
            Assert.Equal(ulong.Parse(c.GetProperty("key").GetString()!), PairKey.Compute(part, h1, h2));
            n++;
        }
        Assert.True(n > 50, $"only {n} cases");
    }

    [Fact]
    public void An_index_written_by_the_python_pipeline_reads_and_holds_exactly_its_pairs()
    {
        OriginalityIndex index = OriginalityIndex.Load(fx.PythonIndexPath, fx.VocabSha256);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(fx.PairKeysPath));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().ToArray()[..^2]; // the corpus pairs
        var keys = new HashSet<ulong>();
        foreach (JsonElement c in cases)
        {
            int part = c.GetProperty("part_token").GetInt32();
            ulong h1 = ulong.Parse(c.GetProperty("h1").GetString()!), h2 = ulong.Parse(c.GetProperty("h2").GetString()!);
            Assert.True(index.ContainsPair(part, h1, h2));
            Assert.False(index.ContainsPair(part, h2 ^ 1, h1)); // not the swapped pair (nor, almost surely, any other)
            keys.Add(PairKey.Compute(part, h1, h2));
        }
        Assert.Equal(keys.Count, index.Count);
    }

    [Fact]
    public void Key_is_fnv1a_over_the_twenty_contract_bytes()
    {
        // Worked independently: the same 20 bytes through the byte-wise FNV-1a of BarFingerprint's definition.
        byte[] bytes = new byte[20];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), 7);
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 8), 0x0102030405060708UL);
        BitConverter.TryWriteBytes(bytes.AsSpan(12, 8), 0xF0E0D0C0B0A09080UL);
        ulong h = 0xCBF29CE484222325UL;
        foreach (byte b in bytes)
            h = unchecked((h ^ b) * 0x100000001B3UL);
        Assert.Equal(h, PairKey.Compute(7, 0x0102030405060708UL, 0xF0E0D0C0B0A09080UL));
        Assert.NotEqual(PairKey.Compute(7, 1, 2), PairKey.Compute(7, 2, 1));
        Assert.NotEqual(PairKey.Compute(7, 1, 2), PairKey.Compute(8, 1, 2));
    }

    [Fact]
    public void Bar_hashes_of_the_fixture_match_python()
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepoFiles.Fixture("tokens", "corpus_samples.json")));
        foreach (JsonElement s in doc.RootElement.GetProperty("samples").EnumerateArray())
        {
            int[] tokens = s.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            ulong[] expected = s.GetProperty("bar_hashes").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();
            var got = new ulong[expected.Length + 1];
            Assert.Equal(expected.Length, Sideman.Model.Tokens.BarFingerprint.BarHashes(fx.Vocabulary, tokens, got));
            Assert.Equal(expected, got[..expected.Length]);
        }
    }
}
