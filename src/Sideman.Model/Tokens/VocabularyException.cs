namespace Sideman.Model.Tokens;

/// <summary>models/vocab.json is missing, damaged, or disagrees with this build. The message names the file.</summary>
public sealed class VocabularyException : Exception
{
    public VocabularyException(string path, string problem)
        : base($"{path}: {problem}. Restore models/vocab.json from the installed bundle or regenerate it with models/training/make_vocab.py.")
    {
        Path = path;
        Problem = problem;
    }

    public VocabularyException(string path, string problem, Exception inner)
        : base($"{path}: {problem}. Restore models/vocab.json from the installed bundle or regenerate it with models/training/make_vocab.py.", inner)
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }
    public string Problem { get; }
}
