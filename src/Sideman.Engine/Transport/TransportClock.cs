using Sideman.Music.Time;

namespace Sideman.Engine.Transport;

/// <summary>
/// Keeps a trustworthy musical clock from whatever the host sends each block. Fills in missing
/// fields (last known tempo and signature, position extrapolated while playing or derived from the
/// sample position), clamps tempo to 20..999 BPM, ignores NaN and nonsense, and classifies position
/// changes as start, stop, loop or jump so the accompaniment can react. Allocation-free.
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

        TransportChange change = Classify(previous, playing, position, samplesPerQuarter, cycleActive, cycleStart, cycleEnd);
        long blockStart = _hasPrevious ? previous.BlockStartSample + previous.SampleCount : 0;

        _current = new TransportState(present, playing, recording, tempo, signature, _sampleRate, position, barStart,
            cycleActive, cycleStart, cycleEnd, change, blockStart, Math.Max(0, sampleCount));
        _expectedNextPosition = playing ? _current.PositionAt(Math.Max(0, sampleCount)) : position;
        _expectedLinearPosition = playing ? position + Math.Max(0, sampleCount) / samplesPerQuarter : position;
        _hasPrevious = true;
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
