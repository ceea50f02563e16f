namespace Sideman.Synth.Basic;

/// <summary>
/// One note of the basic instrument: two slightly detuned band-limited saws, a gentle
/// envelope-swept low-pass, an ADSR, velocity, and constant-power pan by key. Control values
/// (pitch, cutoff) update on the synth's control ticks and glide linearly between them.
/// Above a quarter of the sample rate the saws crossfade to a sine, which has no partials to
/// alias, so even 8 kHz stays clean; at Nyquist the voice falls silent instead of folding.
/// </summary>
internal sealed class BasicVoice
{
    private const double DetuneRatio = 1.0028922878693671; // +5 cents
    private const float OutputGain = 0.2f;
    private const double FilterQ = 0.75;
    private const double FilterEnvelopeSeconds = 0.45;

    private readonly Adsr _envelope = new();
    private readonly SvfLowPass _filter = new();
    private double _sampleRate;

    private double _phase1, _phase2;
    private double _increment1, _increment2;
    private double _incrementStep1, _incrementStep2;
    private float _sineMix;
    private float _levelL, _levelR;
    private float _filterEnvelope;
    private float _fadeGain, _fadeStep;
    private double _baseFrequency;

    public VoiceState State { get; private set; }
    public int Key { get; private set; }
    public int Channel { get; private set; }
    public int NoteId { get; private set; }
    public float Velocity { get; private set; }
    /// <summary>Note-off arrived while the sustain pedal was down; release when the pedal lifts.</summary>
    public bool HeldByPedal { get; set; }
    /// <summary>Start order, for stealing the oldest note.</summary>
    public long StartSerial { get; private set; }
    /// <summary>Current loudness estimate (envelope × fade), for stealing the quietest note.</summary>
    public float Loudness => _envelope.Level * (State == VoiceState.Fading ? _fadeGain : 1f);
    public bool IsSounding => State != VoiceState.Idle;

    public void Configure(double sampleRate, double attackMs, double decayMs, double sustain, double releaseMs)
    {
        _sampleRate = sampleRate;
        _envelope.Configure(sampleRate, attackMs, decayMs, sustain, releaseMs);
    }

    /// <summary>[audio] Starts a note now; control values are set at once for the rest of the tick.</summary>
    public void Start(int key, float velocity, int channel, int noteId, float tuningCents, long serial, double pitchFactor)
    {
        State = VoiceState.Held;
        Key = key;
        Channel = channel;
        NoteId = noteId;
        Velocity = velocity;
        HeldByPedal = false;
        StartSerial = serial;
        _baseFrequency = 440.0 * Math.Pow(2.0, (key - 69 + tuningCents * 0.01) / 12.0);
        _phase1 = 0.0;
        _phase2 = (key * 0.618034) % 1.0; // decorrelate the two saws deterministically
        _filter.Reset();
        _filterEnvelope = 1f;
        _fadeGain = 1f;
        _fadeStep = 0f;

        float gain = OutputGain * (0.1f + 0.9f * velocity * velocity);
        double pan = Math.Clamp((key - 60) / 48.0, -1.0, 1.0) * 0.3;
        double angle = (pan + 1.0) * Math.PI * 0.25;
        _levelL = gain * (float)Math.Cos(angle);
        _levelR = gain * (float)Math.Sin(angle);

        _envelope.Reset();
        _envelope.Start();
        UpdateControl(pitchFactor, 0, glide: false);
    }

    /// <summary>[audio] Key released (or pedal lifted): enter the envelope's release.</summary>
    public void Release()
    {
        if (State == VoiceState.Held)
        {
            State = VoiceState.Released;
            HeldByPedal = false;
            _envelope.Release();
        }
    }

    /// <summary>[audio] Fade to silence over <paramref name="fadeSamples"/> (voice stealing, retrigger).</summary>
    public void FadeOut(int fadeSamples)
    {
        if (State == VoiceState.Idle)
            return;
        if (State != VoiceState.Fading)
            _fadeGain = 1f;
        State = VoiceState.Fading;
        _fadeStep = _fadeGain / Math.Max(1, fadeSamples);
    }

    public void Kill()
    {
        State = VoiceState.Idle;
        _envelope.Reset();
        _filter.Reset();
    }

    /// <summary>[audio] A control tick: new pitch and cutoff targets, reached linearly over <paramref name="tickLength"/> samples.</summary>
    public void UpdateControl(double pitchFactor, int tickLength, bool glide = true)
    {
        double frequency = _baseFrequency * pitchFactor;
        // Capped at Nyquist: beyond it the voice is muted (see Render), and the phase stays in 0..1.
        double dt1 = Math.Min(frequency / _sampleRate, 0.5);
        double dt2 = Math.Min(dt1 * DetuneRatio, 0.5);
        if (glide && tickLength > 0)
        {
            _incrementStep1 = (dt1 - _increment1) / tickLength;
            _incrementStep2 = (dt2 - _increment2) / tickLength;
        }
        else
        {
            _increment1 = dt1;
            _increment2 = dt2;
            _incrementStep1 = 0;
            _incrementStep2 = 0;
        }

        // Saw above fs/10 starts to alias audibly even with PolyBLEP: blend towards a sine by fs/4.
        double mix = (dt2 - 0.1) / 0.15;
        _sineMix = (float)Math.Clamp(mix, 0.0, 1.0);

        double tickSeconds = Math.Max(1, tickLength) / _sampleRate;
        double cutoff = frequency * (1.5 + 3.0 * Velocity) + (600.0 + 5000.0 * Velocity * Velocity) * _filterEnvelope;
        _filter.SetCutoff(cutoff, FilterQ, _sampleRate);
        _filter.FlushDenormals();
        _filterEnvelope *= (float)Math.Exp(-tickSeconds / FilterEnvelopeSeconds);
    }

    /// <summary>[audio] Adds this voice into the buffers. Returns false once the voice has ended.</summary>
    public bool Render(Span<float> left, Span<float> right)
    {
        if (State == VoiceState.Idle)
            return false;
        // At or beyond Nyquist a tone cannot be represented: stay silent rather than fold down.
        bool audible = _increment2 + _incrementStep2 * left.Length < 0.49;
        double p1 = _phase1, p2 = _phase2, inc1 = _increment1, inc2 = _increment2;
        float sineMix = _sineMix, sawMix = 1f - sineMix;
        int n = left.Length;
        for (int i = 0; i < n; i++)
        {
            inc1 += _incrementStep1;
            inc2 += _incrementStep2;
            p1 += inc1;
            if (p1 >= 1.0) p1 -= 1.0;
            p2 += inc2;
            if (p2 >= 1.0) p2 -= 1.0;

            float x;
            if (sineMix == 0f)
                x = (float)(PolyBlep.Saw(p1, inc1) + PolyBlep.Saw(p2, inc2)) * 0.5f;
            else
                x = sawMix * (float)(PolyBlep.Saw(p1, inc1) + PolyBlep.Saw(p2, inc2)) * 0.5f
                    + sineMix * MathF.Sin((float)(p1 * (2.0 * Math.PI)));
            float y = _filter.Process(audible ? x : 0f);

            float amplitude = _envelope.Next();
            if (State == VoiceState.Fading)
            {
                _fadeGain -= _fadeStep;
                if (_fadeGain <= 0f)
                {
                    _fadeGain = 0f;
                    Kill();
                    break;
                }
                amplitude *= _fadeGain;
            }
            else if (!_envelope.IsActive)
            {
                Kill();
                break;
            }
            left[i] += y * amplitude * _levelL;
            right[i] += y * amplitude * _levelR;
        }
        _phase1 = p1;
        _phase2 = p2;
        _increment1 = inc1;
        _increment2 = inc2;
        return State != VoiceState.Idle;
    }
}
