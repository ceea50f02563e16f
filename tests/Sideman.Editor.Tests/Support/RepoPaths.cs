namespace Sideman.Editor.Tests.Support;

/// <summary>Finds the checkout (the folder with Plugin.sln) above the test output, for the committed references and the real model card.</summary>
public static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Plugin.sln")))
                    return d.FullName;
            }
            throw new DirectoryNotFoundException($"No Plugin.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static string Screenshots => Path.Combine(Root, "tests", "Sideman.Editor.Tests", "Screenshots");

    public static string DocsScreenshots => Path.Combine(Root, "docs", "editor");
}
