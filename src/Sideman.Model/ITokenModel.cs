namespace Sideman.Model;

/// <summary>
/// A next-token model with a key/value cache: feed a prompt, then one token at a time, and read the
/// logits (unnormalised log-probabilities over the vocabulary) for the next token.
/// Not thread-safe: one instance belongs to one thread (the generator). The returned spans point
/// into buffers the model reuses; they stay valid until the next call. [generator]
/// </summary>
public interface ITokenModel : IDisposable
{
    ModelInfo Info { get; }

    /// <summary>Tokens currently held in the cache (the context length).</summary>
    int Length { get; }

    /// <summary>The most tokens the cache can hold; <see cref="Length"/> never exceeds it.</summary>
    int Capacity { get; }

    /// <summary>Appends <paramref name="tokens"/> (one or more) to the context in one pass and returns the logits after the last one.</summary>
    ReadOnlySpan<float> Prefill(ReadOnlySpan<int> tokens);

    /// <summary>As <see cref="Prefill(ReadOnlySpan{int})"/>, also copying every position's logits into <paramref name="allLogits"/> (tokens.Length × vocab).</summary>
    ReadOnlySpan<float> Prefill(ReadOnlySpan<int> tokens, Span<float> allLogits);

    /// <summary>Appends one token and returns the logits for the next. Allocates nothing.</summary>
    ReadOnlySpan<float> Step(int token);

    /// <summary>
    /// Keeps the first <paramref name="length"/> tokens of the context and forgets the rest (0 ≤ length ≤ <see cref="Length"/>),
    /// as if only those had been fed. The cache slots beyond are masked, so this only moves the length. Allocates nothing.
    /// The logits after the kept prefix are not recomputed: a caller that needs them keeps its own copy.
    /// </summary>
    void Rewind(int length);

    /// <summary>Forgets the context (Length becomes 0). Allocates nothing.</summary>
    void Reset();
}
