using System.Runtime.InteropServices;
using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Support;

/// <summary>
/// Drives a <see cref="SidemanEngine"/> the way a host would, with no host: native channel buffers,
/// events and parameter points scheduled at absolute samples and cut into blocks of any size.
/// <see cref="Render"/> itself allocates nothing, so allocation tests can wrap it.
/// </summary>
public sealed unsafe class EngineRig : IDisposable
{
    public const int BusCount = 6;
    private const int MaxBlockEvents = 16384;

    private readonly OutputBus[] _buses = new OutputBus[BusCount];
    private readonly void** _channelTable;
    private readonly double*[] _channelMemory = new double*[BusCount * 2];
    private readonly MidiEvent[] _blockEvents = new MidiEvent[MaxBlockEvents];
    private readonly ParameterPoint[] _blockPoints = new ParameterPoint[MaxBlockEvents];
    private readonly MidiEvent[] _outEvents;

    /// <param name="bank">The bundled bank the band and the monitor play (null: none, the parts are silent).</param>
    public EngineRig(double sampleRate, int maxBlockSize, int outEventCapacity = 4096, ProcessMode mode = ProcessMode.Realtime,
        SoundFontBank? bank = null)
    {
        SampleRate = sampleRate;
        MaxBlockSize = maxBlockSize;
        Engine = new SidemanEngine();
        if (bank is not null)
            Engine.Sounds.UseBundled(bank);
        Engine.Configure(new EngineSetup(sampleRate, maxBlockSize, mode));
        Engine.SetActive(true);
        _outEvents = new MidiEvent[outEventCapacity];
        _channelTable = (void**)NativeMemory.AllocZeroed((nuint)(sizeof(void*) * BusCount * 2));
        for (int c = 0; c < BusCount * 2; c++)
        {
            _channelMemory[c] = (double*)NativeMemory.AllocZeroed((nuint)(sizeof(double) * maxBlockSize));
            _channelTable[c] = _channelMemory[c];
        }
        for (int b = 0; b < BusCount; b++)
            _buses[b] = new OutputBus(_channelTable + 2 * b, 2, active: b == 0);
    }

    public SidemanEngine Engine { get; }
    public double SampleRate { get; }
    public int MaxBlockSize { get; }
    public double Tempo { get; set; } = 120;

    /// <summary>Silence flags the engine wrote for each bus in the last block.</summary>
    public ulong SilenceFlags(int bus) => _buses[bus].SilenceFlags;

    /// <summary>Sets whether an aux bus is active (the host's activateBus).</summary>
    public void SetBusActive(int bus, bool active) => _buses[bus] = new OutputBus(_channelTable + 2 * bus, 2, active);

    /// <summary>
    /// Renders <paramref name="left"/>.Length samples in blocks of <paramref name="blockSize"/>.
    /// Events and points must be sorted by absolute sample (their SampleOffset is absolute here).
    /// Output events are written to <paramref name="outEvents"/> with absolute offsets; returns their count.
    /// </summary>
    public int Render(Span<float> left, Span<float> right, int blockSize, ReadOnlySpan<MidiEvent> events,
        ReadOnlySpan<ScheduledPoint> points, SampleFormat format = SampleFormat.Float32, Span<MidiEvent> outEvents = default,
        Span<ulong> mainSilenceFlags = default, long startSample = 0)
    {
        int total = left.Length;
        int e = 0, p = 0, outCount = 0, blockIndex = 0;
        for (int start = 0; start < total; start += blockSize, blockIndex++)
        {
            int n = Math.Min(blockSize, total - start);
            int eventCount = 0, pointCount = 0;
            while (e < events.Length && events[e].SampleOffset < start + n && eventCount < MaxBlockEvents)
            {
                MidiEvent ev = events[e++];
                ev.SampleOffset -= start;
                _blockEvents[eventCount++] = ev;
            }
            while (p < points.Length && points[p].Sample < start + n && pointCount < MaxBlockEvents)
            {
                ScheduledPoint sp = points[p++];
                _blockPoints[pointCount++] = new ParameterPoint(sp.Parameter.Id, (int)(sp.Sample - start), sp.Normalized);
            }
            int got = Process(n, format, _blockEvents.AsSpan(0, eventCount), _blockPoints.AsSpan(0, pointCount), startSample + start);
            for (int i = 0; i < got && outCount < outEvents.Length; i++)
            {
                MidiEvent o = _outEvents[i];
                o.SampleOffset += start;
                outEvents[outCount++] = o;
            }
            if (blockIndex < mainSilenceFlags.Length)
                mainSilenceFlags[blockIndex] = _buses[0].SilenceFlags;
            Collect(0, format, left.Slice(start, n));
            Collect(1, format, right.Slice(start, n));
        }
        return outCount;
    }

    /// <summary>Activates (or deactivates) every part bus, as a host does when the user routes stems.</summary>
    public void SetPartBusesActive(bool active)
    {
        for (int b = 1; b < BusCount; b++)
            SetBusActive(b, active);
    }

    /// <summary>
    /// Renders <paramref name="total"/> samples in blocks of <paramref name="blockSize"/> and keeps every
    /// bus: [bus][channel][sample]. <paramref name="silenceFlags"/>, when given, gets each bus's flags per
    /// block ([bus][block]). Events and points use absolute samples, sorted. Allocates (test side only).
    /// </summary>
    public float[][][] RenderBuses(int total, int blockSize, ReadOnlySpan<MidiEvent> events, ReadOnlySpan<ScheduledPoint> points,
        SampleFormat format = SampleFormat.Float32, ulong[][]? silenceFlags = null, long startSample = 0)
    {
        var output = new float[BusCount][][];
        for (int b = 0; b < BusCount; b++)
            output[b] = [new float[total], new float[total]];
        int e = 0, p = 0, blockIndex = 0;
        for (int start = 0; start < total; start += blockSize, blockIndex++)
        {
            int n = Math.Min(blockSize, total - start);
            int eventCount = 0, pointCount = 0;
            while (e < events.Length && events[e].SampleOffset < start + n && eventCount < MaxBlockEvents)
            {
                MidiEvent ev = events[e++];
                ev.SampleOffset -= start;
                _blockEvents[eventCount++] = ev;
            }
            while (p < points.Length && points[p].Sample < start + n && pointCount < MaxBlockEvents)
            {
                ScheduledPoint sp = points[p++];
                _blockPoints[pointCount++] = new ParameterPoint(sp.Parameter.Id, (int)(sp.Sample - start), sp.Normalized);
            }
            Process(n, format, _blockEvents.AsSpan(0, eventCount), _blockPoints.AsSpan(0, pointCount), startSample + start);
            for (int b = 0; b < BusCount; b++)
            {
                if (silenceFlags is not null && blockIndex < silenceFlags[b].Length)
                    silenceFlags[b][blockIndex] = _buses[b].SilenceFlags;
                for (int c = 0; c < 2; c++)
                {
                    Span<float> destination = output[b][c].AsSpan(start, n);
                    for (int i = 0; i < n; i++)
                        destination[i] = (float)Sample(b, c, i, format);
                }
            }
        }
        return output;
    }

    /// <summary>One block straight through; returns the number of output events (read them with <see cref="OutEvent"/>).</summary>
    public int Process(int sampleCount, SampleFormat format, ReadOnlySpan<MidiEvent> events, ReadOnlySpan<ParameterPoint> points, long startSample = 0)
    {
        // Poison the buffers so a channel the engine forgets to write cannot pass for silence.
        for (int c = 0; c < BusCount * 2; c++)
        {
            if (format == SampleFormat.Float32)
                new Span<float>(_channelMemory[c], sampleCount).Fill(float.NaN);
            else
                new Span<double>(_channelMemory[c], sampleCount).Fill(double.NaN);
        }
        double quarters = startSample / (SampleRate * 60.0 / Tempo);
        var block = new ProcessBlock
        {
            SampleCount = sampleCount,
            Format = format,
            Outputs = _buses,
            Events = events,
            ParameterPoints = points,
            Transport = TransportInfo.Playing(Tempo, quarters, TimeSignature.FourFour, SampleRate),
            OutEvents = _outEvents,
        };
        Engine.Process(ref block);
        return block.OutEventCount;
    }

    public MidiEvent OutEvent(int index) => _outEvents[index];

    /// <summary>A sample the engine wrote to bus/channel in the last block, as double.</summary>
    public double Sample(int bus, int channel, int index, SampleFormat format) =>
        format == SampleFormat.Float32 ? ((float*)_channelMemory[bus * 2 + channel])[index] : _channelMemory[bus * 2 + channel][index];

    private void Collect(int channel, SampleFormat format, Span<float> destination)
    {
        if (format == SampleFormat.Float32)
        {
            new ReadOnlySpan<float>(_channelMemory[channel], destination.Length).CopyTo(destination);
            return;
        }
        double* source = _channelMemory[channel];
        for (int i = 0; i < destination.Length; i++)
            destination[i] = (float)source[i];
    }

    public void Dispose()
    {
        foreach (double* memory in _channelMemory)
            NativeMemory.Free(memory);
        NativeMemory.Free(_channelTable);
    }
}
