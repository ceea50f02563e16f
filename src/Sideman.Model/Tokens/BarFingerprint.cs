namespace Sideman.Model.Tokens;

/// <summary>
/// Per-bar fingerprints for the originality guard, identical to
/// models/training/sideman_data/fingerprint.py: FNV-1a 64-bit over the little-endian int32 ids
/// of a bar's event tokens (from its first POS to the token before the next BAR or EOS). A bar
/// without events hashes to 0, which the guard ignores. Chord-relative events make the same
/// figure over other chords hash alike.
/// </summary>
public static class BarFingerprint
{
    public const ulong OffsetBasis = 0xCBF29CE484222325UL;
    public const ulong Prime = 0x100000001B3UL;

    /// <summary>FNV-1a 64 over token ids as little-endian int32. [generator]</summary>
    public static ulong Hash(ReadOnlySpan<int> tokens)
    {
        ulong h = OffsetBasis;
        foreach (int t in tokens)
        {
            uint u = unchecked((uint)t);
            for (int b = 0; b < 4; b++)
            {
                h ^= (u >> (8 * b)) & 0xFF;
                h = unchecked(h * Prime);
            }
        }
        return h;
    }

    /// <summary>
    /// Writes one fingerprint per bar of a token sequence into <paramref name="hashes"/> and returns
    /// how many bars there were (bars beyond the span's length are counted, not written). [generator]
    /// </summary>
    public static int BarHashes(Vocabulary vocab, ReadOnlySpan<int> tokens, Span<ulong> hashes)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        int bars = 0, start = -1;
        bool inBar = false;
        for (int i = 0; i < tokens.Length; i++)
        {
            var kind = vocab[tokens[i]].Kind;
            if (kind is TokenKind.Bar or TokenKind.Eos)
            {
                if (inBar)
                {
                    if (bars < hashes.Length)
                        hashes[bars] = start >= 0 ? Hash(tokens[start..i]) : 0UL;
                    bars++;
                }
                inBar = kind == TokenKind.Bar;
                start = -1;
            }
            else if (inBar && start < 0 && kind == TokenKind.Position)
            {
                start = i;
            }
        }
        return bars;
    }
}
