namespace Sideman.Model.Decoding;

/// <summary>
/// What the musical guard found in one bar: whether the bass missed beat one (<see cref="BeatOneMiss"/>, tolerated or
/// not) and whether that is a fault (<see cref="BeatOneFault"/>), and how many notes broke the strong-beat and the key rule.
/// </summary>
public readonly record struct MusicalVerdict(bool BeatOneMiss, bool BeatOneFault, int StrongBeatNotes, int OutOfKeyNotes)
{
    public const int BeatOneWeight = 4;
    public const int StrongBeatWeight = 2;
    public const int OutOfKeyWeight = 1;

    /// <summary>How bad the bar is: 0 passes; among tries that all fail, the guard keeps the lowest.</summary>
    public int Score => (BeatOneFault ? BeatOneWeight : 0) + StrongBeatWeight * StrongBeatNotes + OutOfKeyWeight * OutOfKeyNotes;

    public MusicalRule Broken =>
        (BeatOneFault ? MusicalRule.BeatOne : MusicalRule.None)
        | (StrongBeatNotes > 0 ? MusicalRule.StrongBeat : MusicalRule.None)
        | (OutOfKeyNotes > 0 ? MusicalRule.OutOfKey : MusicalRule.None);
}
