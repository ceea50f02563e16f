namespace Sideman.Model.Decoding;

/// <summary>
/// Where the files every system shares (the model, the sounds) are, seen from the program's folder. In the
/// bundle the program is one system's .NET publish, <c>Sideman.vst3/Contents/&lt;arch&gt;/dotnet</c>, and the
/// shared files are in <c>Sideman.vst3/Contents/Resources</c>; anywhere else (the command-line tool, the tests)
/// they are looked for beside the program.
/// </summary>
public static class BundleResources
{
    /// <summary>The shared-resources folder for the program in <paramref name="programFolder"/>.</summary>
    public static string FolderFor(string programFolder)
    {
        var program = new DirectoryInfo(Path.TrimEndingDirectorySeparator(programFolder));
        DirectoryInfo? contents = program.Parent?.Parent;
        if (program.Name == "dotnet" && contents is { Name: "Contents" })
        {
            string resources = Path.Combine(contents.FullName, "Resources");
            if (Directory.Exists(resources))
                return resources;
        }
        return program.FullName;
    }

    /// <summary>The shared-resources folder for this process's program (<see cref="AppContext.BaseDirectory"/>).</summary>
    public static string Folder => FolderFor(AppContext.BaseDirectory);
}
