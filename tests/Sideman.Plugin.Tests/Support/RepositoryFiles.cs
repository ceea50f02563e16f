namespace Sideman.Plugin.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Plugin.sln")))
                    return dir.FullName;
            }
            throw new InvalidOperationException($"No Plugin.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);
}
