namespace Sideman.Music.Patterns;

/// <summary>
/// The bar-relative time grid of patterns: 24 ticks per quarter note holds sixteenths (6),
/// eighth triplets (8), sixteenth triplets (4) and 32nds (3). Micro-timing offsets are finer,
/// in units of 1/96 quarter note (a quarter of a tick).
/// </summary>
public static class PatternGrid
{
    public const int TicksPerQuarter = 24;
    public const int MicroUnitsPerTick = 4;
    public const int MicroUnitsPerQuarter = TicksPerQuarter * MicroUnitsPerTick;
}
