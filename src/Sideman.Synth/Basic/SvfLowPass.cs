namespace Sideman.Synth.Basic;

/// <summary>
/// Two-pole state-variable low-pass in the trapezoidal (zero-delay feedback) form: stable for
/// any cutoff below Nyquist and any modulation speed, unlike the classic Chamberlin SVF.
/// Coefficients are set per control tick; the filter runs per sample.
/// </summary>
internal sealed class SvfLowPass
{
    private float _a1, _a2, _a3;
    private float _ic1, _ic2;

    /// <summary>[audio] Cutoff is clamped to 20 Hz .. 0.45·fs, where tan() stays well-behaved.</summary>
    public void SetCutoff(double cutoffHz, double resonanceQ, double sampleRate)
    {
        double fc = Math.Clamp(cutoffHz, 20.0, 0.45 * sampleRate);
        double g = Math.Tan(Math.PI * fc / sampleRate);
        double k = 1.0 / resonanceQ;
        double a1 = 1.0 / (1.0 + g * (g + k));
        _a1 = (float)a1;
        _a2 = (float)(g * a1);
        _a3 = (float)(g * g * a1);
    }

    /// <summary>[audio] Zeroes states that decayed into the denormal range (a muted voice feeds zeros),
    /// where x86 arithmetic gets very slow. Called once per control tick: cheaper than per sample.</summary>
    public void FlushDenormals()
    {
        if (MathF.Abs(_ic1) < 1e-20f)
            _ic1 = 0;
        if (MathF.Abs(_ic2) < 1e-20f)
            _ic2 = 0;
    }

    public void Reset()
    {
        _ic1 = 0;
        _ic2 = 0;
    }

    /// <summary>[audio]</summary>
    public float Process(float input)
    {
        float v3 = input - _ic2;
        float v1 = _a1 * _ic1 + _a2 * v3;
        float v2 = _ic2 + _a2 * _ic1 + _a3 * v3;
        _ic1 = 2f * v1 - _ic1;
        _ic2 = 2f * v2 - _ic2;
        return v2;
    }
}
