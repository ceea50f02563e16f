using Sideman.Model.Tokens;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding;

/// <summary>
/// The musical guard's last resort for beat one, when every try of a bass bar missed it: the bar's note at tick 0, if
/// it is the only note there, takes the chord's bass pitch class (the root, or the slash bass) at the nearest pitch
/// (a tie goes down), as a bassist reading C/B plays B where the model played C (<see cref="TryRepair"/>: one pitch token
/// changes). A bar with no note at tick 0 (it starts later, or rests) gets one (<see cref="TryInsert"/>): the chord's bass
/// until the bar's first note, as a bassist states the harmony before a late figure. A chord at tick 0 is left as it is.
/// Allocates nothing. [generator]
/// </summary>
internal sealed class BeatOneRepair
{
    private readonly Vocabulary _v;
    private readonly int _positionZero, _middleVelocity; // looked up once: a token's name is a string to build

    public BeatOneRepair(Vocabulary vocabulary)
    {
        _v = vocabulary;
        _positionZero = vocabulary.TryPosition(0, out int position) ? position : -1;
        _middleVelocity = vocabulary.TryVelocity(vocabulary.QuantizeVelocity(80), out int velocity) ? velocity : -1;
    }

    /// <summary>
    /// Changes the pitch of the note at tick 0 in <paramref name="body"/> (a bar's event tokens) to the bass of
    /// <paramref name="chord"/> in the part's register; false, changing nothing, when there is no single note to change.
    /// </summary>
    public bool TryRepair(Span<int> body, ChordSymbol chord, int registerCentre)
    {
        if (chord.IsNoChord)
            return false;
        int pos = _v.IndexOfKind(body, TokenKind.Position);
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

    /// <summary>
    /// For a bar with no note at tick 0: writes into <paramref name="into"/> the bar's tokens with a note put first, on the
    /// chord's bass nearest the bar's first note (else the register's centre), lasting until the bar's first onset (the
    /// whole bar when it rests) in the longest duration that fits, at the bar's first velocity (else a middle one).
    /// Returns the new length, or -1 (writing nothing useful) when the bar has a note at tick 0 or there is no room.
    /// </summary>
    public int TryInsert(ReadOnlySpan<int> body, Span<int> into, ChordSymbol chord, int registerCentre, int ticksPerBar)
    {
        if (chord.IsNoChord || body.Length + NoteTokens > into.Length || _positionZero < 0)
            return -1;
        int pos = _v.IndexOfKind(body, TokenKind.Position);
        if (pos >= 0 && _v[body[pos]].Value == 0)
            return -1;
        int at = pos < 0 ? body.Length : pos;
        int gap = pos < 0 ? ticksPerBar : _v[body[pos]].Value;
        int duration = _v.FloorDuration(gap);
        if (!TryVelocityOf(body, out int velocity))
            return -1;
        int reference = registerCentre;
        int firstPitch = _v.IndexOfKind(body, TokenKind.Pitch);
        if (firstPitch >= 0)
        {
            Token t = _v[body[firstPitch]];
            reference = new ChordRelativePitch(t.Octave, t.Degree, t.Alteration).ToMidi(chord, registerCentre);
        }
        int target = (chord.Root + chord.BassInterval) % 12;
        int up = ((target - reference) % 12 + 12) % 12;
        int midi = reference + (up <= 6 ? up : up - 12);
        ChordRelativePitch? pitch = ChordRelativePitch.FromMidi(midi, chord, registerCentre)
                                    ?? ChordRelativePitch.FromMidi(midi + (midi < registerCentre ? 12 : -12), chord, registerCentre);
        if (pitch is null)
            return -1;
        body[..at].CopyTo(into);
        into[at] = _positionZero;
        into[at + 1] = _v.Pitch(pitch.Value);
        into[at + 2] = duration;
        into[at + 3] = velocity;
        body[at..].CopyTo(into[(at + NoteTokens)..]);
        return body.Length + NoteTokens;
    }

    /// <summary>POS, PITCH, DUR, VEL: one note at a new position.</summary>
    private const int NoteTokens = 4;

    private bool TryVelocityOf(ReadOnlySpan<int> body, out int velocity)
    {
        int first = _v.IndexOfKind(body, TokenKind.Velocity);
        if (first >= 0)
        {
            velocity = body[first];
            return true;
        }
        velocity = _middleVelocity;
        return velocity >= 0;
    }

    private bool IsPosition(int token) => _v.IsKind(token, TokenKind.Position);

    private bool IsPitch(int token) => _v.IsKind(token, TokenKind.Pitch);
}
