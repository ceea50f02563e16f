namespace Sideman.Model.Decoding;

/// <summary>
/// SplitMix64: a tiny, fast generator whose output is fixed by its published definition, so a seed
/// gives the same numbers on every platform and .NET version (System.Random promises neither).
/// A value type: copy it to fork a stream, pass it by ref to advance it. Allocates nothing. [any]
/// </summary>
public struct DeterministicRng
{
    private ulong _state;

    public DeterministicRng(ulong seed)
    {
        _state = seed;
    }

    /// <summary>An independent stream for (seed, bar, part), as the architecture's determinism rule asks.</summary>
    public static DeterministicRng For(ulong seed, long bar, int part)
    {
        var mix = new DeterministicRng(seed);
        ulong a = mix.NextUInt64() ^ unchecked((ulong)bar * 0x9E3779B97F4A7C15UL);
        var mix2 = new DeterministicRng(a);
        ulong b = mix2.NextUInt64() ^ unchecked((ulong)part * 0xC2B2AE3D27D4EB4FUL);
        return new DeterministicRng(new DeterministicRng(b).NextUInt64());
    }

    /// <summary>
    /// Stream number <paramref name="attempt"/> for (seed, bar, part): attempt 0 is exactly
    /// <see cref="For"/>; the originality guard resamples a rejected bar with attempts 1, 2, ...
    /// </summary>
    public static DeterministicRng ForAttempt(ulong seed, long bar, int part, int attempt)
    {
        DeterministicRng first = For(seed, bar, part);
        if (attempt == 0)
        {
            return first;
        }
        ulong s = first.NextUInt64() ^ unchecked((ulong)attempt * 0xD6E8FEB86659FD93UL);
        return new DeterministicRng(new DeterministicRng(s).NextUInt64());
    }

    public ulong NextUInt64()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
}
