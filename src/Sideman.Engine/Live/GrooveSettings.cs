namespace Sideman.Engine.Live;

/// <summary>
/// How a bar's events are placed in time and dynamics: swing (offbeat eighths and sixteenths moved towards
/// the triplet), humanize (timing and velocity scatter) and the tempo that turns milliseconds into quarters.
/// </summary>
internal readonly record struct GrooveSettings(double Swing, double Humanize, double Tempo)
{
    /// <summary>Largest timing scatter at full Humanize: a loose but tight-enough player.</summary>
    public const double MaxTimingScatterSeconds = 0.012;
    /// <summary>Largest velocity scatter at full Humanize.</summary>
    public const double MaxVelocityScatter = 12;

    /// <summary>Ticks an event on <paramref name="tick"/> moves later: 4 for an offbeat eighth, 2 for an offbeat sixteenth at full swing.</summary>
    public double SwingTicks(int tick)
    {
        if (Swing <= 0)
            return 0;
        if (tick % 24 == 12)
            return Swing * 4;
        if (tick % 12 == 6)
            return Swing * 2;
        return 0;
    }
}
