using Sideman.Model.Tokens;

namespace Sideman.Model.Tests.Tokens;

public sealed class BarFingerprintTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Load(RepoFiles.VocabPath);

    [Fact]
    public void Fnv1a64_matches_the_reference_values()
    {
        Assert.Equal(0xCBF29CE484222325UL, BarFingerprint.Hash([]));
        // Bytes 00 00 00 00 (token 0) through FNV-1a 64, worked by hand from the offset basis.
        ulong h = 0xCBF29CE484222325UL;
        for (int i = 0; i < 4; i++)
            h = unchecked(h * 0x100000001B3UL);
        Assert.Equal(h, BarFingerprint.Hash([0]));
    }

    [Fact]
    public void Same_figure_over_other_chords_hashes_alike_and_empty_bars_hash_to_zero()
    {
        string[] a = ["BOS", "STYLE_pop", "PART_bass", "KEY_C", "TEMPO_3",
                      "BAR", "TS_4/4", "SEC_verse", "EN_2", "ROOT_0", "Q_maj", "POS_0", "P+0_1", "DUR_24", "VEL_4",
                      "BAR", "TS_4/4", "SEC_verse", "EN_2", "ROOT_9", "Q_min", "POS_0", "P+0_1", "DUR_24", "VEL_4",
                      "BAR", "TS_4/4", "SEC_verse", "EN_2", "ROOT_5", "Q_maj", "EOS"];
        var tokens = a.Select(Vocab.Id).ToArray();
        Span<ulong> hashes = stackalloc ulong[4];
        Assert.Equal(3, BarFingerprint.BarHashes(Vocab, tokens, hashes));
        Assert.Equal(hashes[0], hashes[1]);
        Assert.NotEqual(0UL, hashes[0]);
        Assert.Equal(0UL, hashes[2]);
    }
}
