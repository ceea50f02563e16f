using Sideman.Evaluation.Songs;
using Sideman.Model.Tokens;

namespace Sideman.Evaluation.Tests.Support;

/// <summary>Files of the repository and the corpus beside it, found from the test binary.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string VocabPath => Path.Combine(Root, "models", "vocab.json");

    public static Vocabulary Vocabulary { get; } = Vocabulary.Load(VocabPath);

    public static DrumClasses Drums { get; } = new(Vocabulary);

    /// <summary>The licensed corpus: $SIDEMAN_CORPUS, else ../shared/corpus beside the checkout.</summary>
    public static string Corpus
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("SIDEMAN_CORPUS");
            string dir = !string.IsNullOrEmpty(env) ? env : Path.Combine(Path.GetDirectoryName(Root)!, "shared", "corpus");
            return Directory.Exists(dir) ? dir
                : throw new InvalidOperationException($"corpus folder {dir} is missing; the human baseline is measured on the real corpus (set SIDEMAN_CORPUS to its location)");
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plugin.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Plugin.sln) above " + AppContext.BaseDirectory);
    }
}
