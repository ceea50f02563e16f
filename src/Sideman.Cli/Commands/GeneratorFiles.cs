using Sideman.Model.Decoding;

namespace Sideman.Cli.Commands;

/// <summary>
/// The model, vocabulary and originality index a generating command uses: what the user passed, else the defaults found
/// beside the repository or bundle; each one missing is an <see cref="ArgumentException"/> saying what to pass.
/// </summary>
internal sealed record GeneratorFiles(string ModelPath, string VocabPath, string? IndexPath)
{
    /// <summary><paramref name="verb"/> completes "pass --no-guard to ... without it" (generate, evaluate).</summary>
    public static GeneratorFiles Resolve(DefaultModelFiles defaults, string? model, string? vocab, string? index, bool noGuard, string verb)
    {
        string modelPath = model ?? defaults.ModelPath
            ?? throw new ArgumentException($"no model given and none found ({(defaults.Folder is null ? "no models/ folder" : $"no sideman-*.onnx in {defaults.Folder}")}); pass --model FILE");
        string vocabPath = vocab ?? defaults.VocabPath
            ?? throw new ArgumentException("no vocabulary given and models/vocab.json not found; pass --vocab FILE");
        string? indexPath = noGuard
            ? null
            : index ?? defaults.IndexFor(model)
              ?? throw new ArgumentException($"no originality index found beside {modelPath}; pass --index FILE, or --no-guard to {verb} without it");
        return new GeneratorFiles(modelPath, vocabPath, indexPath);
    }
}
