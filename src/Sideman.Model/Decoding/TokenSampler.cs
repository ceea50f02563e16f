namespace Sideman.Model.Decoding;

/// <summary>
/// Picks the next token from logits: an external mask removes the tokens the grammar forbids,
/// temperature reshapes the rest, top-p (nucleus) drops the unlikely tail, then one draw from a
/// <see cref="DeterministicRng"/>. Same logits, mask, settings and RNG state give the same token.
/// Scratch buffers are sized once for the vocabulary: sampling allocates nothing. One instance per thread. [generator]
/// </summary>
public sealed class TokenSampler
{
    private readonly double[] _probs;
    private readonly double[] _sortKeys;
    private readonly int[] _order;

    public TokenSampler(int vocabSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vocabSize, 1);
        VocabSize = vocabSize;
        _probs = new double[vocabSize];
        _sortKeys = new double[vocabSize];
        _order = new int[vocabSize];
    }

    public int VocabSize { get; }

    /// <summary>
    /// Samples a token. <paramref name="allowed"/> is the grammar mask (one flag per token; empty = all
    /// allowed). Throws if the mask allows nothing, which is a grammar bug, not a musical choice.
    /// </summary>
    public int Sample(ReadOnlySpan<float> logits, ReadOnlySpan<bool> allowed, SamplingSettings settings, ref DeterministicRng rng)
    {
        settings.Validate();
        if (logits.Length != VocabSize)
        {
            throw new ArgumentException($"expected {VocabSize} logits, got {logits.Length}", nameof(logits));
        }
        if (!allowed.IsEmpty && allowed.Length != VocabSize)
        {
            throw new ArgumentException($"mask has {allowed.Length} entries for a vocabulary of {VocabSize}", nameof(allowed));
        }

        // Most likely allowed token (lowest id on ties): the greedy answer and the softmax shift.
        int best = -1;
        float bestLogit = float.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++)
        {
            if ((allowed.IsEmpty || allowed[i]) && (best < 0 || logits[i] > bestLogit))
            {
                best = i;
                bestLogit = logits[i];
            }
        }
        if (best < 0)
        {
            throw new InvalidOperationException("the grammar mask allows no token at this point");
        }
        if (settings.Temperature == 0 || !float.IsFinite(bestLogit))
        {
            return best;
        }

        double invT = 1.0 / settings.Temperature;
        int n = 0;
        double total = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            if (allowed.IsEmpty || allowed[i])
            {
                double p = Math.Exp((logits[i] - bestLogit) * invT);
                if (p > 0)
                {
                    _sortKeys[n] = -p;        // ascending sort of -p = most likely first
                    _order[n] = i;
                    total += p;
                    n++;
                }
            }
        }
        SortByProbability(n); // most likely first

        double cutoff = settings.TopP * total;
        double kept = 0;
        int keep = 0;
        while (keep < n && (keep == 0 || kept < cutoff))
        {
            kept += _probs[keep];
            keep++;
        }

        double target = rng.NextDouble() * kept;
        double acc = 0;
        for (int k = 0; k < keep; k++)
        {
            acc += _probs[k];
            if (target < acc)
            {
                return _order[k];
            }
        }
        return _order[keep - 1];
    }

    private void SortByProbability(int n)
    {
        // Introsort has no randomness: equal probabilities keep a fixed (input-determined) order.
        _sortKeys.AsSpan(0, n).Sort(_order.AsSpan(0, n));
        for (int k = 0; k < n; k++)
        {
            _probs[k] = -_sortKeys[k];
        }
    }
}
