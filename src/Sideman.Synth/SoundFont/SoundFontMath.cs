namespace Sideman.Synth.SoundFont;

/// <summary>Unit conversions from the SF2 spec (section 8.1.1): timecents, cents, centibels.</summary>
public static class SoundFontMath
{
    /// <summary>Absolute cents 0 is this frequency (MIDI key 0, 8.176 Hz).</summary>
    public const double AbsoluteCentsBaseHz = 8.1757989156437;

    /// <summary>Seconds for a timecent value; the spec's -32768 means "instantaneous".</summary>
    public static double TimecentsToSeconds(double timecents) =>
        timecents <= -32768 ? 0 : Math.Pow(2.0, timecents / 1200.0);

    /// <summary>
    /// Seconds for a delay generator (delayVolEnv, delayModEnv, the LFO delays). Their default and
    /// floor, -12000 (about 1 ms), means "no delay": taken literally it would hold every note silent
    /// for 1 ms, longer than a 64-sample host block at 96 kHz, so a note could miss its own block.
    /// </summary>
    public static double DelayTimecentsToSeconds(double timecents) =>
        timecents <= -12000 ? 0 : TimecentsToSeconds(timecents);

    /// <summary>Hertz for an absolute-cents value (filter cutoff, LFO frequency).</summary>
    public static double AbsoluteCentsToHz(double cents) => AbsoluteCentsBaseHz * Math.Pow(2.0, cents / 1200.0);

    /// <summary>Amplitude factor for an attenuation in centibels (200 cB = a factor of 10).</summary>
    public static double CentibelsToGain(double centibels) => Math.Pow(10.0, -centibels / 200.0);

    /// <summary>Attenuation in centibels for an amplitude factor (inverse of <see cref="CentibelsToGain"/>).</summary>
    public static double GainToCentibels(double gain) => gain <= 1e-10 ? 2000 : -200.0 * Math.Log10(gain);

    /// <summary>Frequency ratio for a pitch shift in cents.</summary>
    public static double CentsToRatio(double cents) => Math.Pow(2.0, cents / 1200.0);
}
