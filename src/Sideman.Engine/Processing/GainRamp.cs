namespace Sideman.Engine.Processing;

/// <summary>
/// A gain that moves to a new target along a short linear ramp starting at the very sample the
/// change arrives, so volume automation is sample-accurate yet never zips or clicks.
/// </summary>
internal sealed class GainRamp
{
    private readonly int _rampSamples;
    private float _current;
    private float _target;
    private float _step;
    private int _remaining;

    public GainRamp(double sampleRate, double rampSeconds, float initial)
    {
        _rampSamples = Math.Max(1, (int)Math.Round(sampleRate * rampSeconds));
        _current = _target = initial;
    }

    public float Current => _current;

    /// <summary>True when the gain is settled at exactly zero: whatever comes in goes out silent.</summary>
    public bool IsMuted => _remaining == 0 && _current == 0f;

    /// <summary>[audio] Starts a ramp to <paramref name="target"/> at the next processed sample.</summary>
    public void SetTarget(float target)
    {
        if (!float.IsFinite(target) || target < 0f)
            target = 0f;
        if (target == _target)
            return;
        _target = target;
        _remaining = _rampSamples;
        _step = (target - _current) / _rampSamples;
    }

    /// <summary>[main or audio] Jump to the target (after a reset, nothing is playing to click).</summary>
    public void Snap()
    {
        _current = _target;
        _remaining = 0;
    }

    /// <summary>
    /// [audio] Writes the gain of each coming sample into <paramref name="gains"/> and advances, so
    /// several signals can share one ramp. False (nothing written) when the gain stays exactly 1.
    /// </summary>
    public bool Fill(Span<float> gains)
    {
        int i = 0;
        for (; i < gains.Length && _remaining > 0; i++)
        {
            _remaining--;
            _current = _remaining == 0 ? _target : _current + _step;
            gains[i] = _current;
        }
        if (i == 0 && _current == 1f)
            return false;
        gains[i..].Fill(_current);
        return true;
    }

    /// <summary>[audio] Multiplies both buffers in place.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, right.Length);
        int i = 0;
        for (; i < n && _remaining > 0; i++)
        {
            _remaining--;
            _current = _remaining == 0 ? _target : _current + _step;
            left[i] *= _current;
            right[i] *= _current;
        }
        if (i < n && _current != 1f)
        {
            float g = _current;
            for (; i < n; i++)
            {
                left[i] *= g;
                right[i] *= g;
            }
        }
    }
}
