namespace Sideman.Synth.Effects;

/// <summary>
/// A stereo send chorus: three delay taps per side around 15 ms, each swept by a triangle LFO
/// with its own phase, read with linear interpolation. Delay memory is allocated in the
/// constructor for the highest sample rate. No feedback, so nothing can build up; it goes idle
/// once its delay line has emptied, and its LFO keeps time while idle so every instance stays in
/// phase with the others.
/// </summary>
public sealed class Chorus
{
    public const double MaxSampleRate = 384_000;
    private const double BaseDelayMs = 15;
    private const double MaxDepthMs = 4;
    private const int Taps = 3;

    private readonly float[] _left;
    private readonly float[] _right;
    private int _length;
    private int _writePos;
    private double _sampleRate = 48_000;
    private double _phase;
    private long _silentSamples;
    private bool _idle = true;

    public Chorus()
    {
        int size = (int)Math.Ceiling((BaseDelayMs + MaxDepthMs) * MaxSampleRate / 1000) + 4;
        _left = new float[size];
        _right = new float[size];
        SetSampleRate(48_000);
    }

    public bool IsIdle => _idle;

    /// <summary>Sets the rate (8 kHz .. 384 kHz) and clears the line. No allocation. [main]</summary>
    public void SetSampleRate(double sampleRate)
    {
        _sampleRate = Math.Clamp(sampleRate, 1000, MaxSampleRate);
        _length = Math.Min(_left.Length, (int)Math.Ceiling((BaseDelayMs + MaxDepthMs) * _sampleRate / 1000) + 4);
        Reset();
    }

    public void Reset()
    {
        ClearLine();
        _phase = 0;
    }

    /// <summary>
    /// Sets the LFO to where it would be <paramref name="seconds"/> of song time after the song's start, so a bounce's
    /// chorus does not depend on how long the host ran before it (Ardour's export pre-roll varies by a few samples). [audio]
    /// </summary>
    public void AlignTo(double seconds, EffectSettings settings)
    {
        double cycles = double.IsFinite(seconds) ? seconds * RateOf(settings) : 0;
        double phase = cycles - Math.Floor(cycles);
        _phase = phase is >= 0 and < 1 ? phase : 0;
    }

    /// <summary>The LFO's rate in Hz: the setting, within what the chorus supports.</summary>
    private static double RateOf(EffectSettings settings) => Math.Clamp(settings.ChorusRate, 0.05f, 5f);

    /// <summary>Adds <paramref name="level"/> × the chorus of the input to the output. [audio]</summary>
    public void Process(ReadOnlySpan<float> inLeft, ReadOnlySpan<float> inRight,
        Span<float> outLeft, Span<float> outRight, EffectSettings settings, float level)
    {
        int n = inLeft.Length;
        double rate = RateOf(settings);
        double increment = rate / _sampleRate;
        double phase = _phase;
        if (_idle && IsSilent(inLeft) && IsSilent(inRight))
        {
            // Keep time sample by sample so every instance stays in phase whatever the block sizes.
            for (int i = 0; i < n; i++)
            {
                phase += increment;
                if (phase >= 1) phase -= 1;
            }
            _phase = phase;
            return;
        }

        double baseDelay = BaseDelayMs * _sampleRate / 1000;
        double depth = Math.Clamp(settings.ChorusDepth, 0f, 1f) * MaxDepthMs * _sampleRate / 1000;
        float gain = level / Taps;
        for (int i = 0; i < n; i++)
        {
            bool silent = inLeft[i] == 0 && inRight[i] == 0;
            if (silent && (_idle || ++_silentSamples > _length))
            {
                // The line holds only zeros now: output would be exactly zero, so skip the work.
                if (!_idle) ClearLine();
            }
            else
            {
                if (!silent)
                {
                    _silentSamples = 0;
                    _idle = false;
                }
                _left[_writePos] = inLeft[i];
                _right[_writePos] = inRight[i];
                float wetL = 0, wetR = 0;
                for (int t = 0; t < Taps; t++)
                {
                    double tapPhase = phase + t / (double)Taps;
                    wetL += Read(_left, baseDelay + depth * Triangle(tapPhase));
                    wetR += Read(_right, baseDelay + depth * Triangle(tapPhase + 0.5 / Taps));
                }
                outLeft[i] += wetL * gain;
                outRight[i] += wetR * gain;
                if (++_writePos >= _length) _writePos = 0;
            }
            phase += increment;
            if (phase >= 1) phase -= 1;
        }
        _phase = phase;
    }

    private void ClearLine()
    {
        Array.Clear(_left);
        Array.Clear(_right);
        _writePos = 0;
        _silentSamples = 0;
        _idle = true;
    }

    private float Read(float[] line, double delaySamples)
    {
        double readPos = _writePos - delaySamples;
        if (readPos < 0) readPos += _length;
        int i0 = (int)readPos;
        float frac = (float)(readPos - i0);
        int i1 = i0 + 1 >= _length ? 0 : i0 + 1;
        return line[i0] + frac * (line[i1] - line[i0]);
    }

    private static double Triangle(double phase)
    {
        phase -= Math.Floor(phase);
        return phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase;
    }

    private static bool IsSilent(ReadOnlySpan<float> x)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] != 0) return false;
        }
        return true;
    }
}
