using System.Diagnostics.CodeAnalysis;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding.Songs;

/// <summary>
/// Reads lead-sheet chord symbols: a root (C, F#, Bb), a quality suffix (m, 7, maj7, m7b5, sus4, dim7, 9,
/// 13, 7alt, ...) and an optional slash bass (C/E). "N.C." (or NC) is no chord. [main]
/// </summary>
public static class ChordSymbolParser
{
    // Suffix spellings, tried longest first.
    private static readonly (string Suffix, ChordQuality Quality)[] Suffixes = Build(
        ("", ChordQuality.Major), ("M", ChordQuality.Major), ("maj", ChordQuality.Major), ("major", ChordQuality.Major),
        ("m", ChordQuality.Minor), ("min", ChordQuality.Minor), ("-", ChordQuality.Minor), ("minor", ChordQuality.Minor),
        ("dim", ChordQuality.Diminished), ("°", ChordQuality.Diminished), ("o", ChordQuality.Diminished),
        ("aug", ChordQuality.Augmented), ("+", ChordQuality.Augmented), ("#5", ChordQuality.Augmented),
        ("sus2", ChordQuality.Sus2), ("sus4", ChordQuality.Sus4), ("sus", ChordQuality.Sus4),
        ("5", ChordQuality.Power),
        ("6", ChordQuality.Major6), ("maj6", ChordQuality.Major6), ("m6", ChordQuality.Minor6), ("min6", ChordQuality.Minor6),
        ("add9", ChordQuality.Add9), ("add2", ChordQuality.Add9), ("2", ChordQuality.Add9),
        ("7", ChordQuality.Dominant7), ("dom7", ChordQuality.Dominant7),
        ("maj7", ChordQuality.Major7), ("M7", ChordQuality.Major7), ("ma7", ChordQuality.Major7), ("Δ", ChordQuality.Major7), ("Δ7", ChordQuality.Major7),
        ("m7", ChordQuality.Minor7), ("min7", ChordQuality.Minor7), ("-7", ChordQuality.Minor7),
        ("m7b5", ChordQuality.HalfDiminished7), ("min7b5", ChordQuality.HalfDiminished7), ("ø", ChordQuality.HalfDiminished7), ("ø7", ChordQuality.HalfDiminished7), ("-7b5", ChordQuality.HalfDiminished7),
        ("dim7", ChordQuality.Diminished7), ("°7", ChordQuality.Diminished7), ("o7", ChordQuality.Diminished7),
        ("mmaj7", ChordQuality.MinorMajor7), ("mMaj7", ChordQuality.MinorMajor7), ("mM7", ChordQuality.MinorMajor7), ("m(maj7)", ChordQuality.MinorMajor7), ("minmaj7", ChordQuality.MinorMajor7),
        ("7sus4", ChordQuality.Dominant7Sus4), ("7sus", ChordQuality.Dominant7Sus4),
        ("aug7", ChordQuality.Augmented7), ("+7", ChordQuality.Augmented7), ("7#5", ChordQuality.Augmented7), ("7+", ChordQuality.Augmented7),
        ("9", ChordQuality.Dominant9), ("maj9", ChordQuality.Major9), ("M9", ChordQuality.Major9), ("m9", ChordQuality.Minor9), ("min9", ChordQuality.Minor9),
        ("m11", ChordQuality.Minor11), ("min11", ChordQuality.Minor11),
        ("13", ChordQuality.Dominant13),
        ("7alt", ChordQuality.Dominant7Altered), ("alt", ChordQuality.Dominant7Altered),
        // Symbols the vocabulary has no quality of its own for, mapped as the data pipeline classifies
        // their notes (sideman_data/theory.py classify): 11 and 9#11 as a ninth, maj13 as maj9, m13 as m9.
        ("11", ChordQuality.Dominant9), ("9#11", ChordQuality.Dominant9), ("maj13", ChordQuality.Major9), ("M13", ChordQuality.Major9),
        ("m13", ChordQuality.Minor9), ("min13", ChordQuality.Minor9),
        ("7b9", ChordQuality.Dominant7Altered), ("7#9", ChordQuality.Dominant7Altered), ("7b5", ChordQuality.Dominant7),
        ("7#11", ChordQuality.Dominant7), ("7b13", ChordQuality.Dominant7Altered));

    /// <summary>Parses a symbol; false with a reason if it is not one.</summary>
    public static bool TryParse(string text, out ChordSymbol chord, [NotNullWhen(false)] out string? error)
    {
        chord = ChordSymbol.NoChord;
        error = null;
        string s = text.Trim();
        if (s is "N.C." or "NC" or "N.C" or "N")
            return true;
        int i = 0;
        if (!TryNote(s, ref i, out int root))
        {
            error = $"'{text}' does not start with a note name A-G";
            return false;
        }
        string rest = s[i..];
        int bass = 0;
        int slash = rest.LastIndexOf('/');
        if (slash >= 0)
        {
            int j = 0;
            string bassText = rest[(slash + 1)..];
            if (!TryNote(bassText, ref j, out int bassPc) || j != bassText.Length)
            {
                error = $"'{text}': the slash bass '{bassText}' is not a note name";
                return false;
            }
            bass = ((bassPc - root) % 12 + 12) % 12;
            rest = rest[..slash];
        }
        foreach (var (suffix, quality) in Suffixes)
        {
            if (rest == suffix)
            {
                chord = new ChordSymbol(root, quality, bass);
                return true;
            }
        }
        error = $"'{text}': chord quality '{rest}' is not one Sideman knows (try m, 7, maj7, m7, m7b5, dim7, sus4, 6, 9, 13, 7alt)";
        return false;
    }

    public static ChordSymbol Parse(string text) =>
        TryParse(text, out ChordSymbol chord, out string? error) ? chord : throw new FormatException(error);

    /// <summary>A note name (C, C#, Db, ...) to its pitch class.</summary>
    public static bool TryNote(string s, ref int i, out int pitchClass)
    {
        pitchClass = 0;
        if (i >= s.Length)
            return false;
        int natural = char.ToUpperInvariant(s[i]) switch
        {
            'C' => 0, 'D' => 2, 'E' => 4, 'F' => 5, 'G' => 7, 'A' => 9, 'B' => 11, _ => -1,
        };
        if (natural < 0)
            return false;
        i++;
        int accidental = 0;
        while (i < s.Length && s[i] is '#' or 'b' or '♯' or '♭')
        {
            accidental += s[i] is '#' or '♯' ? 1 : -1;
            i++;
        }
        pitchClass = ((natural + accidental) % 12 + 12) % 12;
        return true;
    }

    private static (string, ChordQuality)[] Build(params (string, ChordQuality)[] entries) =>
        entries.OrderByDescending(e => e.Item1.Length).ToArray();
}
