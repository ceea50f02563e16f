namespace Sideman.Synth.SoundFont;

/// <summary>
/// The voice's resonant low-pass: a two-pole state-variable filter in trapezoidal (zero-delay
/// feedback) form, which stays stable while its cutoff is swept. Coefficients are set per control
/// block and interpolated per sample, so envelope and LFO sweeps don't step.
/// Q follows the spec: the resonance peak sits Q cB above the DC gain, and the DC gain drops by
/// half of Q.
/// </summary>
internal sealed class ResonantLowPass
{
    private double _ic1, _ic2;
    private double _a1, _a2, _a3;
    private double _d1, _d2, _d3;
    private bool _primed;

    /// <summary>The DC gain the spec asks for at this Q (applied by the voice with its other gains).</summary>
    public static double DcGain(double qCentibels) => Math.Pow(10.0, -Math.Max(qCentibels, 0) / 400.0);

    public void Reset()
    {
        _ic1 = _ic2 = 0;
        _d1 = _d2 = _d3 = 0;
        _primed = false;
    }

    /// <summary>Sets the coefficients to reach after <paramref name="samples"/> samples. [audio]</summary>
    public void SetTarget(double cutoffHz, double qCentibels, double sampleRate, int samples)
    {
        double hz = Math.Clamp(cutoffHz, 5.0, 0.45 * sampleRate);
        double g = Math.Tan(Math.PI * hz / sampleRate);
        // 0 cB is a Butterworth response (Q 0.707); each cB above raises the peak by 0.1 dB.
        double q = Math.Pow(10.0, (Math.Max(qCentibels, 0) / 10.0 - 3.01) / 20.0);
        double k = 1.0 / q;
        double a1 = 1.0 / (1.0 + g * (g + k));
        double a2 = g * a1;
        double a3 = g * a2;
        if (!_primed || samples <= 0)
        {
            _a1 = a1; _a2 = a2; _a3 = a3;
            _d1 = _d2 = _d3 = 0;
            _primed = true;
            return;
        }
        double inv = 1.0 / samples;
        _d1 = (a1 - _a1) * inv;
        _d2 = (a2 - _a2) * inv;
        _d3 = (a3 - _a3) * inv;
    }

    /// <summary>Filters a block in place. [audio]</summary>
    public void Process(Span<float> buffer)
    {
        double ic1 = _ic1, ic2 = _ic2, a1 = _a1, a2 = _a2, a3 = _a3;
        double d1 = _d1, d2 = _d2, d3 = _d3;
        for (int i = 0; i < buffer.Length; i++)
        {
            double v3 = buffer[i] - ic2;
            double v1 = a1 * ic1 + a2 * v3;
            double v2 = ic2 + a2 * ic1 + a3 * v3;
            ic1 = 2 * v1 - ic1;
            ic2 = 2 * v2 - ic2;
            buffer[i] = (float)v2;
            a1 += d1; a2 += d2; a3 += d3;
        }
        // Flush tiny states so a silent tail never runs on denormals.
        if (Math.Abs(ic1) < 1e-20) ic1 = 0;
        if (Math.Abs(ic2) < 1e-20) ic2 = 0;
        _ic1 = ic1; _ic2 = ic2; _a1 = a1; _a2 = a2; _a3 = a3;
    }

    /// <summary>Stops the ramp where it is (the block was cut short). [audio]</summary>
    public void Hold()
    {
        _d1 = _d2 = _d3 = 0;
    }
}
