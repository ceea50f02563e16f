using System.Numerics;
using Sideman.Music.Patterns;

namespace Sideman.Engine.Live.Chords;

/// <summary>
/// Names the chord a player holds, from its pitch classes and its lowest key. Chord tones come from
/// <see cref="ChordQualityInfo"/>; every (root, quality) whose root is held is scored and the best wins.
/// <list type="bullet">
/// <item>Exact readings come first: every held note above the bass is a chord tone and every required
/// tone is held (the perfect fifth is optional in chords with a third or four or more tones; the b9 of
/// 7alt stands for any altered tension b9, #9, #11, b13). The bass is the root, another chord tone (an
/// inversion) or a note outside the chord or on its 9th, 11th or 13th (a slash chord: its tones, fifth
/// included, must sound above the bass, and the bass must lie in the chord-scale unless the upper chord
/// is a plain major or minor triad). Among exact readings the fewest penalty points win: inversion 10,
/// dropped fifth 15, slash 20 (A C E over C is Am/C, not C6 without its fifth; D F C is Dm7, not F5/D;
/// F E G B is Em/F, not G13/F without its fifth); ties go to the simpler quality (7ths before 6ths, so
/// C6/E reads Am7/E; symmetric dim7 and aug take the bass as root).</item>
/// <item>Otherwise (clusters, added tones no quality holds) the score is 3 per chord tone held, -1 per
/// other note in the quality's chord-scale, -4 per note outside it, -4 per required tone missing,
/// -1 per missing fifth, +2 for the root on the bass (+1 for another chord tone); ties go to the root on
/// the bass, then to the simpler quality.</item>
/// <item>One pitch class alone is that root's major chord; nothing held is N.C.</item>
/// </list>
/// Rootless voicings name the chord their notes spell (E G Bb D is Em7b5, not C9). Pure: never
/// allocates, never throws, safe on the audio thread. [any]
/// </summary>
public static class ChordRecognizer
{
    private const int AllPitchClasses = 0xFFF;
    private const int ExactBase = 1_000_000;

    // Ties go to the earlier (simpler) quality; a power chord yields to a 7th missing its third.
    private static readonly ChordQuality[] Preference =
    [
        ChordQuality.Major, ChordQuality.Minor, ChordQuality.Sus4, ChordQuality.Sus2, ChordQuality.Dominant7,
        ChordQuality.Minor7, ChordQuality.Major7, ChordQuality.Power, ChordQuality.Diminished,
        ChordQuality.Augmented, ChordQuality.HalfDiminished7, ChordQuality.Diminished7, ChordQuality.Major6,
        ChordQuality.Minor6, ChordQuality.Add9, ChordQuality.Dominant7Sus4, ChordQuality.MinorMajor7,
        ChordQuality.Augmented7, ChordQuality.Dominant13, ChordQuality.Dominant9, ChordQuality.Major9,
        ChordQuality.Minor9, ChordQuality.Minor11, ChordQuality.Dominant7Altered,
    ];

    private static readonly ChordShape[] Shapes = BuildShapes();

    /// <summary>[any] The chord of the keys <paramref name="held"/> holds; N.C. when none (or null).</summary>
    public static ChordSymbol Recognize(HeldNotes? held) =>
        held is null ? ChordSymbol.NoChord : Recognize(held.PitchClasses, held.Lowest);

    /// <summary>
    /// [any] The chord of the pitch classes in <paramref name="pitchClasses"/> (bit pc, C = 0; bits above 11
    /// ignored) over the bass <paramref name="lowestKey"/> (a MIDI key or pitch class: only its class counts,
    /// and it joins the set). A negative <paramref name="lowestKey"/> takes the lowest class set as bass.
    /// </summary>
    public static ChordSymbol Recognize(ushort pitchClasses, int lowestKey)
    {
        int held = pitchClasses & AllPitchClasses;
        if (lowestKey < 0)
        {
            if (held == 0)
                return ChordSymbol.NoChord;
            lowestKey = BitOperations.TrailingZeroCount(held);
        }
        int bass = lowestKey % 12;
        held |= 1 << bass;
        if ((held & (held - 1)) == 0)
            return new ChordSymbol(bass, ChordQuality.Major);

        int bestScore = int.MinValue, bestRoot = bass, bestShape = 0;
        for (int step = 0; step < 12; step++)
        {
            int root = (bass + step) % 12;
            if ((held & (1 << root)) == 0)
                continue;
            int relative = RotateDown(held, root);
            int bassInterval = (bass - root + 12) % 12;
            for (int k = 0; k < Shapes.Length; k++)
            {
                int score = Score(in Shapes[k], relative, bassInterval) - k;
                if (score > bestScore)
                {
                    bestScore = score;
                    bestRoot = root;
                    bestShape = k;
                }
            }
        }
        return new ChordSymbol(bestRoot, Shapes[bestShape].Quality, (bass - bestRoot + 12) % 12);
    }

    // relative: held classes as intervals above the candidate root (bit 0 always set).
    private static int Score(in ChordShape shape, int relative, int bassInterval)
    {
        int bassBit = 1 << bassInterval;
        int bassKind = bassInterval == 0 ? 0 : (shape.Core & bassBit) != 0 ? 1 : 2; // root, inversion, slash
        int upper = relative & ~bassBit;
        int support = bassKind == 2 ? upper : relative;
        int missingRequired = int.PopCount(shape.Required & ~support)
            + (shape.AnyOf != 0 && (shape.AnyOf & support) == 0 ? 1 : 0);
        int missingOptional = int.PopCount(shape.Optional & ~support);
        // A slash chord needs its whole upper chord, over a bass that fits it.
        bool bassFits = bassKind != 2 || (missingOptional == 0 && (shape.AnyBass || (shape.Scale & bassBit) != 0));
        if (missingRequired == 0 && (upper & ~shape.Allowed) == 0 && bassFits)
            return ExactBase - 1000 * (bassKind * 10 + missingOptional * 15);

        int extra = relative & ~shape.Tones;
        int score = 3 * int.PopCount(relative & shape.Tones)
            - int.PopCount(extra & shape.Scale)
            - 4 * int.PopCount(extra & ~shape.Scale)
            - 4 * missingRequired
            - missingOptional
            + (2 - bassKind);
        return score * 100 + (bassKind == 0 ? 50 : 0); // equal scores: the root on the bass
    }

    private static int RotateDown(int mask, int by) =>
        ((mask >> by) | (mask << (12 - by))) & AllPitchClasses;

    private static ChordShape[] BuildShapes()
    {
        var shapes = new ChordShape[Preference.Length];
        for (int i = 0; i < shapes.Length; i++)
            shapes[i] = ChordShape.Of(Preference[i]);
        return shapes;
    }

    /// <summary>One quality's tones as 12-bit interval masks above the root (bit 0 = root).</summary>
    private readonly struct ChordShape
    {
        private const int PerfectFifth = 1 << 7;
        private const int AlteredTensions = (1 << 1) | (1 << 3) | (1 << 6) | (1 << 8); // b9 #9 #11 b13

        public ChordQuality Quality { get; private init; }
        public int Tones { get; private init; }      // the table's chord tones
        public int Core { get; private init; }       // tones on slots 1, 3, 5, 7: a bass there is an inversion
        public int Required { get; private init; }
        public int Optional { get; private init; }   // the perfect fifth, where players drop it
        public int AnyOf { get; private init; }      // at least one of these (7alt's altered tension)
        public int Allowed { get; private init; }    // what may sound above the bass in an exact reading
        public int Scale { get; private init; }      // the chord-scale: added notes that fit
        public bool AnyBass { get; private init; }   // a slash bass need not fit the chord-scale

        public static ChordShape Of(ChordQuality quality)
        {
            int tones = 0, core = 0;
            ReadOnlySpan<int> intervals = ChordQualityInfo.Intervals(quality);
            foreach (int interval in intervals)
            {
                tones |= 1 << interval;
                if (ChordQualityInfo.Spell(quality, interval).Degree % 2 == 1)
                    core |= 1 << interval;
            }
            int scale = 0;
            foreach (int interval in ChordQualityInfo.Scale(quality))
                scale |= 1 << ((interval % 12 + 12) % 12);
            bool hasThird = (tones & ((1 << 3) | (1 << 4))) != 0;
            int optional = (hasThird || intervals.Length >= 4) && (core & PerfectFifth) != 0 ? PerfectFifth : 0;
            int anyOf = quality == ChordQuality.Dominant7Altered ? AlteredTensions : 0;
            return new ChordShape
            {
                Quality = quality,
                Tones = tones,
                Core = core,
                Required = tones & ~optional & ~anyOf,
                Optional = optional,
                AnyOf = anyOf,
                Allowed = tones | anyOf,
                Scale = scale | tones,
                AnyBass = quality is ChordQuality.Major or ChordQuality.Minor,
            };
        }
    }
}
