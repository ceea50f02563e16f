namespace Sideman.Synth.Basic;

/// <summary>
/// Polynomial band-limited step: the 2-sample correction that, subtracted at each discontinuity
/// of a naive saw or pulse, removes most of the aliasing for the price of a few multiplies.
/// </summary>
internal static class PolyBlep
{
    /// <param name="t">Phase 0..1 just past (or just before) the discontinuity at 0/1.</param>
    /// <param name="dt">Phase increment per sample (frequency / sample rate), at most 0.5.</param>
    public static double Residual(double t, double dt)
    {
        if (t < dt)
        {
            double x = t / dt;
            return x + x - x * x - 1.0;
        }
        if (t > 1.0 - dt)
        {
            double x = (t - 1.0) / dt;
            return x * x + x + x + 1.0;
        }
        return 0.0;
    }

    /// <summary>Band-limited sawtooth, -1..1, rising.</summary>
    public static double Saw(double phase, double dt) => 2.0 * phase - 1.0 - Residual(phase, dt);
}
