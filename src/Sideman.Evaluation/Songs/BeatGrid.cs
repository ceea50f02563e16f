using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Songs;

/// <summary>
/// Where a metre's beats are, for every metric that asks "on beat n". Onsets are snapped to the nearest
/// sixteenth (ties go later), so a human hit a few milliseconds early or a generated hit with a micro-timing
/// offset still counts on its beat, and a triplet eighth (tick 8 or 16 of a quarter) is on none. A beat is the
/// denominator's note: quarters in x/4, eighths in x/8 (6/8 has six, the kick's home being eighths 1 and 4),
/// halves in x/2.
/// </summary>
public static class BeatGrid
{
    public const int Sixteenth = PatternGrid.TicksPerQuarter / 4;

    /// <summary>A position in pattern ticks, snapped to the nearest sixteenth.</summary>
    public static long Snap(double ticks) => (long)Math.Floor(ticks / Sixteenth + 0.5) * Sixteenth;

    /// <summary>Ticks between beats.</summary>
    public static int BeatTicks(TimeSignature ts) => PatternGrid.TicksPerQuarter * 4 / ts.Denominator;

    /// <summary>Beats in a bar (positions the accent profile reports).</summary>
    public static int Beats(TimeSignature ts) => ts.Numerator;

    /// <summary>The 0-based beat a snapped tick of a bar sits on, or -1 between beats.</summary>
    public static int BeatAt(int tick, TimeSignature ts)
    {
        int step = BeatTicks(ts);
        return tick >= 0 && tick < ts.TicksPerBar && tick % step == 0 ? tick / step : -1;
    }

    /// <summary>The tick of 1-based beat <paramref name="beat"/>.</summary>
    public static int TickOfBeat(int beat, TimeSignature ts) => (beat - 1) * BeatTicks(ts);
}
