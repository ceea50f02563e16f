using Sideman.Music.Patterns;

namespace Sideman.Plugin.Editor;

/// <summary>
/// A chord as the editor writes it ("Cmaj7", "Am7b5", "F/G"), in the spellings the chart parser reads back.
/// Each name is made once and kept, so the editor's frames allocate nothing once the chords have been seen. [main]
/// </summary>
internal static class ChordNames
{
    private static readonly string[] Notes = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"];

    /// <summary>The suffix for each <see cref="ChordQuality"/>, in its order.</summary>
    private static readonly string[] Suffixes =
    [
        "", "m", "dim", "aug", "sus2", "sus4", "5", "6", "m6", "add9", "7", "maj7",
        "m7", "m7b5", "dim7", "mMaj7", "7sus4", "aug7", "9", "maj9", "m9", "m11", "13", "7alt",
    ];

    private static readonly string?[] Cache = new string?[12 * Suffixes.Length * 12];

    public static int QualityCount => Suffixes.Length;

    /// <summary>The chord's name; "" for N.C. or a chord out of range (from a damaged frame).</summary>
    public static string Of(int root, int quality, int bassInterval)
    {
        if (root is < 0 or > 11 || quality < 0 || quality >= Suffixes.Length || bassInterval is < 0 or > 11)
            return "";
        int slot = (root * Suffixes.Length + quality) * 12 + bassInterval;
        return Cache[slot] ??= Notes[root] + Suffixes[quality] + (bassInterval == 0 ? "" : "/" + Notes[(root + bassInterval) % 12]);
    }

    public static string Of(ChordSymbol chord) => chord.IsNoChord ? "" : Of(chord.Root, (int)chord.Quality, chord.BassInterval);
}
