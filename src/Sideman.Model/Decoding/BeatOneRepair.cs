using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// The musical guard's last resort for beat one, when every try of a bass bar missed it: the bar's note at tick 0, if
/// it is the only note there, takes the chord's bass pitch class (the root, or the slash bass) at the nearest pitch
/// (a tie goes down), as a bassist reading C/B plays B where the model played C. One pitch token changes; a bar with no
/// note at tick 0, or a chord there, is left as it is. Allocates nothing. [generator]
/// </summary>
internal sealed class BeatOneRepair(Vocabulary vocabulary)
{
    private readonly Vocabulary _v = vocabulary;

    /// <summary>
    /// Changes the pitch of the note at tick 0 in <paramref name="body"/> (a bar's event tokens) to the bass of
    /// <paramref name="chord"/> in the part's register; false, changing nothing, when there is no single note to change.
    /// </summary>
    public bool TryRepair(Span<int> body, ChordSymbol chord, int registerCentre)
    {
        if (chord.IsNoChord)
            return false;
        int pos = FirstPosition(body);
        if (pos < 0 || _v[body[pos]].Value != 0 || pos + 1 >= body.Length || !IsPitch(body[pos + 1]))
            return false;
        int pitch = pos + 1;
        for (int i = pitch + 1; i < body.Length && !IsPosition(body[i]); i++)
        {
            if (IsPitch(body[i]))
                return false; // a chord on beat one: leave the voicing alone
        }
        Token t = _v[body[pitch]];
        int midi = new ChordRelativePitch(t.Octave, t.Degree, t.Alteration).ToMidi(chord, registerCentre);
        int target = (chord.Root + chord.BassInterval) % 12;
        int up = ((target - midi) % 12 + 12) % 12;
        int moved = midi + (up < 6 ? up : up - 12);
        ChordRelativePitch? repaired = ChordRelativePitch.FromMidi(moved, chord, registerCentre)
                                       ?? ChordRelativePitch.FromMidi(moved + (moved < midi ? 12 : -12), chord, registerCentre);
        if (repaired is null)
            return false;
        body[pitch] = _v.Pitch(repaired.Value);
        return true;
    }

    private int FirstPosition(ReadOnlySpan<int> body)
    {
        for (int i = 0; i < body.Length; i++)
        {
            if (IsPosition(body[i]))
                return i;
        }
        return -1;
    }

    private bool IsPosition(int token) => _v.IsKind(token, TokenKind.Position);

    private bool IsPitch(int token) => _v.IsKind(token, TokenKind.Pitch);
}
