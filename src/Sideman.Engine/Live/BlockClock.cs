namespace Sideman.Engine.Live;

/// <summary>
/// Song position and sample offset of one stretch of a block where the music runs straight on (no loop
/// wrap inside): offset <see cref="Start"/> is at quarter <see cref="StartPosition"/>. [audio]
/// </summary>
internal readonly record struct BlockClock(int Start, double StartPosition, double SamplesPerQuarter)
{
    // Positions a hair before a sample still belong to it (floating-point noise in host positions).
    private const double Tolerance = 1e-7;

    /// <summary>The song position at an offset.</summary>
    public double PositionAt(int offset) => StartPosition + (offset - Start) / SamplesPerQuarter;

    /// <summary>The first offset whose position is at or after <paramref name="position"/> (may lie outside the block).</summary>
    public int OffsetOf(double position)
    {
        double samples = (position - StartPosition) * SamplesPerQuarter;
        if (!(samples < int.MaxValue / 2))
            return int.MaxValue / 2;
        if (!(samples > -int.MaxValue / 2))
            return -int.MaxValue / 2;
        return Start + (int)Math.Ceiling(samples - Tolerance);
    }
}
