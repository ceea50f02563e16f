namespace Sideman.Model.Tests.Tokens;

/// <summary>Finds files of the repository (models/vocab.json, tests/fixtures/...) from the test binary.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string VocabPath => Path.Combine(Root, "models", "vocab.json");

    public static string Fixture(params string[] parts) => Path.Combine([Root, "tests", "fixtures", .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plugin.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Plugin.sln) above " + AppContext.BaseDirectory);
    }
}
