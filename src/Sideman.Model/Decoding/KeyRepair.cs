using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// The musical guard's last resort for the key, when every try of a pitched bar kept a note that is neither a chord
/// tone nor in the key: each such note moves a semitone to the neighbour that is (a chord tone before a scale tone,
/// down before up), as a player corrects a wrong note by a fret. A move that would land on another note of the same
/// onset goes to the other neighbour, or is not made, so the bar keeps its voicing order and its note count.
/// Allocates nothing. [generator]
/// </summary>
internal sealed class KeyRepair(Vocabulary vocabulary)
{
    private readonly Vocabulary _v = vocabulary;

    /// <summary>
    /// Moves the out-of-key non-chord notes of <paramref name="body"/> (a bar's event tokens over <paramref name="chords"/>)
    /// into <paramref name="scale"/> (bit per absolute pitch class); returns how many notes moved.
    /// </summary>
    public int Repair(Span<int> body, ReadOnlySpan<BarChord> chords, int scale, int registerCentre)
    {
        if (scale == 0)
            return 0;
        int moved = 0, tick = -1, onsetStart = 0;
        for (int i = 0; i < body.Length; i++)
        {
            if (IsPosition(body[i]))
            {
                tick = _v[body[i]].Value;
                onsetStart = i;
                continue;
            }
            if (!IsPitch(body[i]) || tick < 0)
                continue;
            int c = MusicalRules.ChordAt(chords, tick);
            if (c < 0 || chords[c].Chord.IsNoChord)
                continue;
            ChordSymbol chord = chords[c].Chord;
            Token t = _v[body[i]];
            var pitch = new ChordRelativePitch(t.Octave, t.Degree, t.Alteration);
            if (!IsOutOfKey(chord, pitch, scale))
                continue;
            int midi = pitch.ToMidi(chord, registerCentre);
            var (first, second) = Neighbours(chord, midi, scale);
            foreach (int target in (ReadOnlySpan<int>)[first, second])
            {
                if (target < 0 || Sounds(body, onsetStart, chord, target, registerCentre)
                    || ChordRelativePitch.FromMidi(target, chord, registerCentre) is not { } repaired)
                    continue;
                body[i] = _v.Pitch(repaired);
                moved++;
                break;
            }
        }
        return moved;
    }

    private static bool IsOutOfKey(ChordSymbol chord, ChordRelativePitch pitch, int scale)
    {
        int iv = MusicalRules.Interval(chord, pitch);
        return !MusicalRules.IsChordTone(chord, iv) && (scale & (1 << (chord.Root + iv) % 12)) == 0;
    }

    /// <summary>
    /// The semitone neighbours to move to, best first: a chord tone before a scale tone, down before up; -1 for a
    /// neighbour that is neither.
    /// </summary>
    private static (int First, int Second) Neighbours(ChordSymbol chord, int midi, int scale)
    {
        int down = Rank(chord, midi - 1, scale), up = Rank(chord, midi + 1, scale);
        int d = down > 0 ? midi - 1 : -1, u = up > 0 ? midi + 1 : -1;
        return up > down ? (u, d) : (d, u);
    }

    private static int Rank(ChordSymbol chord, int midi, int scale)
    {
        int pc = (midi % 12 + 12) % 12;
        int iv = ((pc - chord.Root) % 12 + 12) % 12;
        return MusicalRules.IsChordTone(chord, iv) ? 2 : (scale & (1 << pc)) != 0 ? 1 : 0;
    }

    /// <summary>Does a note of the onset starting at token <paramref name="from"/> already sound <paramref name="midi"/>?</summary>
    private bool Sounds(ReadOnlySpan<int> body, int from, ChordSymbol chord, int midi, int registerCentre)
    {
        for (int j = from + 1; j < body.Length && !IsPosition(body[j]); j++)
        {
            if (!IsPitch(body[j]))
                continue;
            Token t = _v[body[j]];
            if (new ChordRelativePitch(t.Octave, t.Degree, t.Alteration).ToMidi(chord, registerCentre) == midi)
                return true;
        }
        return false;
    }

    private bool IsPosition(int token) => _v.IsKind(token, TokenKind.Position);

    private bool IsPitch(int token) => _v.IsKind(token, TokenKind.Pitch);
}
