namespace Sideman.Synth.SoundFont;

/// <summary>
/// The SF2 modulation envelope (generators 25..32): a 0..1 control signal, linear in every
/// stage, that drives pitch and filter cutoff.
/// </summary>
internal sealed class ModulationEnvelope
{
    private enum Stage { Delay, Attack, Hold, Decay, Sustain, Release, Done }

    private Stage _stage;
    private double _time;
    private double _delay, _attack, _hold, _decay, _release;
    private double _sustain;
    private double _value;
    private double _releaseFrom;

    /// <summary>The current value, 0..1. [audio]</summary>
    public double Value => _value;

    public void Start(double delay, double attack, double hold, double decay, double sustainPermille, double release)
    {
        _delay = delay;
        _attack = attack;
        _hold = hold;
        _decay = decay;
        _sustain = 1.0 - Math.Clamp(sustainPermille, 0, 1000) / 1000.0;
        _release = release;
        _stage = Stage.Delay;
        _time = 0;
        _value = 0;
    }

    /// <summary>Moves time forward; <see cref="Value"/> then holds the new value. [audio]</summary>
    public void Advance(double samples)
    {
        while (true)
        {
            double left;
            switch (_stage)
            {
                case Stage.Delay:
                    left = _delay - _time;
                    if (samples < left) { _time += samples; _value = 0; return; }
                    samples -= Math.Max(left, 0); _time = 0; _stage = Stage.Attack;
                    break;
                case Stage.Attack:
                    left = _attack - _time;
                    if (samples < left) { _time += samples; _value = _time / _attack; return; }
                    samples -= Math.Max(left, 0); _time = 0; _stage = Stage.Hold; _value = 1;
                    break;
                case Stage.Hold:
                    left = _hold - _time;
                    if (samples < left) { _time += samples; _value = 1; return; }
                    samples -= Math.Max(left, 0); _time = 0; _stage = Stage.Decay;
                    break;
                case Stage.Decay:
                    // The decay time is for a full 1 → 0 swing; it stops at the sustain level.
                    left = _decay * (1.0 - _sustain) - _time;
                    if (samples < left) { _time += samples; _value = 1.0 - _time / _decay; return; }
                    samples -= Math.Max(left, 0); _time = 0; _stage = Stage.Sustain; _value = _sustain;
                    break;
                case Stage.Sustain:
                    _value = _sustain;
                    return;
                case Stage.Release:
                    left = _release * _releaseFrom - _time;
                    if (samples < left) { _time += samples; _value = _releaseFrom - _time / _release; return; }
                    _stage = Stage.Done; _value = 0;
                    return;
                default:
                    _value = 0;
                    return;
            }
        }
    }

    public void Release()
    {
        if (_stage >= Stage.Release) return;
        _releaseFrom = _value;
        _time = 0;
        _stage = _releaseFrom > 0 ? Stage.Release : Stage.Done;
    }
}
