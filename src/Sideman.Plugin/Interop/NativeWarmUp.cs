using System.Runtime.InteropServices;
using Sideman.Engine;
using Sideman.Engine.Band;
using Sideman.Engine.Parameters;

namespace Sideman.Plugin.Interop;

/// <summary>
/// Silent warm-up at activation: a few blocks in native memory, through the exported process
/// function itself, exercising notes (past the polyphony, so stealing runs) for the player and on
/// every part's MIDI channel, every parameter, each kind of monitor sound, the pedal, bend, 0- and
/// 1-sample blocks, a looping and a stopped transport and both sample sizes. The live band plays its
/// fixed warm-up bars meanwhile (see LivePerformer.WarmingUp), so its paths are compiled too. The JIT
/// compiles all of it here, on the main thread, instead of in the host's first audio callback.
/// The caller restores the user's settings and silences the voices afterwards.
/// </summary>
internal sealed unsafe class NativeWarmUp : IDisposable
{
    private const int ChannelsPerBus = 2;
    private const int MaxEvents = 160;
    private const int MaxPoints = 512;
    private const int MaxOutEvents = 256;
    private const int Passes = 3;

    private readonly int _blockSize;
    private readonly int _busCount;
    private SmProcessBlock* _block;
    private SmAudioBus* _buses;
    private void** _channels;
    private byte* _audio;
    private SmEvent* _events;
    private SmParamPoint* _points;
    private SmEvent* _outEvents;

    public NativeWarmUp(int maxBlockSize)
    {
        _blockSize = Math.Clamp(maxBlockSize, 1, 8192);
        _busCount = SidemanPlugin.AudioOutputs.Count;
        int channelCount = _busCount * ChannelsPerBus;
        _block = (SmProcessBlock*)NativeMemory.AllocZeroed((nuint)sizeof(SmProcessBlock));
        _buses = (SmAudioBus*)NativeMemory.AllocZeroed((nuint)(sizeof(SmAudioBus) * _busCount));
        _channels = (void**)NativeMemory.AllocZeroed((nuint)(sizeof(void*) * channelCount));
        _audio = (byte*)NativeMemory.AllocZeroed((nuint)(channelCount * _blockSize * sizeof(double)));
        _events = (SmEvent*)NativeMemory.AllocZeroed((nuint)(sizeof(SmEvent) * MaxEvents));
        _points = (SmParamPoint*)NativeMemory.AllocZeroed((nuint)(sizeof(SmParamPoint) * MaxPoints));
        _outEvents = (SmEvent*)NativeMemory.AllocZeroed((nuint)(sizeof(SmEvent) * MaxOutEvents));
        for (int c = 0; c < channelCount; c++)
            _channels[c] = _audio + (long)c * _blockSize * sizeof(double);
        for (int b = 0; b < _busCount; b++)
        {
            _buses[b].ChannelCount = ChannelsPerBus;
            _buses[b].Active = 1;
            _buses[b].Channels = _channels + b * ChannelsPerBus;
        }
    }

    /// <summary>Blocks processed by the last <see cref="Run"/> (for tests and the log).</summary>
    public int BlocksRun { get; private set; }

    /// <summary>[main] Runs the warm-up blocks through the processor behind <paramref name="handle"/>.</summary>
    public void Run(nint handle)
    {
        delegate* unmanaged[Cdecl]<nint, SmProcessBlock*, int> process = BridgeExports.ProcessFunction;
        BlocksRun = 0;
        double position = 0;
        for (int pass = 0; pass < Passes; pass++)
        {
            for (int sampleSize = BridgeAbi.Sample32; sampleSize <= BridgeAbi.Sample64; sampleSize++)
            {
                int last = _blockSize - 1;
                // Chords past the polyphony, all parameters, pedal down.
                int events = 0;
                for (int i = 0; i < 30 && events < MaxEvents; i++)
                    _events[events++] = Note(BridgeAbi.EventNoteOn, (int)((long)last * i / 29), 36 + i * 2, 0.3f + 0.02f * i);
                events = AddPartNotes(events, BridgeAbi.EventNoteOn, last);
                int points = AllParameterPoints(0.6 + 0.1 * pass, last, pass);
                Run(process, handle, sampleSize, _blockSize, events, points, ref position, looping: false);

                // Releases, pedal up, bend and wheel moving.
                events = 0;
                for (int i = 0; i < 30 && events < MaxEvents; i++)
                    _events[events++] = Note(BridgeAbi.EventNoteOff, (int)((long)last * i / 29), 94 - i * 2, 0.5f);
                events = AddPartNotes(events, BridgeAbi.EventNoteOff, last);
                points = AllParameterPoints(0.2, last, pass);
                Run(process, handle, sampleSize, _blockSize, events, points, ref position, looping: true);

                // A parameter flush (0 samples), a 1-sample block, and a plain block with the release tails.
                points = AllParameterPoints(0.5, 0, pass);
                Run(process, handle, sampleSize, 0, 0, points, ref position, looping: true);
                _events[0] = Note(BridgeAbi.EventNoteOn, 0, 60, 0.8f);
                Run(process, handle, sampleSize, 1, 1, 0, ref position, looping: true);
                Run(process, handle, sampleSize, _blockSize, 0, 0, ref position, looping: false);
                // The transport stopped (the band prepares the bar under the playhead) with a chord held.
                events = 0;
                foreach (int key in (ReadOnlySpan<int>)[48, 52, 55])
                    _events[events++] = Note(BridgeAbi.EventNoteOn, 0, key, 0.7f);
                Run(process, handle, sampleSize, _blockSize, events, 0, ref position, looping: false, playing: false);
            }
        }
    }

    private void Run(delegate* unmanaged[Cdecl]<nint, SmProcessBlock*, int> process, nint handle, int sampleSize,
        int samples, int events, int points, ref double position, bool looping, bool playing = true)
    {
        SmProcessBlock* b = _block;
        *b = default;
        b->NumSamples = samples;
        b->SampleSize = sampleSize;
        b->ProcessMode = BridgeAbi.ModeRealtime;
        b->OutputBusCount = _busCount;
        b->Outputs = _buses;
        b->Events = _events;
        b->EventCount = events;
        b->ParamPoints = _points;
        b->ParamPointCount = points;
        b->OutEvents = _outEvents;
        b->OutEventCapacity = MaxOutEvents;
        b->Transport.Flags = BridgeAbi.TransportPresent | (playing ? BridgeAbi.TransportPlaying : 0) | BridgeAbi.TransportTempoValid
            | BridgeAbi.TransportTimeSigValid | BridgeAbi.TransportProjectTimeMusicValid | BridgeAbi.TransportBarPositionValid
            | (looping ? BridgeAbi.TransportCycleActive | BridgeAbi.TransportCycleValid : 0);
        b->Transport.Tempo = 120;
        b->Transport.TimeSigNumerator = 4;
        b->Transport.TimeSigDenominator = 4;
        b->Transport.ProjectTimeMusic = position;
        b->Transport.BarPositionMusic = Math.Floor(position / 4) * 4;
        b->Transport.CycleStartMusic = 0;
        b->Transport.CycleEndMusic = 4;
        position += samples / 24000.0;
        if (position >= 4)
            position = 0;
        process(handle, b);
        BlocksRun++;
    }

    /// <summary>Notes on every part's MIDI channel (channels 2-5 and 10), spread over the block, sorted.</summary>
    private int AddPartNotes(int events, short kind, int last)
    {
        ReadOnlySpan<short> channels = [9, 1, 2, 3, 4];
        for (int i = 0; i < 12 && events < MaxEvents; i++)
        {
            foreach (short channel in channels)
            {
                if (events >= MaxEvents)
                    break;
                SmEvent e = Note(kind, (int)((long)last * i / 11), 36 + i * 3, 0.7f);
                e.Channel = channel;
                _events[events++] = e;
            }
        }
        new Span<SmEvent>(_events, events).Sort((a, b) => a.SampleOffset.CompareTo(b.SampleOffset));
        return events;
    }

    private int AllParameterPoints(double normalized, int last, int pass)
    {
        ParameterSet parameters = SidemanPlugin.Parameters;
        // Each pass starts on another kind of monitor: a bundled sound, the built-in synth, off.
        ParameterDefinition monitor = EngineParameters.MonitorSound;
        int[] monitorSteps = [0, BandPresets.MonitorBasicSynthIndex, BandPresets.MonitorOffIndex];
        double monitorStart = monitor.ToNormalized(monitorSteps[pass % monitorSteps.Length]);
        int count = 0;
        for (int i = 0; i < parameters.Count && count + 2 <= MaxPoints; i++)
        {
            double start = parameters[i] == monitor ? monitorStart : normalized;
            _points[count++] = new SmParamPoint { Id = parameters[i].Id, SampleOffset = 0, Normalized = start };
            _points[count++] = new SmParamPoint { Id = parameters[i].Id, SampleOffset = last, Normalized = 1 - normalized };
        }
        // The ABI promises points sorted by offset.
        new Span<SmParamPoint>(_points, count).Sort((a, b) => a.SampleOffset.CompareTo(b.SampleOffset));
        return count;
    }

    private static SmEvent Note(short kind, int offset, int key, float value) =>
        new() { SampleOffset = offset, Kind = kind, Key = (short)key, Value = value, NoteId = -1 };

    public void Dispose()
    {
        NativeMemory.Free(_block);
        NativeMemory.Free(_buses);
        NativeMemory.Free(_channels);
        NativeMemory.Free(_audio);
        NativeMemory.Free(_events);
        NativeMemory.Free(_points);
        NativeMemory.Free(_outEvents);
        _block = null;
        _buses = null;
        _channels = null;
        _audio = null;
        _events = null;
        _points = null;
        _outEvents = null;
    }
}
