namespace Sideman.Model;

/// <summary>How to load a token model.</summary>
public sealed record TokenModelOptions
{
    /// <summary>CPU threads ONNX Runtime may use inside one operator. 1 keeps the generator on one core.</summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>Longest context the cache holds (tokens); capped by the model's max_positions.</summary>
    public int MaxContext { get; init; } = 512;

    /// <summary>The vocab.json the caller tokenizes with. When set, the model must have been trained with exactly this file.</summary>
    public string? VocabPath { get; init; }
}
