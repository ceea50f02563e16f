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
        if (folder is null)
            return new DefaultModelFiles(null, null, null, null);
        string vocab = Path.Combine(folder, "vocab.json");
        string? model = Directory.EnumerateFiles(folder, "sideman-*.onnx")
            .OrderByDescending(f => VersionOf(f))
            .FirstOrDefault();
        string? index = model is null ? null : Path.ChangeExtension(model, ".fingerprints");
        return new DefaultModelFiles(folder, model, File.Exists(vocab) ? vocab : null, index is not null && File.Exists(index) ? index : null);
    }

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
