using Sideman.Engine.Parameters;

namespace Sideman.Engine.Band;

/// <summary>
/// One part's mixer strip after its instrument: volume, mute and pan as a left and a right gain.
/// A change starts at the very sample it arrives and glides linearly over a few milliseconds, so
/// automation is sample-accurate and never clicks. The glide runs per sample, so output does not
/// depend on how the host cuts blocks. Pan is a balance: the centre leaves the part untouched,
/// moving right lowers the left side along a quarter cosine (-3 dB at half way). [audio]
/// </summary>
internal sealed class PartStrip
{
    private readonly int _rampSamples;
    private double _volumeGain = 1;
    private bool _muted;
    private double _pan;
    private float _left = 1, _right = 1;
    private float _targetLeft = 1, _targetRight = 1;
    private float _stepLeft, _stepRight;
    private int _remaining;

    public PartStrip(double sampleRate, double rampSeconds)
    {
        _rampSamples = Math.Max(1, (int)Math.Round(sampleRate * rampSeconds));
    }

    /// <summary>True while the strip settles at zero on both sides: the part contributes nothing.</summary>
    public bool IsSilent => _remaining == 0 && _left == 0f && _right == 0f;

    public void SetVolume(double db)
    {
        _volumeGain = DecibelScale.ToGain(db);
        Retarget();
    }

    public void SetMute(bool muted)
    {
        _muted = muted;
        Retarget();
    }

    /// <summary><paramref name="pan"/> in -100 (left) .. +100 (right).</summary>
    public void SetPan(double pan)
    {
        _pan = double.IsFinite(pan) ? Math.Clamp(pan / PanScale.Limit, -1, 1) : 0;
        Retarget();
    }

    /// <summary>Jump to the targets (after a reset nothing is playing that could click).</summary>
    public void Snap()
    {
        _left = _targetLeft;
        _right = _targetRight;
        _remaining = 0;
    }

    /// <summary>Scales a stereo stem in place.</summary>
    public void Process(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, right.Length);
        int i = 0;
        for (; i < n && _remaining > 0; i++)
        {
            _remaining--;
            if (_remaining == 0)
            {
                _left = _targetLeft;
                _right = _targetRight;
            }
            else
            {
                _left += _stepLeft;
                _right += _stepRight;
            }
            left[i] *= _left;
            right[i] *= _right;
        }
        if (i == n || (_left == 1f && _right == 1f))
            return;
        float gl = _left, gr = _right;
        for (; i < n; i++)
        {
            left[i] *= gl;
            right[i] *= gr;
        }
    }

    private void Retarget()
    {
        double gain = _muted ? 0 : _volumeGain;
        float targetLeft = (float)(gain * SideGain(_pan));
        float targetRight = (float)(gain * SideGain(-_pan));
        if (targetLeft == _targetLeft && targetRight == _targetRight)
            return;
        _targetLeft = targetLeft;
        _targetRight = targetRight;
        _remaining = _rampSamples;
        _stepLeft = (targetLeft - _left) / _rampSamples;
        _stepRight = (targetRight - _right) / _rampSamples;
    }

    /// <summary>The gain of the left side for a pan position (the right side is the mirror).</summary>
    private static double SideGain(double pan) => pan <= 0 ? 1 : pan >= 1 ? 0 : Math.Cos(pan * Math.PI / 2);
}
