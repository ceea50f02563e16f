using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// A part's own rules, checked on each bar the generator writes (the musical guard; see README.md, "Musical guard").
/// Notes are judged against the chord sounding at their onset, in chord-relative terms (a note's interval above the
/// root is a table look-up); notes under N.C. are skipped; a slash chord's bass counts as a chord tone.
/// <list type="bullet">
/// <item><b>Beat one</b> (bass, in every style as issue 11 asks: reggae, latin, afrocuban and house, whose library bass
/// often leaves the one, get it too, on the beat or as an anticipation held across the bar line): a bar whose chord at tick 0 is a chord needs a note at tick 0 (any micro-timing) on the chord's bass pitch
/// class (the root, or the slash bass: C/B wants B), or such a note sounding across the bar line from the bar before
/// (an anticipation). Under a plain chord a miss is let through when none of the
/// <see cref="MusicalGuardSettings.BeatOneGrace"/> bars with a chord before it missed; under a slash chord never (it
/// tells the bass what to play).</item>
/// <item><b>Strong beats</b> (bass, keys, pad, arp; see <see cref="MetreAccents"/>): a note there is a chord tone, or for
/// keys, pad and arp a colour (9th, 6th, the 11th over a minor third, a 7th over a chord without one) that lies in the
/// key's scale when the mode is known: F# over G in C is a fault, B over C is not. The bass gets no colours.</item>
/// <item><b>Out of key</b> (every pitched part, once the mode is known): a non-chord tone outside the key's scale. No
/// chromatic passing or approach note is excused: issue 11 holds every style to 2% of such notes, and excusing them let
/// 4–7% through in jazz and funk basses.</item>
/// </list>
/// The key token gives only the tonic: the first chord on the tonic gives the mode (a major third: major, a minor
/// third: minor). Major = the major scale (a flat seventh is a chord tone of a
/// dominant chord, not a key note); minor = natural minor and the major
/// sixth and seventh (dorian, harmonic, melodic). models/training/musical_guard.py holds the same rules; both are tested
/// on tests/fixtures/guard/musical_guard_cases.json. Allocates nothing. [generator]
/// </summary>
internal sealed class MusicalRules
{
    private const int MajorKey = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 5 | 1 << 7 | 1 << 9 | 1 << 11;
    private const int MinorKey = 1 << 0 | 1 << 2 | 1 << 3 | 1 << 5 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11;

    // Chord tones per quality, bit i = i semitones above the root.
    private static readonly int[] ToneMasks = BuildToneMasks();

    private readonly PartRole _part;
    private readonly int _tonic;
    private readonly bool _beatOne;
    private readonly bool _strongBeats;
    private readonly bool _colours;

    public MusicalRules(PartHeader header)
    {
        if (!PartRoles.IsPitched(header.Part))
            throw new ArgumentException("drums have no musical rules", nameof(header));
        _part = header.Part;
        _tonic = header.KeyTonic;
        _beatOne = header.Part == PartRole.Bass;
        _strongBeats = header.Part is PartRole.Bass or PartRole.Keys or PartRole.Pad or PartRole.Arp;
        _colours = header.Part is PartRole.Keys or PartRole.Pad or PartRole.Arp;
    }

    /// <summary>Does this part, in this style, have the beat-one rule?</summary>
    public bool ChecksBeatOne => _beatOne;

    /// <summary>Checks one bar (chords with absolute roots, notes in onset order) after the kept bars summed up in <paramref name="memory"/>.</summary>
    public MusicalVerdict Check(ReadOnlySpan<BarChord> chords, ReadOnlySpan<PitchedEvent> notes, TimeSignature ts, MusicalMemory memory, int grace)
    {
        int scale = KeyScale(chords, memory);
        bool miss = false, tolerated = false;
        int target = BeatOneTarget(chords);
        if (target >= 0)
        {
            ChordSymbol first = chords[ChordAt(chords, 0)].Chord;
            miss = !BeatOneHit(first, target, notes, memory.Carry);
            tolerated = miss && MissTolerated(first, memory, grace);
        }
        int strong = 0, outOfKey = 0;
        for (int i = 0; i < notes.Length; i++)
        {
            PitchedEvent n = notes[i];
            int c = ChordAt(chords, n.Tick);
            if (c < 0 || chords[c].Chord.IsNoChord)
                continue;
            ChordSymbol chord = chords[c].Chord;
            int iv = Interval(chord, n.Pitch);
            if (IsChordTone(chord, iv))
                continue;
            int pc = (chord.Root + iv) % 12;
            bool onStrong = MetreAccents.IsStrong(ts, n.Tick);
            if (onStrong && IsStrongBeatFault(chord, iv, pc, scale))
                strong++;
            if (scale != 0 && (scale & (1 << pc)) == 0)
                outOfKey++;
        }
        return new MusicalVerdict(miss, miss && !tolerated, strong, outOfKey);
    }

    /// <summary>The memory after keeping this bar (checked with <paramref name="verdict"/>).</summary>
    public MusicalMemory Remember(ReadOnlySpan<BarChord> chords, ReadOnlySpan<PitchedEvent> notes, TimeSignature ts, MusicalMemory memory, MusicalVerdict verdict)
    {
        KeyMode mode = ModeAfter(memory.Mode, chords);
        int misses = memory.Misses;
        int first = ChordAt(chords, 0);
        if (_part == PartRole.Bass && first >= 0 && !chords[first].Chord.IsNoChord)
            misses = ((misses << 1) | (verdict.BeatOneMiss ? 1 : 0)) & 0xFF;
        int end = ts.TicksPerBar, carry = 0;
        foreach (PitchedEvent n in notes)
        {
            int c = ChordAt(chords, n.Tick);
            if (c >= 0 && !chords[c].Chord.IsNoChord && n.Tick + n.DurationTicks > end)
                carry |= 1 << ((chords[c].Chord.Root + Interval(chords[c].Chord, n.Pitch)) % 12);
        }
        return new MusicalMemory((ushort)carry, (byte)misses, mode);
    }

    /// <summary>The pitch class beat one wants (the chord's bass), or -1 when the rule does not apply to this bar.</summary>
    public int BeatOneTarget(ReadOnlySpan<BarChord> chords)
    {
        int first = ChordAt(chords, 0);
        if (!_beatOne || first < 0 || chords[first].Chord.IsNoChord)
            return -1;
        ChordSymbol chord = chords[first].Chord;
        return (chord.Root + chord.BassInterval) % 12;
    }

    /// <summary>
    /// Would a miss of beat one under <paramref name="chord"/> be let through after these bars? Only under a plain chord (a
    /// slash chord tells the bass what to play), and when none of the last <paramref name="grace"/> bars missed (grace 0: never).
    /// </summary>
    public static bool MissTolerated(ChordSymbol chord, MusicalMemory memory, int grace) =>
        chord.BassInterval == 0 && grace > 0 && (memory.Misses & ((1 << grace) - 1)) == 0;

    /// <summary>The key's scale (bit pc) once the mode is known from the song's chords so far and this bar's, else 0.</summary>
    public int KeyScale(ReadOnlySpan<BarChord> chords, MusicalMemory memory) => ScaleMask(ModeAfter(memory.Mode, chords));

    /// <summary>Is a non-chord tone (interval <paramref name="iv"/>, pitch class <paramref name="pc"/>) on a strong beat a fault for this part?</summary>
    public bool IsStrongBeatFault(ChordSymbol chord, int iv, int pc, int scale) => _strongBeats && !IsColour(chord, iv, pc, scale);

    /// <summary>Semitones 0..11 of a chord-relative pitch above its chord's root.</summary>
    public static int Interval(ChordSymbol chord, ChordRelativePitch pitch) => Interval(chord, pitch.Degree, pitch.Alteration);

    public static int Interval(ChordSymbol chord, int degree, int alteration) =>
        (ChordQualityInfo.Semitones(chord.Quality, degree, alteration) % 12 + 12) % 12;

    public static bool IsChordTone(ChordSymbol chord, int interval) =>
        ((ToneMasks[(int)chord.Quality] | 1 << chord.BassInterval) & (1 << interval)) != 0;

    /// <summary>The index of the chord sounding at <paramref name="tick"/> (the last one starting at or before it), or -1.</summary>
    public static int ChordAt(ReadOnlySpan<BarChord> chords, int tick)
    {
        int found = -1;
        for (int i = 0; i < chords.Length && chords[i].Tick <= tick; i++)
            found = i;
        return found;
    }

    private bool IsColour(ChordSymbol chord, int iv, int pc, int scale)
    {
        if (!_colours)
            return false;
        int tones = ToneMasks[(int)chord.Quality];
        bool minorThird = (tones & 1 << 3) != 0 && (tones & 1 << 4) == 0;
        bool noSeventh = (tones & (1 << 10 | 1 << 11)) == 0;
        bool colour = iv is 2 or 9 || (iv == 5 && minorThird) || (iv is 10 or 11 && noSeventh);
        return colour && (scale == 0 || (scale & (1 << pc)) != 0);
    }

    private static bool BeatOneHit(ChordSymbol chord, int target, ReadOnlySpan<PitchedEvent> notes, ushort carry)
    {
        if ((carry & (1 << target)) != 0)
            return true;
        foreach (PitchedEvent n in notes)
        {
            if (n.Tick == 0 && (chord.Root + Interval(chord, n.Pitch)) % 12 == target)
                return true;
        }
        return false;
    }

    private KeyMode ModeAfter(KeyMode mode, ReadOnlySpan<BarChord> chords)
    {
        if (mode != KeyMode.Unknown)
            return mode;
        foreach (BarChord bc in chords)
        {
            if (bc.Chord.IsNoChord || bc.Chord.Root != _tonic)
                continue;
            int tones = ToneMasks[(int)bc.Chord.Quality];
            if ((tones & 1 << 4) != 0)
                return KeyMode.Major;
            if ((tones & 1 << 3) != 0)
                return KeyMode.Minor;
        }
        return mode;
    }

    /// <summary>The key's scale as absolute pitch classes (bit pc), or 0 while the mode is unknown.</summary>
    private int ScaleMask(KeyMode mode)
    {
        int relative = mode switch { KeyMode.Major => MajorKey, KeyMode.Minor => MinorKey, _ => 0 };
        return ((relative << _tonic) | (relative >> (12 - _tonic))) & 0xFFF;
    }

    private static int[] BuildToneMasks()
    {
        var masks = new int[ChordQualityInfo.Count];
        for (int q = 0; q < masks.Length; q++)
        {
            foreach (int iv in ChordQualityInfo.Intervals((ChordQuality)q))
                masks[q] |= 1 << (iv % 12);
        }
        return masks;
    }
}
