using System.Globalization;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Human;

/// <summary>
/// The Groove MIDI takes of the licensed corpus (../shared/corpus, or $SIDEMAN_CORPUS): the rows of
/// groove_midi_dataset/groove/info.csv whose file manifest.tsv lists (nothing else is read), in file-name order.
/// A missing or damaged index is an <see cref="InvalidDataException"/> naming the file and what to do.
/// </summary>
public static class GrooveCorpus
{
    public const string Folder = "groove_midi_dataset/groove";
    public const string Manifest = "manifest.tsv";

    /// <summary>The corpus folder: $SIDEMAN_CORPUS, else a shared/corpus folder beside the current or the program's folder or any above them.</summary>
    public static string? Locate()
    {
        string? env = Environment.GetEnvironmentVariable("SIDEMAN_CORPUS");
        if (!string.IsNullOrEmpty(env))
            return Directory.Exists(env) ? env : null;
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                string candidate = Path.Combine(d.FullName, "shared", "corpus");
                if (File.Exists(Path.Combine(candidate, Manifest)))
                    return candidate;
            }
        }
        return null;
    }

    /// <summary>Every listed take, beats and fills, in every metre.</summary>
    public static IReadOnlyList<GrooveTake> Takes(string corpusRoot)
    {
        ArgumentNullException.ThrowIfNull(corpusRoot);
        HashSet<string> listed = ListedPaths(corpusRoot);
        string info = Path.Combine(corpusRoot, Folder, "info.csv");
        string[] lines = ReadLines(info);
        string[] header = lines.Length > 0 ? lines[0].Split(',') : [];
        int Column(string name) => Array.IndexOf(header, name) is int i and >= 0
            ? i : throw new InvalidDataException($"{info}: no '{name}' column in the header; is this the Groove MIDI dataset's info.csv?");
        int id = Column("id"), style = Column("style"), bpm = Column("bpm"), beat = Column("beat_type"),
            metre = Column("time_signature"), file = Column("midi_filename"), split = Column("split");
        var takes = new List<GrooveTake>();
        for (int n = 1; n < lines.Length; n++)
        {
            if (lines[n].Length == 0)
                continue;
            string[] f = lines[n].Split(',');
            if (f.Length != header.Length)
                throw new InvalidDataException($"{info} line {n + 1}: {f.Length} fields, the header has {header.Length}");
            string path = $"{Folder}/{f[file]}";
            if (!listed.Contains(path))
                continue;
            if (!double.TryParse(f[bpm], NumberStyles.Float, CultureInfo.InvariantCulture, out double tempo) || !TryMetre(f[metre], out TimeSignature ts))
                throw new InvalidDataException($"{info} line {n + 1}: tempo '{f[bpm]}' or metre '{f[metre]}' is not readable");
            takes.Add(new GrooveTake(f[id], f[style], tempo, f[beat], ts, f[split], path));
        }
        takes.Sort((a, b) => string.CompareOrdinal(a.CorpusPath, b.CorpusPath));
        return takes;
    }

    private static HashSet<string> ListedPaths(string corpusRoot)
    {
        string manifest = Path.Combine(corpusRoot, Manifest);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string line in ReadLines(manifest).Skip(1))
        {
            int tab = line.IndexOf('\t');
            if (tab > 0)
                paths.Add(line[..tab]);
        }
        return paths;
    }

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path} cannot be read ({e.Message}); the human baseline needs the licensed corpus: pass --corpus DIR or set SIDEMAN_CORPUS", e);
        }
    }

    private static bool TryMetre(string text, out TimeSignature ts)
    {
        ts = default;
        string[] nd = text.Split('-');
        if (nd.Length != 2 || !int.TryParse(nd[0], CultureInfo.InvariantCulture, out int n) || !int.TryParse(nd[1], CultureInfo.InvariantCulture, out int d)
            || !TimeSignature.IsValid(n, d))
            return false;
        ts = new TimeSignature(n, d);
        return true;
    }
}
