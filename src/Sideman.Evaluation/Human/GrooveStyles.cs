namespace Sideman.Evaluation.Human;

/// <summary>
/// The Sideman style of a Groove MIDI take, from info.csv's style label and tempo: the mapping of
/// models/training/sideman_data/extract_groove.py (style_of), so a take counts under the style the model
/// learnt it as. Python owns the definition; this copy is checked against it take by take by
/// GrooveStylesTests, which runs the Python function. A sub-style decides where it names another genre
/// (jazz/funk is funk), then the top label; jazz under 80 BPM is a ballad; anything unknown is rock.
/// </summary>
public static class GrooveStyles
{
    private static readonly Dictionary<string, string> SubStyle = new(StringComparer.Ordinal)
    {
        ["jazz/funk"] = "funk", ["dance/disco"] = "disco", ["dance/breakbeat"] = "hiphop",
        ["latin/reggaeton"] = "latin", ["afrocuban/calypso"] = "afrocuban", ["neworleans/funk"] = "neworleans",
    };

    private static readonly Dictionary<string, string> Top = new(StringComparer.Ordinal)
    {
        ["rock"] = "rock", ["funk"] = "funk", ["jazz"] = "jazz_swing", ["latin"] = "latin", ["hiphop"] = "hiphop",
        ["soul"] = "soul", ["afrocuban"] = "afrocuban", ["punk"] = "punk", ["neworleans"] = "neworleans",
        ["country"] = "country", ["pop"] = "pop", ["reggae"] = "reggae", ["gospel"] = "gospel",
        ["afrobeat"] = "afrobeat", ["dance"] = "disco", ["blues"] = "blues", ["highlife"] = "afrobeat",
        ["middleeastern"] = "world",
    };

    public static string StyleOf(string label, double bpm)
    {
        ArgumentNullException.ThrowIfNull(label);
        string[] levels = label.Trim().ToLowerInvariant().Split('/');
        string sub = string.Join('/', levels.Take(2));
        if (SubStyle.TryGetValue(sub, out string? byGenre))
            return byGenre;
        string style = Top.GetValueOrDefault(levels[0], "rock");
        return style == "jazz_swing" && bpm < 80 ? "jazz_ballad" : style;
    }
}
