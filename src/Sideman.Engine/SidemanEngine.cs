using Sideman.Engine.Parameters;
using Sideman.Engine.Processing;
using Sideman.Engine.State;
using Sideman.Engine.Transport;
using Sideman.Music.Midi;
using Sideman.Synth.Basic;

namespace Sideman.Engine;

/// <summary>
/// The real-time heart of Sideman, free of any host API. Each <see cref="Process"/> call merges the
/// block's notes and parameter points in time order and renders the audio between them, so every
/// event lands on its exact sample. Settings loaded on the main thread arrive as an immutable
/// <see cref="SettingsSnapshot"/> through one atomic exchange. Nothing on the audio path allocates,
/// locks, logs or throws.
/// </summary>
public sealed class SidemanEngine
{
    /// <summary>Pitch bend range, up or down.</summary>
    public const double PitchBendSemitones = 2.0;
    /// <summary>Length of the master volume ramp: short enough to feel instant, long enough not to click.</summary>
    public const double VolumeRampSeconds = 0.005;

    private static readonly int MasterVolumeIndex = EngineParameters.MasterVolume.Index;
    private static readonly int AttackIndex = EngineParameters.SynthAttack.Index;
    private static readonly int ReleaseIndex = EngineParameters.SynthRelease.Index;
    private static readonly int SustainIndex = EngineParameters.SustainPedal.Index;
    private static readonly int ModWheelIndex = EngineParameters.ModWheel.Index;
    private static readonly int PitchBendIndex = EngineParameters.PitchBend.Index;

    private readonly ParameterSet _parameters = EngineParameters.All;
    private readonly double[] _plain;
    private readonly double[] _savedForWarmUp;
    /// <summary>Parameter index for each MIDI controller number, or -1.</summary>
    private readonly int[] _controllerTargets = new int[MidiControllers.PitchBend + 1];

    private SettingsSnapshot? _pending;
    private IReadOnlyList<StateBlob> _blobs = [];
    private EngineSetup _setup;
    private BasicSynth _synth;
    private GainRamp _masterGain;
    private readonly TransportClock _clock;
    private float[] _left;
    private float[] _right;
    private bool _mainHasSignal;
    private long _droppedOutEvents;

    public SidemanEngine()
    {
        _plain = _parameters.CreateDefaultPlainValues();
        _savedForWarmUp = new double[_plain.Length];
        Array.Fill(_controllerTargets, -1);
        foreach (ParameterDefinition d in _parameters.All)
        {
            if (d.MidiController >= 0)
                _controllerTargets[d.MidiController] = d.Index;
        }
        _setup = EngineSetup.Default;
        _clock = new TransportClock(_setup.SampleRate);
        (_synth, _masterGain, _left, _right) = Allocate(_setup);
        ApplyAllParameters();
        _masterGain.Snap();
    }

    public ParameterSet Parameters => _parameters;
    public EngineSetup Setup => _setup;

    /// <summary>[audio] The transport of the block being (or last) processed.</summary>
    public TransportState Transport => _clock.Current;

    /// <summary>[any] Notes sounding right now (diagnostics, tests, bench).</summary>
    public int ActiveVoiceCount => _synth.ActiveVoiceCount;

    /// <summary>[any] Output MIDI events that did not fit the host's buffer since activation.</summary>
    public long DroppedOutputEvents => Interlocked.Read(ref _droppedOutEvents);

    /// <summary>[main] Prepares for a sample rate and block size; allocates. Call while inactive.</summary>
    public void Configure(EngineSetup setup)
    {
        string? problem = setup.Problem;
        if (problem is not null)
            throw new ArgumentOutOfRangeException(nameof(setup), problem);
        _setup = setup;
        (_synth, _masterGain, _left, _right) = Allocate(setup);
        _clock.Reset(setup.SampleRate);
        ApplyAllParameters();
        _masterGain.Snap();
    }

    /// <summary>[main] Activation and deactivation both take any pending settings and return to silence.</summary>
    public void SetActive(bool active)
    {
        _ = active;
        TakePendingSettings();
        ResetPlayback();
    }

    /// <summary>[main] Publishes settings for the audio thread to pick up at its next block.</summary>
    public void PublishSettings(SettingsSnapshot settings)
    {
        if (!ReferenceEquals(settings.Parameters, _parameters))
            throw new ArgumentException("Settings were built for a different parameter list.", nameof(settings));
        Interlocked.Exchange(ref _pending, settings);
    }

    /// <summary>[main] The settings as they stand (a published but not yet applied snapshot wins).</summary>
    public SettingsSnapshot CaptureSettings()
    {
        SettingsSnapshot? pending = Volatile.Read(ref _pending);
        if (pending is not null)
            return pending;
        var values = new double[_plain.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = Volatile.Read(ref _plain[i]);
        return new SettingsSnapshot(_parameters, values, Volatile.Read(ref _blobs));
    }

    /// <summary>[any] A parameter's current plain value.</summary>
    public double GetPlainValue(ParameterDefinition parameter) => Volatile.Read(ref _plain[parameter.Index]);

    /// <summary>[main] Before warm-up blocks: remember the user's values (a pending state load included)
    /// so warm-up automation leaves no trace.</summary>
    public void BeginWarmUp()
    {
        TakePendingSettings();
        _plain.CopyTo(_savedForWarmUp, 0);
    }

    /// <summary>[main] After warm-up blocks: restore the values and start from silence.</summary>
    public void EndWarmUp()
    {
        _savedForWarmUp.CopyTo(_plain, 0);
        ResetPlayback();
    }

    /// <summary>[audio] Renders one block. See <see cref="ProcessBlock"/> for the contract.</summary>
    public void Process(ref ProcessBlock block)
    {
        SettingsSnapshot? incoming = Interlocked.Exchange(ref _pending, null);
        if (incoming is not null)
            ApplySettings(incoming);

        int n = Math.Max(0, block.SampleCount);
        _clock.Advance(block.Transport, n);
        block.OutEventCount = 0;
        _mainHasSignal = false;
        for (int b = 1; b < block.Outputs.Length; b++)
            BusWriter.Silence(ref block.Outputs[b], block.Format, n);

        // A 0-sample call only flushes parameters: no time passes, so no note can start.
        ReadOnlySpan<MidiEvent> events = n > 0 ? block.Events : default;
        ReadOnlySpan<ParameterPoint> points = block.ParameterPoints;
        int last = Math.Max(0, n - 1);
        int e = 0, p = 0, cursor = 0;
        while (true)
        {
            int nextEvent = e < events.Length ? Math.Clamp(events[e].SampleOffset, cursor, last) : int.MaxValue;
            int nextPoint = p < points.Length ? Math.Clamp(points[p].SampleOffset, cursor, last) : int.MaxValue;
            int next = Math.Min(Math.Min(nextEvent, nextPoint), n);
            if (next > cursor)
            {
                RenderSegment(ref block, cursor, next - cursor);
                cursor = next;
            }
            if (e >= events.Length && p >= points.Length)
                break;
            // At one sample: parameters first, so a note starting there already hears them.
            while (p < points.Length && Math.Clamp(points[p].SampleOffset, cursor, last) == cursor)
                ApplyPoint(ref block, points[p++], cursor);
            while (e < events.Length && Math.Clamp(events[e].SampleOffset, cursor, last) == cursor)
                HandleEvent(ref block, events[e++], cursor);
        }
        if (cursor < n)
            RenderSegment(ref block, cursor, n - cursor);

        if (block.Outputs.Length > 0)
            block.Outputs[0].SilenceFlags = _mainHasSignal ? 0 : block.Outputs[0].AllChannelsSilent;
    }

    private void RenderSegment(ref ProcessBlock block, int start, int length)
    {
        while (length > 0)
        {
            int m = Math.Min(length, _left.Length);
            Span<float> left = _left.AsSpan(0, m);
            Span<float> right = _right.AsSpan(0, m);
            _synth.Render(left, right);
            _masterGain.Process(left, right);
            if (!_mainHasSignal && (left.IndexOfAnyExcept(0f) >= 0 || right.IndexOfAnyExcept(0f) >= 0))
                _mainHasSignal = true;
            if (block.Outputs.Length > 0)
                WriteMain(ref block.Outputs[0], block.Format, start, left, right);
            start += m;
            length -= m;
        }
    }

    private static unsafe void WriteMain(ref OutputBus bus, SampleFormat format, int offset, Span<float> left, Span<float> right)
    {
        if (bus.ChannelCount == 1)
        {
            BusWriter.WriteMono(bus.Channel(0), format, offset, left, right);
            return;
        }
        for (int c = 0; c < bus.ChannelCount; c++)
        {
            void* channel = bus.Channel(c);
            if (c == 0)
                BusWriter.Write(channel, format, offset, left);
            else if (c == 1)
                BusWriter.Write(channel, format, offset, right);
            else
                BusWriter.Clear(channel, format, offset, left.Length);
        }
    }

    private void ApplyPoint(ref ProcessBlock block, in ParameterPoint point, int offset)
    {
        if (!_parameters.TryGetIndex(point.Id, out int index) || double.IsNaN(point.Normalized))
            return;
        ParameterDefinition d = _parameters[index];
        SetParameter(index, d.ToPlain(point.Normalized));
        if (d.MidiController >= 0)
            Emit(ref block, MidiEvent.Controller(offset, d.MidiController, (float)Math.Clamp(point.Normalized, 0, 1)));
    }

    private void HandleEvent(ref ProcessBlock block, in MidiEvent input, int offset)
    {
        int key = input.Key;
        int channel = input.Channel;
        switch (input.Kind)
        {
            case MidiEventKind.NoteOn:
                if ((uint)key > 127)
                    return;
                _synth.NoteOn(key, input.Value, channel, input.NoteId, input.Tuning);
                break;
            case MidiEventKind.NoteOff:
                if ((uint)key > 127)
                    return;
                _synth.NoteOff(key, channel, input.NoteId);
                break;
            case MidiEventKind.PolyPressure:
                if ((uint)key > 127)
                    return;
                break;
            case MidiEventKind.Controller:
                if (!HandleController(key, input.Value))
                    return;
                break;
            default:
                return;
        }
        MidiEvent passed = input;
        passed.SampleOffset = offset;
        Emit(ref block, passed);
    }

    /// <summary>Controllers that arrive as events (MIDI files, the CLI) drive the same parameters hosts map.</summary>
    private bool HandleController(int controller, float value)
    {
        if (!float.IsFinite(value))
            return false;
        if (controller == MidiControllers.AllNotesOff)
        {
            _synth.AllNotesOff();
            return true;
        }
        if (controller == MidiControllers.AllSoundOff)
        {
            _synth.AllSoundOff();
            return true;
        }
        if ((uint)controller >= (uint)_controllerTargets.Length)
            return false;
        int index = _controllerTargets[controller];
        if (index >= 0)
            SetParameter(index, _parameters[index].ToPlain(value));
        return true;
    }

    private void Emit(ref ProcessBlock block, in MidiEvent e)
    {
        if (block.OutEventCount < block.OutEvents.Length)
            block.OutEvents[block.OutEventCount++] = e;
        else
            _droppedOutEvents++;
    }

    private void SetParameter(int index, double plain)
    {
        _plain[index] = plain;
        ApplyParameter(index, plain);
    }

    /// <summary>Pushes one parameter's value into the component that uses it.</summary>
    private void ApplyParameter(int index, double plain)
    {
        if (index == MasterVolumeIndex)
            _masterGain.SetTarget((float)DecibelScale.ToGain(plain));
        else if (index == AttackIndex)
            _synth.SetAttack(plain);
        else if (index == ReleaseIndex)
            _synth.SetRelease(plain);
        else if (index == SustainIndex)
            _synth.SetSustainPedal(plain >= 0.5);
        else if (index == ModWheelIndex)
            _synth.SetModulation(plain);
        else if (index == PitchBendIndex)
            _synth.SetPitchBend(plain * PitchBendSemitones);
    }

    private void ApplyAllParameters()
    {
        for (int i = 0; i < _plain.Length; i++)
            ApplyParameter(i, _plain[i]);
    }

    private void ApplySettings(SettingsSnapshot settings)
    {
        ReadOnlySpan<double> values = settings.PlainValues;
        for (int i = 0; i < _plain.Length; i++)
        {
            // Performance controllers (pedal, bend) belong to the player's hands, not to a saved song.
            if (_parameters[i].IsPersisted)
                SetParameter(i, values[i]);
        }
        Volatile.Write(ref _blobs, settings.Blobs);
    }

    private void TakePendingSettings()
    {
        SettingsSnapshot? incoming = Interlocked.Exchange(ref _pending, null);
        if (incoming is not null)
            ApplySettings(incoming);
    }

    private void ResetPlayback()
    {
        _synth.Reset();
        _clock.Reset(_setup.SampleRate);
        ApplyAllParameters();
        _masterGain.Snap();
        Interlocked.Exchange(ref _droppedOutEvents, 0);
    }

    private static (BasicSynth, GainRamp, float[], float[]) Allocate(EngineSetup setup)
    {
        int scratch = Math.Clamp(setup.MaxBlockSize, 64, EngineSetup.MaxSupportedBlockSize);
        return (new BasicSynth(setup.SampleRate), new GainRamp(setup.SampleRate, VolumeRampSeconds, 1f), new float[scratch], new float[scratch]);
    }
}
