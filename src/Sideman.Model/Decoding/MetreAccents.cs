using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Decoding;

/// <summary>
/// The strong beats of a metre, where the musical guard wants chord tones: beat one and the start of each further beat
/// group. 4/4: beats 1 and 3; 6/4 and 5/4 (3 + 2): 1 and 4; 7/4 (4 + 3): 1 and 5; 6/8: eighths 1 and 4; 9/8: 1, 4, 7;
/// 12/8: 1 and 7; every other metre (2/4, 3/4, 2/2, 3/8, 5/8, 7/8, ...): beat one only. [any]
/// </summary>
internal static class MetreAccents
{
    public static bool IsStrong(TimeSignature ts, int tick)
    {
        if (tick == 0)
            return true;
        int beat = PatternGrid.TicksPerQuarter * 4 / ts.Denominator;
        if (tick % beat != 0)
            return false;
        int b = tick / beat;
        return ts.Denominator == 8
            ? ts.Numerator switch { 6 => b == 3, 9 => b is 3 or 6, 12 => b == 6, _ => false }
            : ts.Numerator switch { 4 => b == 2, 5 or 6 => b == 3, 7 => b == 4, _ => false };
    }
}
