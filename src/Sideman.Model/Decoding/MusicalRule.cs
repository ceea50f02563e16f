namespace Sideman.Model.Decoding;

/// <summary>The rules of the musical guard (<see cref="MusicalRules"/>) a bar can break; flags, so a bar can break several.</summary>
[Flags]
public enum MusicalRule
{
    None = 0,

    /// <summary>The bass left the chord's bass note off beat one, and had already done so within the grace bars before.</summary>
    BeatOne = 1,

    /// <summary>A note on a strong beat of the metre is neither a chord tone nor a colour the part may use there.</summary>
    StrongBeat = 2,

    /// <summary>A non-chord tone outside the key's scale that is not a chromatic passing or approach note.</summary>
    OutOfKey = 4,
}
