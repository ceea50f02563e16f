namespace Sideman.Synth.Effects;

/// <summary>
/// A stereo send reverb: pre-delay, four series all-pass diffusers, then an 8-line feedback delay
/// network with a Householder mixing matrix, per-line damping and decay gains set from the RT60.
/// All delay memory is allocated in the constructor for the highest sample rate, so changing rate
/// or room size never allocates. Linear and time-invariant, so one instance per part sums to the
/// same result as one shared reverb. Goes idle (and zeroes its state) once its tail has died out,
/// which also keeps denormals out of the feedback loops.
/// </summary>
public sealed class Reverb
{
    public const double MaxSampleRate = 384_000;
    private const int Lines = 8;
    private const double MaxSizeFactor = 1.4;
    private const double PreDelayMs = 12;
    private static readonly double[] LineMs = { 29.7, 37.1, 41.1, 43.7, 53.9, 59.3, 67.9, 73.3 };
    private static readonly double[] DiffuserMs = { 1.3, 2.1, 3.4, 5.5 };
    private static readonly float[] InputSigns = { 1, -1, 1, -1, 1, -1, 1, -1 };
    private static readonly float[] LeftTaps = { 1, 0, 1, 0, -1, 0, 1, 0 };
    private static readonly float[] RightTaps = { 0, 1, 0, -1, 0, 1, 0, 1 };
    private const float DiffuserGain = 0.6f;

    private readonly float[][] _lines = new float[Lines][];
    private readonly int[] _lineLength = new int[Lines];
    private readonly int[] _linePos = new int[Lines];
    private readonly float[] _lineGain = new float[Lines];
    private readonly float[] _damp = new float[Lines];
    private readonly float[] _out = new float[Lines];
    private readonly float[][] _diffusers = new float[DiffuserMs.Length][];
    private readonly int[] _diffLength = new int[DiffuserMs.Length];
    private readonly int[] _diffPos = new int[DiffuserMs.Length];
    private readonly float[] _preDelay;
    private int _preLength, _prePos;

    private double _sampleRate = 48_000;
    private float _room = -1, _damping = -1;
    private float _dampCoeff;
    private double _rt60;
    private long _silentSamples;
    private long _tailSamples;
    private bool _idle = true;

    public Reverb()
    {
        for (int i = 0; i < Lines; i++)
            _lines[i] = new float[(int)Math.Ceiling(LineMs[i] * MaxSizeFactor * MaxSampleRate / 1000) + 2];
        for (int i = 0; i < DiffuserMs.Length; i++)
            _diffusers[i] = new float[(int)Math.Ceiling(DiffuserMs[i] * MaxSampleRate / 1000) + 2];
        _preDelay = new float[(int)Math.Ceiling(PreDelayMs * MaxSampleRate / 1000) + 2];
        SetSampleRate(48_000);
    }

    /// <summary>True while the reverb has nothing to process (no input and no tail).</summary>
    public bool IsIdle => _idle;

    /// <summary>Sets the rate (8 kHz .. 384 kHz) and clears the tail. No allocation. [main]</summary>
    public void SetSampleRate(double sampleRate)
    {
        _sampleRate = Math.Clamp(sampleRate, 1000, MaxSampleRate);
        for (int i = 0; i < DiffuserMs.Length; i++)
            _diffLength[i] = Math.Max(1, (int)Math.Round(DiffuserMs[i] * _sampleRate / 1000));
        _preLength = Math.Max(1, (int)Math.Round(PreDelayMs * _sampleRate / 1000));
        _room = -1;
        Reset();
    }

    /// <summary>Clears all state. [audio]</summary>
    public void Reset()
    {
        foreach (var line in _lines) Array.Clear(line);
        foreach (var d in _diffusers) Array.Clear(d);
        Array.Clear(_preDelay);
        Array.Clear(_damp);
        Array.Clear(_linePos);
        Array.Clear(_diffPos);
        _prePos = 0;
        _silentSamples = 0;
        _idle = true;
    }

    /// <summary>
    /// Adds <paramref name="level"/> × the reverb of the input to the output. Spans share one
    /// length. [audio]
    /// </summary>
    public void Process(ReadOnlySpan<float> inLeft, ReadOnlySpan<float> inRight,
        Span<float> outLeft, Span<float> outRight, EffectSettings settings, float level)
    {
        int n = inLeft.Length;
        if (_idle && IsSilent(inLeft) && IsSilent(inRight)) return;
        UpdateParameters(settings);

        float width = Math.Clamp(settings.Width, 0f, 1f);
        float direct = 0.5f * (1 + width) * level, cross = 0.5f * (1 - width) * level;
        float damp = _dampCoeff;
        const float householder = 2f / Lines;
        for (int i = 0; i < n; i++)
        {
            float x = 0.5f * (inLeft[i] + inRight[i]);
            // The idle decision is made per sample, so it never depends on how blocks are cut.
            if (x == 0)
            {
                if (_idle) continue;
                if (++_silentSamples > _tailSamples)
                {
                    Reset();
                    continue;
                }
            }
            else
            {
                _silentSamples = 0;
                _idle = false;
            }
            x = PreDelayStep(x);
            for (int d = 0; d < _diffusers.Length; d++) x = AllPassStep(d, x);

            float sum = 0;
            for (int l = 0; l < Lines; l++)
            {
                float y = _lines[l][_linePos[l]];
                // One-pole low-pass in the loop: the tail darkens as it decays.
                _damp[l] = y + damp * (_damp[l] - y);
                _out[l] = _damp[l] * _lineGain[l];
                sum += _out[l];
            }
            float feedback = sum * householder;
            float wetL = 0, wetR = 0;
            for (int l = 0; l < Lines; l++)
            {
                var line = _lines[l];
                int p = _linePos[l];
                line[p] = _out[l] - feedback + x * InputSigns[l];
                if (++p >= _lineLength[l]) p = 0;
                _linePos[l] = p;
                wetL += _out[l] * LeftTaps[l];
                wetR += _out[l] * RightTaps[l];
            }
            wetL *= 0.5f;
            wetR *= 0.5f;
            outLeft[i] += direct * wetL + cross * wetR;
            outRight[i] += direct * wetR + cross * wetL;
        }
    }

    private float PreDelayStep(float x)
    {
        float y = _preDelay[_prePos];
        _preDelay[_prePos] = x;
        if (++_prePos >= _preLength) _prePos = 0;
        return y;
    }

    private float AllPassStep(int d, float x)
    {
        var buffer = _diffusers[d];
        int p = _diffPos[d];
        float delayed = buffer[p];
        float v = x + DiffuserGain * delayed;
        buffer[p] = v;
        if (++p >= _diffLength[d]) p = 0;
        _diffPos[d] = p;
        return delayed - DiffuserGain * v;
    }

    private void UpdateParameters(EffectSettings settings)
    {
        float room = Math.Clamp(settings.RoomSize, 0f, 1f);
        float damping = Math.Clamp(settings.Damping, 0f, 1f);
        if (room == _room && damping == _damping) return;
        if (room != _room)
        {
            double size = 0.6 + 0.8 * room;   // 0.6 .. 1.4 × the base line lengths
            for (int l = 0; l < Lines; l++)
            {
                int length = Math.Max(2, (int)Math.Round(LineMs[l] * size * _sampleRate / 1000));
                _lineLength[l] = Math.Min(length, _lines[l].Length);
                if (_linePos[l] >= _lineLength[l]) _linePos[l] = 0;
            }
            _rt60 = 0.3 + 4.7 * room * room;
        }
        _room = room;
        _damping = damping;
        // Damping as a one-pole coefficient whose corner falls from ~16 kHz to ~1.5 kHz; rate-independent.
        double cornerHz = 16000 * Math.Pow(1500.0 / 16000.0, damping);
        _dampCoeff = (float)Math.Exp(-2 * Math.PI * Math.Min(cornerHz, 0.45 * _sampleRate) / _sampleRate);
        for (int l = 0; l < Lines; l++)
            _lineGain[l] = (float)Math.Pow(10, -3.0 * _lineLength[l] / (_rt60 * _sampleRate));
        _tailSamples = (long)((2 * _rt60 + PreDelayMs / 1000 + 0.1) * _sampleRate);
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
