namespace Sideman.Synth.Basic;

/// <summary>
/// Attack-decay-sustain-release amplitude envelope, advanced one sample at a time. Linear attack
/// (starting from the current level, so retriggers never jump), exponential decay and release
/// (release time = time to fall 60 dB). Ends exactly at 0 so voices free cleanly. Runs in double:
/// at 384 kHz a 5 s attack steps by 5e-7 per sample, too fine for float.
/// </summary>
internal sealed class Adsr
{
    private const double SixtyDecibels = -6.907755278982137; // ln(0.001)
    /// <summary>-74 dB: below the voice's noise floor, so stopping here is inaudible.</summary>
    private const double EndLevel = 2e-4;
    /// <summary>Decay counts as done this close to the sustain level.</summary>
    private const double SettledDistance = 1e-5;

    private double _attackStep;
    private double _decayCoefficient;
    private double _sustainLevel;
    private double _releaseCoefficient;
    private double _level;
    private double _decayDistance;

    public EnvelopeStage Stage { get; private set; }
    public float Level => (float)_level;
    public bool IsActive => Stage != EnvelopeStage.Idle;

    /// <summary>[audio] Recomputes rates; keeps the current level and stage.</summary>
    public void Configure(double sampleRate, double attackMs, double decayMs, double sustainLevel, double releaseMs)
    {
        _attackStep = 1.0 / Math.Max(1.0, attackMs * 0.001 * sampleRate);
        _decayCoefficient = Math.Exp(SixtyDecibels / Math.Max(1.0, decayMs * 0.001 * sampleRate));
        _sustainLevel = Math.Clamp(sustainLevel, 0.0, 1.0);
        _releaseCoefficient = Math.Exp(SixtyDecibels / Math.Max(1.0, releaseMs * 0.001 * sampleRate));
        if (Stage == EnvelopeStage.Decay)
            _decayDistance = _level - _sustainLevel;
    }

    public void Start() => Stage = EnvelopeStage.Attack;

    public void Release()
    {
        if (Stage != EnvelopeStage.Idle)
            Stage = EnvelopeStage.Release;
    }

    public void Reset()
    {
        Stage = EnvelopeStage.Idle;
        _level = 0;
    }

    /// <summary>[audio] The level for the next sample.</summary>
    public float Next()
    {
        switch (Stage)
        {
            case EnvelopeStage.Attack:
                _level += _attackStep;
                if (_level >= 1.0)
                {
                    _level = 1.0;
                    _decayDistance = 1.0 - _sustainLevel;
                    Stage = EnvelopeStage.Decay;
                }
                break;
            case EnvelopeStage.Decay:
                // Decays the distance, not the level: a level near sustain would stall on rounding.
                _decayDistance *= _decayCoefficient;
                _level = _sustainLevel + _decayDistance;
                if (Math.Abs(_decayDistance) < SettledDistance)
                {
                    _level = _sustainLevel;
                    Stage = EnvelopeStage.Sustain;
                }
                break;
            case EnvelopeStage.Sustain:
                _level = _sustainLevel;
                break;
            case EnvelopeStage.Release:
                _level *= _releaseCoefficient;
                if (_level < EndLevel)
                {
                    _level = 0;
                    Stage = EnvelopeStage.Idle;
                }
                break;
            default:
                _level = 0;
                break;
        }
        return (float)_level;
    }
}

internal enum EnvelopeStage
{
    Idle,
    Attack,
    Decay,
    Sustain,
    Release,
}
