namespace Sideman.Music.Patterns;

/// <summary>
/// What each <see cref="ChordQuality"/> is made of: its chord tones, its chord-scale (the seven
/// slots that chord-relative degrees 1..7 name) and the canonical spelling of each of the twelve
/// intervals above the root. Slots 1, 3, 5 and 7 hold the chord's own tones (slot 3 of a sus4
/// chord is its fourth), slots 2, 4 and 6 the tensions 9, 11 and 13. The same tables live in
/// models/vocab.json; Sideman.Model refuses a vocabulary that disagrees.
/// </summary>
public static class ChordQualityInfo
{
    public const int Count = 24;

    private static readonly string[] Names =
    [
        "maj", "min", "dim", "aug", "sus2", "sus4", "power", "maj6", "min6", "add9", "dom7", "maj7",
        "min7", "hdim7", "dim7", "minmaj7", "7sus4", "aug7", "dom9", "maj9", "min9", "min11", "dom13", "dom7alt",
    ];

    private static readonly int[][] ChordIntervals =
    [
        [0, 4, 7], [0, 3, 7], [0, 3, 6], [0, 4, 8], [0, 2, 7], [0, 5, 7], [0, 7], [0, 4, 7, 9],
        [0, 3, 7, 9], [0, 2, 4, 7], [0, 4, 7, 10], [0, 4, 7, 11], [0, 3, 7, 10], [0, 3, 6, 10],
        [0, 3, 6, 9], [0, 3, 7, 11], [0, 5, 7, 10], [0, 4, 8, 10], [0, 2, 4, 7, 10], [0, 2, 4, 7, 11],
        [0, 2, 3, 7, 10], [0, 2, 3, 5, 7, 10], [0, 4, 7, 9, 10], [0, 4, 7, 10, 1],
    ];

    private static readonly int[][] Scales =
    [
        [0, 2, 4, 5, 7, 9, 11], [0, 2, 3, 5, 7, 8, 10], [0, 1, 3, 5, 6, 8, 10], [0, 2, 4, 6, 8, 9, 11],
        [0, 4, 2, 5, 7, 9, 10], [0, 2, 5, 4, 7, 9, 10], [0, 2, 4, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 11],
        [0, 2, 3, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 11], [0, 2, 4, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 11],
        [0, 2, 3, 5, 7, 9, 10], [0, 1, 3, 5, 6, 8, 10], [0, 2, 3, 5, 6, 8, 9], [0, 2, 3, 5, 7, 9, 11],
        [0, 2, 5, 4, 7, 9, 10], [0, 2, 4, 6, 8, 9, 10], [0, 2, 4, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 11],
        [0, 2, 3, 5, 7, 9, 10], [0, 2, 3, 5, 7, 9, 10], [0, 2, 4, 5, 7, 9, 10], [0, 1, 4, 5, 7, 8, 10],
    ];

    // [quality][interval] = (degree, alteration), built once by the documented rule.
    private static readonly (int Degree, int Alteration)[][] Spellings = BuildSpellings();

    /// <summary>The vocabulary name ("maj", "dom7", ...). [any]</summary>
    public static string Name(ChordQuality q) => Names[Index(q)];

    /// <summary>Parses a vocabulary name; false if unknown. [any]</summary>
    public static bool TryParse(string name, out ChordQuality quality)
    {
        int i = Array.IndexOf(Names, name);
        quality = i >= 0 ? (ChordQuality)i : default;
        return i >= 0;
    }

    /// <summary>Chord tones as semitones above the root. [any]</summary>
    public static ReadOnlySpan<int> Intervals(ChordQuality q) => ChordIntervals[Index(q)];

    /// <summary>Semitones above the root of scale slots 1..7 (index 0..6). [any]</summary>
    public static ReadOnlySpan<int> Scale(ChordQuality q) => Scales[Index(q)];

    /// <summary>Semitones above the root of (degree, alteration); may leave 0..11 (e.g. degree 1, -1). [any]</summary>
    public static int Semitones(ChordQuality q, int degree, int alteration)
    {
        if (degree is < 1 or > 7)
            throw new ArgumentOutOfRangeException(nameof(degree), degree, "degree must be 1..7");
        if (alteration is < -1 or > 1)
            throw new ArgumentOutOfRangeException(nameof(alteration), alteration, "alteration must be -1, 0 or +1");
        return Scales[Index(q)][degree - 1] + alteration;
    }

    /// <summary>The canonical (degree, alteration) of an interval 0..11 above the root. [any]</summary>
    public static (int Degree, int Alteration) Spell(ChordQuality q, int interval)
    {
        if (interval is < 0 or > 11)
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "interval must be 0..11");
        return Spellings[Index(q)][interval];
    }

    private static int Index(ChordQuality q)
    {
        int i = (int)q;
        if ((uint)i >= Count)
            throw new ArgumentOutOfRangeException(nameof(q), q, "unknown chord quality");
        return i;
    }

    private static (int, int)[][] BuildSpellings()
    {
        var all = new (int, int)[Count][];
        int[] order = [1, 3, 5, 7, 2, 4, 6];
        for (int q = 0; q < Count; q++)
        {
            int[] scale = Scales[q];
            int[] chord = ChordIntervals[q];
            var table = new (int, int)[12];
            for (int iv = 0; iv < 12; iv++)
            {
                table[iv] = SpellOne(iv, scale, chord, order);
            }
            all[q] = table;
        }
        return all;
    }

    // Exact slot (chord slots first); else the conventional interval name's degree altered by one
    // semitone; else the first slot one alteration reaches, possibly across the octave.
    private static (int, int) SpellOne(int iv, int[] scale, int[] chord, int[] order)
    {
        foreach (int d in order)
        {
            if (scale[d - 1] == iv)
                return (d, 0);
        }
        int conv = Conventional(iv, chord);
        int alt = iv - scale[conv - 1];
        if (Math.Abs(alt) <= 1)
            return (conv, alt);
        foreach (int d in order)
        {
            int a = ((iv - scale[d - 1] + 6) % 12 + 12) % 12 - 6;
            if (Math.Abs(a) <= 1)
                return (d, a);
        }
        throw new InvalidOperationException($"interval {iv} cannot be spelled");
    }

    private static int Conventional(int iv, int[] chord)
    {
        bool Has(int x) => Array.IndexOf(chord, x) >= 0;
        return iv switch
        {
            3 => Has(4) ? 2 : 3,
            6 => Has(6) && !Has(7) ? 5 : 4,
            8 => Has(8) && !Has(7) ? 5 : 6,
            0 => 1,
            1 or 2 => 2,
            4 => 3,
            5 => 4,
            7 => 5,
            9 => 6,
            _ => 7,
        };
    }
}
