using Sideman.Music.Time;

namespace Sideman.Engine.Transport;

/// <summary>
/// The validated transport for one block: every field is usable even when the host supplied
/// nothing (defaults: 120 BPM, 4/4, stopped). Positions are in quarter notes.
/// </summary>
public readonly struct TransportState
{
    internal TransportState(bool hostProvided, bool playing, bool recording, double tempo, TimeSignature signature,
        double sampleRate, double position, double barStart, bool cycleActive, double cycleStart, double cycleEnd,
        TransportChange change, long blockStartSample, int sampleCount)
    {
        HostProvided = hostProvided;
        IsPlaying = playing;
        IsRecording = recording;
        Tempo = tempo;
        Signature = signature;
        SampleRate = sampleRate;
        PositionQuarters = position;
        BarStartQuarters = barStart;
        CycleActive = cycleActive;
        CycleStartQuarters = cycleStart;
        CycleEndQuarters = cycleEnd;
        Change = change;
        BlockStartSample = blockStartSample;
        SampleCount = sampleCount;
    }

    /// <summary>False when the host sent no transport and these values are our own defaults/extrapolation.</summary>
    public bool HostProvided { get; }
    public bool IsPlaying { get; }
    public bool IsRecording { get; }
    /// <summary>Quarter notes per minute, within <see cref="TransportClock.MinTempo"/>..<see cref="TransportClock.MaxTempo"/>.</summary>
    public double Tempo { get; }
    public TimeSignature Signature { get; }
    public double SampleRate { get; }
    /// <summary>Song position at the block's first sample.</summary>
    public double PositionQuarters { get; }
    /// <summary>Start of the bar holding the block's first sample.</summary>
    public double BarStartQuarters { get; }
    /// <summary>True when the host loops a valid range (end after start) and is playing it.</summary>
    public bool CycleActive { get; }
    public double CycleStartQuarters { get; }
    public double CycleEndQuarters { get; }
    public TransportChange Change { get; }
    /// <summary>Samples processed since activation before this block: our own monotonic clock.</summary>
    public long BlockStartSample { get; }
    public int SampleCount { get; }

    public double SamplesPerQuarter => SampleRate * 60.0 / Tempo;
    public double QuarterNotesPerBar => Signature.QuarterNotesPerBar;

    /// <summary>Position within the current bar at the block start, 0 .. bar length.</summary>
    public double PositionInBar => PositionQuarters - BarStartQuarters;

    /// <summary>[audio] Song position at a sample of this block; follows the cycle's wrap while playing.</summary>
    public double PositionAt(int sampleOffset)
    {
        if (!IsPlaying)
            return PositionQuarters;
        double p = PositionQuarters + sampleOffset / SamplesPerQuarter;
        if (CycleActive && PositionQuarters < CycleEndQuarters && p >= CycleEndQuarters)
        {
            double length = CycleEndQuarters - CycleStartQuarters;
            p = CycleStartQuarters + (p - CycleEndQuarters) % length;
        }
        return p;
    }

    /// <summary>[audio] The sample offset in this block where the cycle wraps, or -1 if it does not.</summary>
    public int CycleWrapOffset()
    {
        if (!IsPlaying || !CycleActive || PositionQuarters >= CycleEndQuarters)
            return -1;
        double samples = (CycleEndQuarters - PositionQuarters) * SamplesPerQuarter;
        int offset = (int)Math.Ceiling(samples - 1e-9);
        return offset < SampleCount ? offset : -1;
    }
}
