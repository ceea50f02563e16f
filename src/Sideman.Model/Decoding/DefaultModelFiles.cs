namespace Sideman.Model.Decoding;

/// <summary>
/// Where the shipped model files are when the user names none: the <c>models/</c> folder found from the
/// current directory or the program's folder upwards (or $SIDEMAN_MODELS). The model is the highest-versioned
/// <c>sideman-&lt;version&gt;.onnx</c>, its index the <c>.fingerprints</c> file of the same name. [main]
/// </summary>
public sealed record DefaultModelFiles(string? Folder, string? ModelPath, string? VocabPath, string? IndexPath)
{
    public static DefaultModelFiles Locate()
    {
        string? folder = FindFolder();
        return folder is null ? new DefaultModelFiles(null, null, null, null) : At(folder);
    }

    /// <summary>
    /// The files as an installed plugin has them: <c>$SIDEMAN_MODELS</c> when set, else the <c>models/</c> folder of the
    /// program's shared resources (the bundle's <c>Contents/Resources/models</c>, see <see cref="BundleResources"/>), else
    /// what <see cref="Locate"/> finds. The plugin never
    /// takes a <c>models/</c> folder from the host's working directory while its own is there.
    /// </summary>
    public static DefaultModelFiles LocateInstalled()
    {
        string beside = Path.Combine(BundleResources.Folder, "models");
        bool overridden = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SIDEMAN_MODELS"));
        return !overridden && File.Exists(Path.Combine(beside, "vocab.json")) ? At(beside) : Locate();
    }

    /// <summary>The model files in <paramref name="folder"/> (fields null where a file is missing).</summary>
    public static DefaultModelFiles At(string folder)
    {
        string vocab = Path.Combine(folder, "vocab.json");
        string? model = Directory.EnumerateFiles(folder, "sideman-*.onnx")
            .OrderByDescending(f => VersionOf(f))
            .FirstOrDefault();
        return new DefaultModelFiles(folder, model, File.Exists(vocab) ? vocab : null, model is null ? null : IndexBeside(model));
    }

    /// <summary>The originality index of a model file: the <c>.fingerprints</c> file beside it, or null if there is none.</summary>
    public static string? IndexBeside(string modelPath)
    {
        string candidate = Path.ChangeExtension(modelPath, ".fingerprints");
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The index for <paramref name="namedModel"/> (a model the user named: the index beside it, never the shipped one), or the shipped index when none was named.</summary>
    public string? IndexFor(string? namedModel) => namedModel is null ? IndexPath : IndexBeside(namedModel);

    private static string? FindFolder()
    {
        string? env = Environment.GetEnvironmentVariable("SIDEMAN_MODELS");
        if (!string.IsNullOrEmpty(env))
            return Directory.Exists(env) ? env : null;
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "models");
                if (File.Exists(Path.Combine(candidate, "vocab.json")))
                    return candidate;
            }
        }
        return null;
    }

    private static Version VersionOf(string path)
    {
        string name = Path.GetFileNameWithoutExtension(path)["sideman-".Length..];
        return Version.TryParse(name, out Version? v) ? v : new Version(0, 0);
    }
}
