namespace Sideman.Synth.SoundFont;

/// <summary>
/// A SF2 LFO (generators 21..24): silent for its delay, then a triangle from 0 rising to +1,
/// down to -1 and back, at a frequency given in absolute cents.
/// </summary>
internal sealed class Lfo
{
    private double _delayLeft;
    private double _phase;
    private double _increment;

    public double Value { get; private set; }

    public void Start(double delaySamples, double frequencyHz, double sampleRate)
    {
        _delayLeft = delaySamples;
        _phase = 0;
        _increment = frequencyHz / sampleRate;
        Value = 0;
    }

    public void Advance(double samples)
    {
        if (_delayLeft > 0)
        {
            if (samples <= _delayLeft) { _delayLeft -= samples; return; }
            samples -= _delayLeft;
            _delayLeft = 0;
        }
        _phase += samples * _increment;
        _phase -= Math.Floor(_phase);
        Value = Triangle(_phase);
    }

    private static double Triangle(double phase) =>
        phase < 0.25 ? 4 * phase : phase < 0.75 ? 2 - 4 * phase : 4 * phase - 4;
}
