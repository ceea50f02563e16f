namespace Sideman.Model.Decoding;

/// <summary>
/// How hard the musical guard (<see cref="MusicalRules"/>) works. <see cref="Attempts"/> is the most samples of one bar it
/// draws: 0 turns the guard off, 1 checks and counts without ever changing a bar, more resamples a bar that breaks a rule
/// and, when every try breaks one, keeps the try with the lowest score. <see cref="BeatOneGrace"/>: a bass bar that misses
/// beat one is let through when none of this many bars with a chord before it missed (0 = every miss is a fault); the
/// default 5 lets at most one bar in six miss, and none of a song's first five (<see cref="MusicalMemory.SongStart"/>).
/// <see cref="RepairBeatOne"/> (with 2 or more attempts): when every try of a bass bar missed beat one, the kept bar's
/// note at tick 0 takes the chord's bass, or, with no note there, one is put there (<see cref="BeatOneRepair"/>). <see cref="RepairKey"/> (with 2 or more attempts):
/// when every try of a pitched bar kept an out-of-key non-chord note, those notes move a semitone into the key
/// (<see cref="KeyRepair"/>).
/// </summary>
public readonly record struct MusicalGuardSettings(int Attempts, int BeatOneGrace, bool RepairBeatOne = true, bool RepairKey = true)
{
    public const int MaxAttempts = 64;
    public const int MaxBeatOneGrace = 7;

    /// <summary>The guard's beat-one grace by default: issue 11 asks for the chord's bass on beat one in 80% of bars.</summary>
    public const int DefaultBeatOneGrace = 5;

    public static MusicalGuardSettings Default => new(8, DefaultBeatOneGrace, RepairBeatOne: true, RepairKey: true);

    public static MusicalGuardSettings Off => new(0, DefaultBeatOneGrace, RepairBeatOne: false, RepairKey: false);

    public bool Enabled => Attempts > 0;

    public void Validate()
    {
        if (Attempts is < 0 or > MaxAttempts)
            throw new ArgumentOutOfRangeException(nameof(Attempts), Attempts, $"musical guard attempts must be 0..{MaxAttempts} (0 = off)");
        if (BeatOneGrace is < 0 or > MaxBeatOneGrace)
            throw new ArgumentOutOfRangeException(nameof(BeatOneGrace), BeatOneGrace, $"beat-one grace must be 0..{MaxBeatOneGrace} bars");
    }
}
