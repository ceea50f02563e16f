using System.Text.Json;

namespace Sideman.Engine.Band;

/// <summary>
/// The styles the model knows, in vocabulary order: the STYLE tokens of models/vocab.json, which
/// the build embeds in this assembly (the vocabulary is the single source of truth). The order is
/// the Style parameter's step order, so it is pinned by a golden test: a style added to the
/// vocabulary must be appended, never inserted, or saved songs would change style.
/// </summary>
public static class BandStyles
{
    public const string DefaultId = "pop";
    private const string ResourceName = "Sideman.Engine.vocab.json";

    private static readonly (string[] Ids, string[] Names) Table = Load();

    /// <summary>Style ids as the vocabulary spells them ("jazz_swing").</summary>
    public static IReadOnlyList<string> Ids => Table.Ids;

    /// <summary>Names shown to the user ("Jazz Swing"), same order as <see cref="Ids"/>.</summary>
    public static IReadOnlyList<string> Names => Table.Names;

    public static string DefaultName => DisplayName(DefaultId);

    /// <summary>"jazz_swing" → "Jazz Swing"; a few names are spelled as musicians spell them.</summary>
    public static string DisplayName(string id) => id switch
    {
        "hiphop" => "Hip-Hop",
        "afrocuban" => "Afro-Cuban",
        "neworleans" => "New Orleans",
        "rnb" => "R&B",
        _ => string.Join(' ', id.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
    };

    /// <summary>The STYLE token ids of a vocabulary document, in token order. [main]</summary>
    internal static string[] ParseStyleIds(string vocabJson)
    {
        using JsonDocument doc = JsonDocument.Parse(vocabJson);
        var ids = new List<string>();
        foreach (JsonElement token in doc.RootElement.GetProperty("tokens").EnumerateArray())
        {
            if (token.TryGetProperty("kind", out JsonElement kind) && kind.GetString() == "STYLE"
                && token.TryGetProperty("style", out JsonElement style) && style.GetString() is { Length: > 0 } id)
                ids.Add(id);
        }
        if (ids.Count < 2)
            throw new InvalidOperationException($"The embedded vocabulary lists {ids.Count} STYLE tokens; the Style parameter needs at least two.");
        return ids.ToArray();
    }

    private static (string[], string[]) Load()
    {
        using Stream stream = typeof(BandStyles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The vocabulary '{ResourceName}' is not embedded in Sideman.Engine; rebuild it.");
        using var reader = new StreamReader(stream);
        string[] ids = ParseStyleIds(reader.ReadToEnd());
        return (ids, ids.Select(DisplayName).ToArray());
    }
}
