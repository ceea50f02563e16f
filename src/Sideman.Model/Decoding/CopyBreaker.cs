using Sideman.Model.Originality;
using Sideman.Model.Tokens;

namespace Sideman.Model.Decoding;

/// <summary>
/// The originality guard's last resort, when every sample of a bar copied a training pair: the
/// smallest deterministic change that provably leaves the index. It tries moving one velocity by one
/// bucket, from the last event backwards, and keeps the first change whose pair the index does not
/// hold (checked, not assumed). If none works it drops the bar's events: a bar without events hashes
/// to 0, and the contract says such a bar is never a copy. Allocates nothing.
/// </summary>
internal sealed class CopyBreaker(Vocabulary vocabulary)
{
    private readonly Vocabulary _v = vocabulary;
    private readonly (int First, int Count) _velocities = vocabulary.Range(TokenKind.Velocity);

    /// <summary>
    /// Changes <paramref name="body"/> (the bar's sampled tokens, after its fixed conditioning) in place and
    /// returns its new length and event hash. <paramref name="eventsStart"/> is the body index of the first POS.
    /// </summary>
    public (int Length, ulong Hash) Break(Span<int> body, int eventsStart, OriginalityIndex index, int partToken, ulong previousHash)
    {
        var (first, count) = _velocities;
        for (int i = body.Length - 1; i >= eventsStart; i--)
        {
            int token = body[i];
            if ((uint)(token - first) >= (uint)count)
                continue;
            // The neighbouring bucket below first (quieter is the safer change), else above.
            for (int step = -1; step <= 1; step += 2)
            {
                int alt = token + step;
                if ((uint)(alt - first) >= (uint)count)
                    continue;
                body[i] = alt;
                ulong hash = BarFingerprint.Hash(body[eventsStart..]);
                if (!index.ContainsPair(partToken, previousHash, hash))
                    return (body.Length, hash);
            }
            body[i] = token;
        }
        return (eventsStart, 0UL);
    }
}
