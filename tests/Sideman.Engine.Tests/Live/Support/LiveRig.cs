using System.Runtime.InteropServices;
using Sideman.Engine.Live;
using Sideman.Engine.Parameters;
using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Tests.Live.Support;

/// <summary>
/// Drives an engine with a live band as a host does, with no host: a transport that plays, stops, loops and
/// jumps, player input and parameter changes at absolute samples, any block size, realtime or offline mode.
/// Collects the band's MIDI output (absolute samples) and, when asked, the main mix and the stems.
/// </summary>
public sealed unsafe class LiveRig : IDisposable
{
    public const int Buses = 6;
    private readonly OutputBus[] _buses = new OutputBus[Buses];
    private readonly void** _table;
    private readonly float*[] _memory = new float*[Buses * 2];
    private readonly MidiEvent[] _out = new MidiEvent[16384];
    private readonly MidiEvent[] _blockEvents = new MidiEvent[16384];
    private readonly ParameterPoint[] _blockPoints = new ParameterPoint[4096];
    private readonly List<(long Sample, MidiEvent Event)> _input = [];
    private readonly List<(long Sample, ParameterDefinition Parameter, double Plain)> _points = [];
    private int _nextInput, _nextPoint;

    public LiveRig(IBandComposer composer, double sampleRate = 48000, int maxBlock = 8192, ProcessMode mode = ProcessMode.Offline,
        SoundFontBank? bank = null)
    {
        SampleRate = sampleRate;
        MaxBlock = maxBlock;
        Mode = mode;
        Engine = new SidemanEngine();
        if (bank is not null)
            Engine.Sounds.UseBundled(bank);
        Engine.Configure(new EngineSetup(sampleRate, maxBlock, mode));
        Band = new LiveBand(composer);
        Engine.SetPerformer(Band.Performer);
        Engine.SetActive(true);
        _table = (void**)NativeMemory.AllocZeroed((nuint)(sizeof(void*) * Buses * 2));
        for (int c = 0; c < Buses * 2; c++)
        {
            _memory[c] = (float*)NativeMemory.AllocZeroed((nuint)(sizeof(float) * maxBlock));
            _table[c] = _memory[c];
        }
        for (int b = 0; b < Buses; b++)
            _buses[b] = new OutputBus(_table + 2 * b, 2, active: true);
        _settings = EngineParameters.All.CreateDefaultPlainValues();
        Preset(EngineParameters.Humanize, 0); // exact timing and velocities unless a test asks for scatter
    }

    private readonly double[] _settings;

    /// <summary>Sets a parameter before (or between) renders, as a loaded song does: taken at the next block's start.</summary>
    public void Preset(ParameterDefinition parameter, double plain)
    {
        _settings[parameter.Index] = plain;
        Engine.PublishSettings(new State.SettingsSnapshot(EngineParameters.All, _settings));
    }

    public SidemanEngine Engine { get; }
    public LiveBand Band { get; }
    public double SampleRate { get; }
    public int MaxBlock { get; }
    public ProcessMode Mode { get; set; }
    public double Tempo
    {
        get => _tempo;
        set
        {
            Anchor();
            _tempo = value;
        }
    }

    /// <summary>The metre from now on (set it at a bar line): bars are counted from where it changed, as hosts count them.</summary>
    public TimeSignature Signature
    {
        get => _signature;
        set
        {
            _signature = value;
            _signatureFrom = Position;
        }
    }

    private TimeSignature _signature = TimeSignature.FourFour;
    private double _signatureFrom;

    public bool Playing
    {
        get => _playing;
        set
        {
            Anchor();
            _playing = value;
        }
    }

    /// <summary>Song position of the next block, in quarter notes: counted from samples, as hosts do, so block
    /// slicing never changes it by a rounding error.</summary>
    public double Position
    {
        get => _playing ? _anchorPosition + (Clock - _anchorClock) / SamplesPerQuarter : _anchorPosition;
        set
        {
            _anchorPosition = value;
            _anchorClock = Clock;
        }
    }

    private double _tempo = 120;
    private bool _playing = true;
    private double _anchorPosition;
    private long _anchorClock;

    private void Anchor() => Position = Position;
    public (double Start, double End)? Cycle { get; set; }
    /// <summary>Samples rendered so far (the rig's own clock; input and points are scheduled on it).</summary>
    public long Clock { get; private set; }
    /// <summary>Every MIDI event the engine sent out, at absolute samples (while <see cref="KeepOutput"/>).</summary>
    public List<(long Sample, MidiEvent Event)> Output { get; } = [];

    /// <summary>Off: output events are only counted (<see cref="OutputNoteOns"/>), so rendering allocates nothing here.</summary>
    public bool KeepOutput { get; set; } = true;

    /// <summary>Note-ons the engine sent out on the band's channels, kept or not.</summary>
    public long OutputNoteOns { get; private set; }
    /// <summary>When set, the main mix and the stems are kept here: [bus][channel] lists of samples.</summary>
    public List<float>[][]? Audio { get; private set; }

    public double SamplesPerQuarter => SampleRate * 60.0 / Tempo;

    public void KeepAudio() => Audio = Enumerable.Range(0, Buses).Select(_ => new[] { new List<float>(), new List<float>() }).ToArray();

    /// <summary>A player note (channel 1 by default) at an absolute sample of the rig's clock.</summary>
    public void Note(long sample, int key, int velocity = 100, int channel = 0) =>
        Add(sample, velocity > 0 ? MidiEvent.NoteOn(0, key, velocity / 127f, channel) : MidiEvent.NoteOff(0, key, 0, channel));

    /// <summary>A chord held from <paramref name="from"/> to <paramref name="to"/> (absolute samples).</summary>
    public void Chord(long from, long to, params int[] keys)
    {
        foreach (int k in keys)
            Note(from, k);
        foreach (int k in keys)
            Note(to, k, 0);
    }

    public void Add(long sample, MidiEvent e)
    {
        int i = _input.Count;
        while (i > _nextInput && _input[i - 1].Sample > sample)
            i--;
        _input.Insert(i, (sample, e));
    }

    public void Set(long sample, ParameterDefinition parameter, double plain)
    {
        int i = _points.Count;
        while (i > _nextPoint && _points[i - 1].Sample > sample)
            i--;
        _points.Insert(i, (sample, parameter, plain));
    }

    /// <summary>Renders <paramref name="samples"/> in blocks of <paramref name="block"/>.</summary>
    public void Run(long samples, int block)
    {
        long end = Clock + samples;
        while (Clock < end)
        {
            int n = (int)Math.Min(block, end - Clock);
            Process(n);
        }
    }

    /// <summary>Renders until the song position reaches <paramref name="quarters"/> (playing, no cycle).</summary>
    public void RunTo(double quarters, int block) =>
        Run((long)Math.Ceiling((quarters - Position) * SamplesPerQuarter), block);

    public void Process(int n)
    {
        int events = 0, points = 0;
        while (_nextInput < _input.Count && _input[_nextInput].Sample < Clock + n)
        {
            MidiEvent e = _input[_nextInput].Event;
            e.SampleOffset = (int)Math.Max(0, _input[_nextInput].Sample - Clock);
            _blockEvents[events++] = e;
            _nextInput++;
        }
        while (_nextPoint < _points.Count && _points[_nextPoint].Sample < Clock + n)
        {
            var (sample, parameter, plain) = _points[_nextPoint++];
            _blockPoints[points++] = new ParameterPoint(parameter.Id, (int)Math.Max(0, sample - Clock), parameter.ToNormalized(plain));
        }
        var block = new ProcessBlock
        {
            SampleCount = n,
            Format = SampleFormat.Float32,
            Mode = Mode,
            Outputs = _buses,
            Events = _blockEvents.AsSpan(0, events),
            ParameterPoints = _blockPoints.AsSpan(0, points),
            Transport = Transport(),
            OutEvents = _out,
        };
        Engine.Process(ref block);
        for (int i = 0; i < block.OutEventCount; i++)
        {
            if (_out[i].Kind == MidiEventKind.NoteOn && _out[i].Channel != BandChannels.Player - 1)
                OutputNoteOns++;
            if (KeepOutput)
                Output.Add((Clock + _out[i].SampleOffset, _out[i]));
        }
        if (Audio is not null)
        {
            for (int b = 0; b < Buses; b++)
                for (int c = 0; c < 2; c++)
                    Audio[b][c].AddRange(new ReadOnlySpan<float>(_memory[b * 2 + c], n));
        }
        Clock += n;
        if (Playing && Cycle is { } cycle && Position >= cycle.End)
            Position = cycle.Start + (Position - cycle.End) % (cycle.End - cycle.Start);
    }

    /// <summary>When set, the musical position the host sends is rounded to this many ticks per quarter, as Ardour 7
    /// does (1920); the sample position stays exact.</summary>
    public int? HostTicksPerQuarter { get; set; }

    private TransportInfo Transport()
    {
        TransportInfo t = TransportInfo.Playing(Tempo, Position, Signature, SampleRate);
        if (HostTicksPerQuarter is int ticks)
            t.ProjectTimeMusic = Math.Round(Position * ticks) / ticks;
        double length = Signature.QuarterNotesPerBar;
        t.BarPositionMusic = Position < _signatureFrom ? t.BarPositionMusic
            : _signatureFrom + Math.Floor((Position - _signatureFrom) / length + 1e-9) * length;
        if (!Playing)
            t.Flags &= ~TransportFlags.Playing;
        if (Cycle is { } cycle)
        {
            t.Flags |= TransportFlags.CycleActive | TransportFlags.CycleValid;
            t.CycleStartMusic = cycle.Start;
            t.CycleEndMusic = cycle.End;
        }
        return t;
    }

    /// <summary>Generated note-ons of one part (by its output channel), in time order.</summary>
    public List<(long Sample, int Key, int Velocity)> NotesOn(BandPart part)
    {
        int channel = BandChannelOf(part);
        return Output.Where(o => o.Event.Kind == MidiEventKind.NoteOn && o.Event.Channel == channel)
            .Select(o => (o.Sample, (int)o.Event.Key, (int)Math.Round(o.Event.Value * 127))).ToList();
    }

    public static int BandChannelOf(BandPart part) => Sideman.Engine.Band.MidiChannelRouting.ChannelOf(part);

    /// <summary>Band notes (generated, on the parts' channels) still sounding after all output so far.</summary>
    public int HangingBandNotes() => Hanging().Where(kv => kv.Key != BandChannels.Player - 1).Sum(kv => kv.Value.Count);

    /// <summary>Keys sounding per output channel after all output so far (note-ons without their note-off).</summary>
    public Dictionary<int, HashSet<int>> Hanging()
    {
        var sounding = new Dictionary<int, HashSet<int>>();
        foreach (var (_, e) in Output)
        {
            if (!sounding.TryGetValue(e.Channel, out HashSet<int>? keys))
                sounding[e.Channel] = keys = [];
            if (e.Kind == MidiEventKind.NoteOn)
                keys.Add(e.Key);
            else if (e.Kind == MidiEventKind.NoteOff)
                keys.Remove(e.Key);
        }
        return sounding.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public void Dispose()
    {
        Engine.SetPerformer(null);
        Band.Dispose();
        foreach (float* m in _memory)
            NativeMemory.Free(m);
        NativeMemory.Free(_table);
    }
}
