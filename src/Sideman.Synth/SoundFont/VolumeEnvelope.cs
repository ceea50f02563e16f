namespace Sideman.Synth.SoundFont;

/// <summary>
/// The SF2 volume envelope (section 8.1.3, generators 33..40): delay, attack linear in amplitude,
/// hold, then decay and release linear in decibels over a 100 dB span, sustain as attenuation in cB.
/// Advanced at control rate; the voice ramps linearly between control points.
/// </summary>
internal sealed class VolumeEnvelope
{
    private const double FullScaleCb = 1000.0;  // decay/release times are for a 100 dB change
    private const double SilentCb = 960.0;      // below -96 dB a voice is finished

    private enum Stage { Delay, Attack, Hold, Decay, Sustain, Release, Done }

    private Stage _stage;
    private double _time;          // samples spent in the current stage
    private double _delay, _attack, _hold, _decay, _release;
    private double _sustainCb;
    private double _attackStart;   // attack starts from 0 (or from the level a retrigger left)
    private double _levelCb;       // attenuation during decay/sustain/release

    public bool IsDone => _stage == Stage.Done;

    public bool IsReleasing => _stage >= Stage.Release;

    /// <summary>Starts the envelope with times in samples and sustain in cB. [audio]</summary>
    public void Start(double delay, double attack, double hold, double decay, double sustainCb, double release)
    {
        _delay = delay;
        _attack = attack;
        _hold = hold;
        _decay = decay;
        _sustainCb = Math.Clamp(sustainCb, 0, 1440);
        _release = release;
        _stage = Stage.Delay;
        _time = 0;
        _attackStart = 0;
        _levelCb = 0;
    }

    /// <summary>Moves time forward and returns the amplitude (0..1) reached. [audio]</summary>
    public double Advance(double samples)
    {
        while (true)
        {
            switch (_stage)
            {
                case Stage.Delay:
                    if (!Consume(ref samples, _delay)) return 0;
                    _stage = Stage.Attack;
                    break;
                case Stage.Attack:
                    if (!Consume(ref samples, _attack))
                        return _attackStart + (1.0 - _attackStart) * (_time / _attack);
                    _stage = Stage.Hold;
                    break;
                case Stage.Hold:
                    if (!Consume(ref samples, _hold)) return 1.0;
                    _stage = Stage.Decay;
                    _levelCb = 0;
                    break;
                case Stage.Decay:
                {
                    double toSustain = _decay * _sustainCb / FullScaleCb;
                    if (!Consume(ref samples, toSustain))
                    {
                        _levelCb = _decay > 0 ? FullScaleCb * _time / _decay : _sustainCb;
                        return SoundFontMath.CentibelsToGain(_levelCb);
                    }
                    _levelCb = _sustainCb;
                    _stage = _sustainCb >= SilentCb ? Stage.Done : Stage.Sustain;
                    break;
                }
                case Stage.Sustain:
                    return SoundFontMath.CentibelsToGain(_levelCb);
                case Stage.Release:
                {
                    double startCb = _levelCb;
                    double rate = _release > 0 ? FullScaleCb / _release : double.PositiveInfinity;
                    double cb = samples > 0 ? startCb + rate * samples : startCb;
                    _time += samples;
                    if (cb >= SilentCb)
                    {
                        _stage = Stage.Done;
                        return 0;
                    }
                    _levelCb = cb;
                    return SoundFontMath.CentibelsToGain(cb);
                }
                default:
                    return 0;
            }
        }
    }

    /// <summary>Enters release from the amplitude the voice has reached right now. [audio]</summary>
    public void Release(double currentAmplitude) => ReleaseOver(currentAmplitude, _release);

    /// <summary>Releases over a given time (samples per 100 dB): choke and voice stealing. [audio]</summary>
    public void ReleaseOver(double currentAmplitude, double releaseSamples)
    {
        if (_stage == Stage.Done) return;
        _release = releaseSamples;
        _levelCb = SoundFontMath.GainToCentibels(currentAmplitude);
        _stage = _levelCb >= SilentCb ? Stage.Done : Stage.Release;
        _time = 0;
    }

    // Spends up to the rest of this stage; true when the stage completed.
    private bool Consume(ref double samples, double stageLength)
    {
        double left = stageLength - _time;
        if (samples < left)
        {
            _time += samples;
            samples = 0;
            return false;
        }
        samples -= Math.Max(left, 0);
        _time = 0;
        return true;
    }
}
