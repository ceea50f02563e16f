using Sideman.Engine.Band;
using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Prompt;

/// <summary>
/// The words the prompt box understands, and what each sets. Phrases are lower case with single spaces
/// (hyphens count as spaces, so "laid-back" is "laid back"). Styles and sounds are named as the parameters
/// name them and resolved to their steps here, so a renamed preset fails at load and in the tests,
/// never silently. Documented in src/Sideman.Editor/README.md ("The prompt box").
/// </summary>
internal static class PromptVocabulary
{
    /// <summary>Words that only join others ("a", "with"): skipped without being reported as ignored.</summary>
    public static readonly IReadOnlySet<string> Fillers = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "with", "some", "of", "in", "on", "plus", "but", "please", "for", "to", "bit", "little", "feel", "vibe", "style",
    };

    /// <summary>Words that push the energy word right after them one level further from the middle ("very sparse" = 0).</summary>
    public static readonly IReadOnlySet<string> Intensifiers = new HashSet<string>(StringComparer.Ordinal)
    {
        "very", "really", "super", "extra", "so", "too",
    };

    /// <summary>Words followed by a number that set that number: "energy 3", "swing 40%", "humanize 10".</summary>
    public static readonly IReadOnlyDictionary<string, PromptSetting> NumberWords = new Dictionary<string, PromptSetting>(StringComparer.Ordinal)
    {
        ["energy"] = PromptSetting.Energy,
        ["swing"] = PromptSetting.Swing,
        ["humanize"] = PromptSetting.Humanize,
        ["humanise"] = PromptSetting.Humanize,
    };

    /// <summary>Longest phrase, in words.</summary>
    public const int MaxPhraseWords = 3;

    public static readonly IReadOnlyDictionary<string, PromptEffect[]> Phrases = Build();

    private static Dictionary<string, PromptEffect[]> Build()
    {
        var table = new Dictionary<string, PromptEffect[]>(StringComparer.Ordinal);

        // Genres: the model's styles (models/vocab.json), by the words producers use for them.
        Style(table, "pop", "pop", "mainstream");
        Style(table, "rock", "rock", "indie", "hard rock", "rock and roll");
        Style(table, "punk", "punk", "pop punk", "punk rock");
        Style(table, "funk", "funk", "funky");
        Style(table, "soul", "soul", "soulful", "motown", "neo soul");
        Style(table, "hiphop", "hip hop", "hiphop", "rap", "boom bap", "trap");
        Style(table, "house", "house", "edm", "dance", "techno", "electronic");
        Style(table, "disco", "disco");
        Style(table, "reggae", "reggae", "dub", "ska");
        Style(table, "latin", "latin", "samba", "cumbia");
        Style(table, "bossa", "bossa", "bossa nova", "brazilian");
        Style(table, "afrocuban", "afro cuban", "afrocuban", "cuban", "salsa", "rumba", "mambo");
        Style(table, "jazz_swing", "jazz", "jazzy", "jazz swing", "swing jazz", "bebop", "big band");
        Style(table, "jazz_ballad", "ballad", "jazz ballad");
        Style(table, "neworleans", "new orleans", "second line", "dixieland", "nola");
        Style(table, "blues", "blues", "bluesy");
        Style(table, "country", "country", "americana", "bluegrass");
        Style(table, "gospel", "gospel", "church");
        Style(table, "afrobeat", "afrobeat", "afrobeats", "highlife");
        Style(table, "folk", "folk", "folky", "singer songwriter");
        Style(table, "hymn", "hymn", "hymns", "chorale");
        Style(table, "baroque", "baroque");
        Style(table, "classical", "classical");
        Style(table, "romantic", "romantic");
        Style(table, "march", "march", "marching");
        Style(table, "ragtime", "ragtime", "rag", "stride");
        Style(table, "world", "world", "world music");

        // Energy and mood: the band's energy level, 0 (barely there) .. 4 (everything).
        Set(table, [new(PromptSetting.Energy, 0)], "minimal", "ambient", "still", "barely there");
        Set(table, [new(PromptSetting.Energy, 1)], "sparse", "quiet", "soft", "gentle", "calm", "chill", "mellow", "relaxed",
            "sleepy", "intimate", "low key", "lowkey", "dreamy", "low energy");
        Set(table, [new(PromptSetting.Energy, 2)], "medium", "moderate", "steady", "smooth", "mid energy");
        Set(table, [new(PromptSetting.Energy, 3)], "upbeat", "lively", "energetic", "driving", "busy", "bouncy", "groovy", "punchy", "happy");
        Set(table, [new(PromptSetting.Energy, 4)], "intense", "loud", "aggressive", "explosive", "wild", "frantic", "full", "huge",
            "epic", "high energy", "max");

        // Feel: swing (offbeats towards the triplet) and humanize (timing and velocity scatter), in %.
        Set(table, [new(PromptSetting.Swing, 0)], "straight", "no swing");
        Set(table, [new(PromptSetting.Swing, 30)], "light swing", "slight swing");
        Set(table, [new(PromptSetting.Swing, 60)], "swing", "swinging", "swung");
        Set(table, [new(PromptSetting.Swing, 80)], "shuffle", "shuffled", "hard swing");
        Set(table, [new(PromptSetting.Swing, 25), new(PromptSetting.Energy, 1)], "laid back", "lazy");
        Set(table, [new(PromptSetting.Humanize, 5)], "tight", "quantized", "quantised", "robotic", "mechanical");
        Set(table, [new(PromptSetting.Humanize, 50)], "loose", "human", "sloppy", "live");

        // Instruments: a part's bundled sound, as its Preset parameter names it.
        Sound(table, BandPart.Drums, "Standard Kit", "standard kit", "acoustic drums", "live drums", "rock kit");
        Sound(table, BandPart.Drums, "Jazz Kit", "jazz kit", "jazz drums");
        Sound(table, BandPart.Drums, "Brush Kit", "brushes", "brush", "brush kit");
        Sound(table, BandPart.Drums, "TR-808 Kit", "808", "tr 808", "808 kit", "drum machine", "808 drums");
        Sound(table, BandPart.Bass, "Upright Bass", "upright", "upright bass", "double bass", "acoustic bass", "walking bass");
        Sound(table, BandPart.Bass, "Finger Bass", "finger bass", "electric bass", "bass guitar");
        Sound(table, BandPart.Bass, "Picked Bass", "picked bass");
        Sound(table, BandPart.Bass, "Synth Bass 1", "synth bass");
        Sound(table, BandPart.Bass, "Synth Bass 2", "sub bass", "808 bass");
        Sound(table, BandPart.Keys, "Grand Piano", "piano", "grand piano", "acoustic piano");
        Sound(table, BandPart.Keys, "Electric Piano", "electric piano", "rhodes", "wurlitzer", "ep", "warm keys", "electric keys");
        Sound(table, BandPart.Keys, "Drawbar Organ", "organ", "hammond", "b3");
        Sound(table, BandPart.Keys, "Clavinet", "clav", "clavinet");
        Sound(table, BandPart.Keys, "Clean Guitar", "guitar", "clean guitar", "electric guitar");
        Sound(table, BandPart.Keys, "Nylon Guitar", "nylon", "nylon guitar", "acoustic guitar", "classical guitar", "spanish guitar");
        Sound(table, BandPart.Pad, "Warm Pad", "pad", "pads", "warm pad");
        Sound(table, BandPart.Pad, "Strings", "strings", "string pad", "orchestral");
        Sound(table, BandPart.Pad, "Synth Strings", "synth strings", "synth pad");
        Sound(table, BandPart.Pad, "Drawbar Organ", "organ pad");
        Sound(table, BandPart.Arp, "Saw Lead", "lead", "saw", "saw lead");
        Sound(table, BandPart.Arp, "Square Lead", "square", "square lead", "chiptune");
        Sound(table, BandPart.Arp, "Polysynth", "synth", "synths", "polysynth");
        Sound(table, BandPart.Arp, "Kalimba", "kalimba", "mbira");
        Sound(table, BandPart.Arp, "Vibraphone", "vibes", "vibraphone");
        Sound(table, BandPart.Arp, "Clean Guitar", "guitar arp", "arp guitar");
        return table;
    }

    private static void Style(Dictionary<string, PromptEffect[]> table, string styleId, params string[] phrases)
    {
        int index = IndexOf(BandStyles.Ids, styleId, "style");
        Set(table, [new(PromptSetting.Style, index)], phrases);
    }

    private static void Sound(Dictionary<string, PromptEffect[]> table, BandPart part, string presetName, params string[] phrases)
    {
        int index = IndexOf(BandPresets.PresetNames(part), presetName, $"{part} preset");
        Set(table, [new(PromptSetting.Sound, index, part)], phrases);
    }

    private static void Set(Dictionary<string, PromptEffect[]> table, PromptEffect[] effects, params string[] phrases)
    {
        foreach (string phrase in phrases)
        {
            if (phrase.Split(' ').Length > MaxPhraseWords || !table.TryAdd(phrase, effects))
                throw new InvalidOperationException($"Prompt phrase '{phrase}' is too long or listed twice.");
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, string what)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }
        throw new InvalidOperationException($"The prompt vocabulary names {what} '{name}', which the parameters do not offer.");
    }
}
