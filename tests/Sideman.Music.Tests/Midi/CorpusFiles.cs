namespace Sideman.Music.Tests.Midi;

/// <summary>Real MIDI files of the licensed corpus (../shared/corpus, or $SIDEMAN_CORPUS), in a stable order.</summary>
internal static class CorpusFiles
{
    public static string Root { get; } = FindRoot();

    public static string[] Groove() => List("groove_midi_dataset");

    public static string[] Mutopia() => List("mutopia");

    private static string[] List(string folder)
    {
        string dir = Path.Combine(Root, folder);
        if (!Directory.Exists(dir))
            throw new InvalidOperationException($"corpus folder {dir} is missing; the MIDI reader is tested on the real corpus (set SIDEMAN_CORPUS to its location)");
        string[] files = Directory.EnumerateFiles(dir, "*.mid*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".mid", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".midi", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToArray();
        return files;
    }

    private static string FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("SIDEMAN_CORPUS");
        if (!string.IsNullOrEmpty(env))
            return env;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Plugin.sln")))
            dir = dir.Parent;
        if (dir?.Parent is null)
            throw new InvalidOperationException("cannot find the repository root (Plugin.sln) above " + AppContext.BaseDirectory);
        // The worktree sits beside shared/: <work>/<worktree>/ and <work>/shared/corpus.
        return Path.Combine(dir.Parent.FullName, "shared", "corpus");
    }
}
