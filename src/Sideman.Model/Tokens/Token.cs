namespace Sideman.Model.Tokens;

/// <summary>
/// One vocabulary entry. <see cref="Value"/> is the kind's main attribute: the tick of POS/CHG,
/// the level of EN, the pitch class of KEY, the degree of ROOT, the bucket of TEMPO, the interval
/// of BASS, the ticks of DUR, the velocity of VEL, the offset of MT, the GM note of DRUM, the
/// enum index of STYLE/PART/SEC/QUAL, the bar ticks of TS. <see cref="Order"/> is the ordering
/// index of PITCH and DRUM tokens within one position.
/// </summary>
public readonly record struct Token(
    int Id, string Name, TokenKind Kind, int Value, int Order,
    int Octave, int Degree, int Alteration, int Numerator, int Denominator);
