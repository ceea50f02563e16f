namespace Sideman.Synth.Basic;

/// <summary>
/// Attack-decay-sustain-release amplitude envelope, advanced one sample at a time. Linear attack
/// (starting from the current level, so retriggers never jump), exponential decay and release
/// (release time = time to fall 60 dB). Ends exactly at 0 so voices free cleanly.
/// </summary>
internal sealed class Adsr
{
    private const double SixtyDecibels = -6.907755278982137; // ln(0.001)
    /// <summary>-74 dB: below the voice's noise floor, so stopping here is inaudible.</summary>
    private const float EndLevel = 2e-4f;

    private float _attackStep;
    private float _decayCoefficient;
    private float _sustainLevel;
    private float _releaseCoefficient;

    public EnvelopeStage Stage { get; private set; }
    public float Level { get; private set; }
    public bool IsActive => Stage != EnvelopeStage.Idle;

    /// <summary>[audio] Recomputes rates; keeps the current level and stage.</summary>
    public void Configure(double sampleRate, double attackMs, double decayMs, double sustainLevel, double releaseMs)
    {
        double attackSamples = Math.Max(1.0, attackMs * 0.001 * sampleRate);
        _attackStep = (float)(1.0 / attackSamples);
        _decayCoefficient = (float)Math.Exp(SixtyDecibels / Math.Max(1.0, decayMs * 0.001 * sampleRate));
        _sustainLevel = (float)Math.Clamp(sustainLevel, 0.0, 1.0);
        _releaseCoefficient = (float)Math.Exp(SixtyDecibels / Math.Max(1.0, releaseMs * 0.001 * sampleRate));
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
        Level = 0;
    }

    /// <summary>[audio] The level for the next sample.</summary>
    public float Next()
    {
        float level = Level;
        switch (Stage)
        {
            case EnvelopeStage.Attack:
                level += _attackStep;
                if (level >= 1f)
                {
                    level = 1f;
                    Stage = EnvelopeStage.Decay;
                }
                break;
            case EnvelopeStage.Decay:
                level = _sustainLevel + (level - _sustainLevel) * _decayCoefficient;
                if (level - _sustainLevel < 1e-5f)
                {
                    level = _sustainLevel;
                    Stage = EnvelopeStage.Sustain;
                }
                break;
            case EnvelopeStage.Sustain:
                level = _sustainLevel;
                break;
            case EnvelopeStage.Release:
                level *= _releaseCoefficient;
                if (level < EndLevel)
                {
                    level = 0f;
                    Stage = EnvelopeStage.Idle;
                }
                break;
            default:
                level = 0f;
                break;
        }
        Level = level;
        return level;
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
