using Sideman.Music.Time;

namespace Sideman.Engine.Transport;

/// <summary>
/// Keeps a trustworthy musical clock from whatever the host sends each block. Fills in missing
/// fields (last known tempo and signature, position extrapolated while playing or derived from the
/// sample position), clamps tempo to 20..999 BPM, ignores NaN and nonsense, and classifies position
/// changes as start, stop, loop or jump so the accompaniment can react. A host seen rounding its musical
/// position to ticks (Ardour 7) is read from its exact sample position instead, so its rounding neither looks
/// like a jump nor makes a bounce depend on where the host's blocks fall. Allocation-free.
/// </summary>
public sealed class TransportClock
{
    public const double MinTempo = 20;
    public const double MaxTempo = 999;
    public const double DefaultTempo = 120;

    private double _sampleRate;
    private TransportState _current;
    private bool _hasPrevious;
    private double _expectedNextPosition;   // where the next block starts, following the cycle's wrap
    private double _expectedLinearPosition; // the same, ignoring the cycle
    private long _expectedHostSamples;      // the host's sample position of the next block, when it gave one
    private bool _hostSamplesKnown;
    private bool _hostRoundsToTicks;        // the host's musical position was seen rounded (Ardour 7)

    public TransportClock(double sampleRate)
    {
        Reset(sampleRate);
    }

    /// <summary>[audio] The transport of the block passed to the latest <see cref="Advance"/>.</summary>
    public TransportState Current => _current;

    /// <summary>[main] Forget everything: back to 120 BPM, 4/4, stopped at 0.</summary>
    public void Reset(double sampleRate)
    {
        _sampleRate = sampleRate > 0 && double.IsFinite(sampleRate) ? sampleRate : 48000;
        _current = new TransportState(false, false, false, DefaultTempo, TimeSignature.FourFour, _sampleRate, 0, 0,
            false, 0, 0, TransportChange.None, 0, 0);
        _hasPrevious = false;
        _expectedNextPosition = 0;
        _expectedLinearPosition = 0;
        _expectedHostSamples = 0;
        _hostSamplesKnown = false;
        _hostRoundsToTicks = false;
    }

    /// <summary>[audio] Takes the host's transport for a block of <paramref name="sampleCount"/> samples.</summary>
    public void Advance(in TransportInfo host, int sampleCount)
    {
        TransportState previous = _current;
        bool present = host.Has(TransportFlags.Present);

        double tempo = previous.Tempo;
        if (present && host.Has(TransportFlags.TempoValid) && double.IsFinite(host.Tempo) && host.Tempo > 0)
            tempo = Math.Clamp(host.Tempo, MinTempo, MaxTempo);

        TimeSignature signature = previous.Signature;
        if (present && host.Has(TransportFlags.TimeSignatureValid)
            && TimeSignature.IsValid(host.TimeSignatureNumerator, host.TimeSignatureDenominator))
            signature = new TimeSignature(host.TimeSignatureNumerator, host.TimeSignatureDenominator);

        bool playing = present && host.Has(TransportFlags.Playing); // no context at all: treat as stopped
        bool recording = present && host.Has(TransportFlags.Recording);
        double samplesPerQuarter = _sampleRate * 60.0 / tempo;

        double position;
        if (present && host.Has(TransportFlags.ProjectTimeMusicValid) && IsSanePosition(host.ProjectTimeMusic))
            position = host.ProjectTimeMusic;
        else if (_hasPrevious && (previous.IsPlaying || !present))
            position = _expectedNextPosition;
        else if (present && host.ProjectTimeSamples != 0)
            position = host.ProjectTimeSamples / samplesPerQuarter;
        else
            position = _hasPrevious ? _expectedNextPosition : 0;
        if (!IsSanePosition(position))
            position = 0;
        bool hostMusic = present && host.Has(TransportFlags.ProjectTimeMusicValid) && IsSanePosition(host.ProjectTimeMusic);
        bool samplesRanOn = hostMusic && playing && previous.IsPlaying && _hostSamplesKnown && host.ProjectTimeSamples == _expectedHostSamples;
        double fromSamples = host.ProjectTimeSamples / samplesPerQuarter;
        // Rounding shows against the samples at this tempo (from the first block on, where the song kept its tempo), or,
        // where the samples ran on exactly, against our own count (an exact host's position always runs on with it).
        // A host whose sample position is offset from its musical one by between a sample and two ticks may be taken
        // for one that rounds: it then plays that offset away from its musical position, steadily.
        if (hostMusic && !_hostRoundsToTicks)
            _hostRoundsToTicks = ShowsRounding(position, fromSamples, samplesPerQuarter)
                || (samplesRanOn && ShowsRounding(position, _expectedLinearPosition, samplesPerQuarter));
        // A host that rounds: where its sample position agrees with its musical one at this tempo (a song that kept its
        // tempo from the start, the common case), the samples give the exact position, so where its blocks start
        // changes nothing. Otherwise (the tempo changed earlier), while its samples run on exactly from the last block
        // and its musical position is within its rounding of ours, the transport ran on and our own count is the
        // better position; read naively, that would be a jump of a few samples.
        bool exact = _hostRoundsToTicks && Math.Abs(fromSamples - position) <= HostRoundingQuarters;
        if (exact)
            position = fromSamples;
        bool ranOn = _hostRoundsToTicks && !exact && samplesRanOn && Math.Abs(position - _expectedLinearPosition) <= HostRoundingQuarters;
        if (ranOn)
            position = _expectedLinearPosition;

        double barLength = signature.QuarterNotesPerBar;
        double barStart;
        if (present && host.Has(TransportFlags.BarPositionValid) && IsSanePosition(host.BarPositionMusic)
            && host.BarPositionMusic <= position + 1e-6 && position - host.BarPositionMusic < barLength + 1e-6)
            barStart = host.BarPositionMusic;
        else
            barStart = Math.Floor(position / barLength + 1e-9) * barLength;

        bool cycleActive = present && host.Has(TransportFlags.CycleActive) && host.Has(TransportFlags.CycleValid)
            && IsSanePosition(host.CycleStartMusic) && IsSanePosition(host.CycleEndMusic)
            && host.CycleEndMusic > host.CycleStartMusic;
        double cycleStart = cycleActive ? host.CycleStartMusic : 0;
        double cycleEnd = cycleActive ? host.CycleEndMusic : 0;

        TransportChange change = ranOn ? TransportChange.None
            : Classify(previous, playing, position, samplesPerQuarter, cycleActive, cycleStart, cycleEnd);
        long blockStart = _hasPrevious ? previous.BlockStartSample + previous.SampleCount : 0;

        _current = new TransportState(present, playing, recording, tempo, signature, _sampleRate, position, barStart,
            cycleActive, cycleStart, cycleEnd, change, blockStart, Math.Max(0, sampleCount));
        _expectedNextPosition = playing ? _current.PositionAt(Math.Max(0, sampleCount)) : position;
        _expectedLinearPosition = playing ? position + Math.Max(0, sampleCount) / samplesPerQuarter : position;
        _hasPrevious = true;
        _hostSamplesKnown = hostMusic;
        _expectedHostSamples = host.ProjectTimeSamples + Math.Max(0, sampleCount);
    }

    /// <summary>
    /// How far a host's musical position may be rounded: Ardour 7 gives it in ticks of 1/1920 quarter (12.5 samples at
    /// 120 BPM and 48 kHz), so it wobbles against the sample clock from block to block. Two ticks, with room to spare.
    /// </summary>
    private const double HostRoundingQuarters = 2.0 / TicksPerQuarter;

    /// <summary>Ardour's ticks per quarter; coarser grids (960, 480 ...) lie on it too.</summary>
    private const double TicksPerQuarter = 1920;

    /// <summary>
    /// Whether a host's musical position looks rounded to its ticks: on the grid of <see cref="TicksPerQuarter"/>, more
    /// than a sample but at most <see cref="HostRoundingQuarters"/> from <paramref name="reference"/> (where its samples
    /// or our own count put it).
    /// </summary>
    private static bool ShowsRounding(double hostPosition, double reference, double samplesPerQuarter)
    {
        double gap = Math.Abs(hostPosition - reference);
        double ticks = hostPosition * TicksPerQuarter;
        return gap > 1.0 / samplesPerQuarter && gap <= HostRoundingQuarters && Math.Abs(ticks - Math.Round(ticks)) < 1e-6;
    }

    private TransportChange Classify(in TransportState previous, bool playing, double position, double samplesPerQuarter,
        bool cycleActive, double cycleStart, double cycleEnd)
    {
        if (!_hasPrevious)
            return playing ? TransportChange.Started : TransportChange.None;
        if (playing && !previous.IsPlaying)
            return TransportChange.Started;
        if (!playing && previous.IsPlaying)
            return TransportChange.Stopped;

        // Hosts round positions to samples; allow a couple of samples of slack.
        double tolerance = 2.0 / samplesPerQuarter + 1e-9;
        if (Math.Abs(position - _expectedLinearPosition) <= tolerance)
            return TransportChange.None;
        bool cycle = cycleActive || previous.CycleActive;
        double start = cycleActive ? cycleStart : previous.CycleStartQuarters;
        double end = cycleActive ? cycleEnd : previous.CycleEndQuarters;
        if (playing && cycle && _expectedLinearPosition >= end - tolerance)
        {
            // Wrapped at or inside the previous block: we land past the cycle start by the overshoot.
            double wrapped = start + Math.Max(0, _expectedLinearPosition - end) % (end - start);
            if (Math.Abs(position - wrapped) <= tolerance || Math.Abs(position - start) <= tolerance)
                return TransportChange.Looped;
        }
        return TransportChange.Jumped;
    }

    // Song positions beyond ~10^7 quarters (years at 999 BPM) are nonsense, not music.
    private static bool IsSanePosition(double quarters) => double.IsFinite(quarters) && Math.Abs(quarters) < 1e7;
}
