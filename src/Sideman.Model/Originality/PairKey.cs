using Sideman.Model.Tokens;

namespace Sideman.Model.Originality;

/// <summary>
/// The originality index's key for two consecutive bars of one part (models/ORIGINALITY_INDEX.md):
/// FNV-1a 64 over the 20 bytes <c>int32 LE part ‖ uint64 LE h1 ‖ uint64 LE h2</c>, where the part
/// is the PART token's id and h1, h2 are <see cref="BarFingerprint"/> hashes. Allocates nothing. [any]
/// </summary>
public static class PairKey
{
    public static ulong Compute(int partToken, ulong previousBarHash, ulong barHash)
    {
        ulong h = BarFingerprint.OffsetBasis;
        h = Mix(h, unchecked((uint)partToken), 4);
        h = Mix(h, previousBarHash, 8);
        h = Mix(h, barHash, 8);
        return h;
    }

    // Feeds the low `bytes` bytes of `value`, least significant first (little-endian order).
    private static ulong Mix(ulong h, ulong value, int bytes)
    {
        for (int b = 0; b < bytes; b++)
        {
            h ^= (value >> (8 * b)) & 0xFF;
            h = unchecked(h * BarFingerprint.Prime);
        }
        return h;
    }
}
