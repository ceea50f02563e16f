using Sideman.Engine.Band;
using Sideman.Engine.Live;
using Sideman.Engine.Parameters;
using Sideman.Engine.Processing;
using Sideman.Engine.State;
using Sideman.Engine.Transport;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine;

/// <summary>
/// The real-time heart of Sideman, free of any host API. Each <see cref="Process"/> call merges the
/// block's notes, parameter points and band events in time order and renders the audio between
/// them, so every event lands on its exact sample. Output: the main mix (the player's monitor sound
/// plus the five band parts) and one stem per part on its own bus; the stems sum exactly to the
/// main mix when the monitor is silent. Settings, banks and the performer arrive as immutable
/// objects through one atomic exchange each. Nothing on the audio path allocates, locks, logs or throws.
/// </summary>
public sealed partial class SidemanEngine
{
    /// <summary>Pitch bend range, up or down.</summary>
    public const double PitchBendSemitones = 2.0;
    /// <summary>Length of volume, pan and mute ramps: short enough to feel instant, long enough not to click.</summary>
    public const double VolumeRampSeconds = 0.005;
    /// <summary>Buses in <see cref="ProcessBlock.Outputs"/>: the main mix, then one per <see cref="BandPart"/>.</summary>
    public const int FirstPartBus = 1;

    private const int Parts = BandSynth.PartCount;

    private readonly ParameterSet _parameters = EngineParameters.All;
    private readonly double[] _plain;
    private readonly double[] _savedForWarmUp;
    /// <summary>Parameter index for each MIDI controller number, or -1.</summary>
    private readonly int[] _controllerTargets = new int[MidiControllers.PitchBend + 1];
    private readonly BandInput _bandInput = new();
    private readonly bool[] _partHasSignal = new bool[Parts];

    private SettingsSnapshot? _pending;
    private PartBanks? _pendingBanks;
    private PartBanks _banks = PartBanks.None;
    private IBandPerformer? _pendingPerformer;
    private IBandPerformer? _performer;
    private bool _performerChanged;
    private IReadOnlyList<StateBlob> _blobs = [];
    private EngineSetup _setup;
    private PlayerMonitor _monitor;
    private BandRenderer _band;
    private GainRamp _masterGain;
    private readonly TransportClock _clock;
    private float[] _left;
    private float[] _right;
    private float[] _masterCurve;
    private bool _mainHasSignal;
    private long _droppedOutEvents;
    private readonly Diagnostics.SidemanLog _log;

    public SidemanEngine(Diagnostics.SidemanLog? log = null)
    {
        _log = log ?? Diagnostics.SidemanLog.Shared;
        _plain = _parameters.CreateDefaultPlainValues();
        _savedForWarmUp = new double[_plain.Length];
        Array.Fill(_controllerTargets, -1);
        foreach (ParameterDefinition d in _parameters.All)
        {
            if (d.MidiController >= 0)
                _controllerTargets[d.MidiController] = d.Index;
        }
        _roles = ParameterRoles.Build(_parameters);
        _setup = EngineSetup.Default;
        _clock = new TransportClock(_setup.SampleRate);
        (_monitor, _band, _masterGain, _left, _right, _masterCurve) = Allocate(_setup);
        ApplyAllParameters();
        _band.Reset();
        _masterGain.Snap();
        Sounds = new SoundLibrary(PublishBanks, log);
    }

    public ParameterSet Parameters => _parameters;
    public EngineSetup Setup => _setup;

    /// <summary>[main] The band's SoundFonts: the bundled bank, the user's file per part, and their status.</summary>
    public SoundLibrary Sounds { get; }

    /// <summary>[audio] The transport of the block being (or last) processed.</summary>
    public TransportState Transport => _clock.Current;

    /// <summary>[any] Notes sounding right now, the player's and the band's (diagnostics, tests, bench).</summary>
    public int ActiveVoiceCount => _monitor.ActiveVoiceCount + _band.ActiveVoiceCount;

    /// <summary>[any] Voices sounding in the band's parts only.</summary>
    public int BandVoiceCount => _band.ActiveVoiceCount;

    /// <summary>[audio] The banks the parts play now (after the last block took any published ones).</summary>
    public PartBanks Banks => _banks;

    /// <summary>[audio] The preset a part plays now, or null while it has no bank (silent).</summary>
    public SoundFontPreset? PartPreset(BandPart part) => _band.PresetOf(part);

    /// <summary>[any] Output MIDI events that did not fit the host's buffer since activation.</summary>
    public long DroppedOutputEvents => Interlocked.Read(ref _droppedOutEvents);

    private long _stormBlocks;
    private readonly long[] _blocksByMode = new long[3];
    private readonly long[] _playingBlocksByMode = new long[3];

    /// <summary>[any] Blocks with samples processed in each <see cref="ProcessMode"/> since activation (diagnostics: how a host bounces).</summary>
    public long BlocksIn(ProcessMode mode) => (uint)mode < (uint)_blocksByMode.Length ? Interlocked.Read(ref _blocksByMode[(int)mode]) : 0;

    /// <summary>[any] Of those, the blocks in which the host's transport was playing.</summary>
    public long PlayingBlocksIn(ProcessMode mode) => (uint)mode < (uint)_playingBlocksByMode.Length ? Interlocked.Read(ref _playingBlocksByMode[(int)mode]) : 0;

    /// <summary>[any] Times the host's song position jumped while playing since activation (a locate, or a host whose
    /// positions do not add up); each makes the band re-enter its bar.</summary>
    public long TransportJumps => Interlocked.Read(ref _transportJumps);
    private long _transportJumps;

    private long _stormNotesDropped;
    private int _noteOnBudget;

    /// <summary>Input note-ons a block plays at least (longer blocks: one per 4 samples); the rest of a storm is passed on unplayed.</summary>
    public const int MinNoteOnsPerBlock = 128;

    /// <summary>[any] Input note-ons not played because their block held more than its budget (see <see cref="MinNoteOnsPerBlock"/>).</summary>
    public long StormNotesDropped => Interlocked.Read(ref _stormNotesDropped);

    /// <summary>[any] Blocks since activation that held so many events that they shared a coarser grid (see <see cref="StormSegments"/>).</summary>
    public long StormBlocks => Interlocked.Read(ref _stormBlocks);

    /// <summary>[any] Band events refused because a block held more than the band input's capacity.</summary>
    public long DroppedBandEvents => _bandInput.Dropped;

    /// <summary>[main] Prepares for a sample rate and block size; allocates. Call while inactive.</summary>
    public void Configure(EngineSetup setup)
    {
        string? problem = setup.Problem;
        if (problem is not null)
            throw new ArgumentOutOfRangeException(nameof(setup), problem);
        _setup = setup;
        (_monitor, _band, _masterGain, _left, _right, _masterCurve) = Allocate(setup);
        _clock.Reset(setup.SampleRate);
        TakePendingBanks();
        UseBanks(_banks);
        ApplyAllParameters();
        _band.Reset();
        _masterGain.Snap();
    }

    /// <summary>[main] Activation and deactivation both take any pending settings and banks and return to silence.</summary>
    public void SetActive(bool active)
    {
        _ = active;
        TakePendingSettings();
        TakePendingBanks();
        TakePendingPerformer();
        ResetPlayback();
    }

    /// <summary>[main] Publishes settings for the audio thread to pick up at its next block, and
    /// restores the user SoundFonts their blobs name (loading happens here, never on the audio thread).</summary>
    public void PublishSettings(SettingsSnapshot settings)
    {
        if (!ReferenceEquals(settings.Parameters, _parameters))
            throw new ArgumentException("Settings were built for a different parameter list.", nameof(settings));
        Sounds.Restore(settings.Blobs);
        RestoreChart(settings.Blobs);
        Interlocked.Exchange(ref _pending, settings);
    }

    /// <summary>[any] Hands the parts new banks; the audio thread takes them at its next block.</summary>
    public void PublishBanks(PartBanks banks)
    {
        ArgumentNullException.ThrowIfNull(banks);
        Interlocked.Exchange(ref _pendingBanks, banks);
    }

    /// <summary>
    /// [main] Installs the performer that writes the parts' notes each block (null: none; the parts
    /// then play only what arrives on their MIDI channels). Taken at the next block.
    /// </summary>
    public void SetPerformer(IBandPerformer? performer)
    {
        Volatile.Write(ref _pendingPerformer, performer);
        Volatile.Write(ref _performerChanged, true);
    }

    /// <summary>[main] The settings as they stand (a published but not yet applied snapshot wins), with
    /// the user SoundFont choices as they are now.</summary>
    public SettingsSnapshot CaptureSettings()
    {
        SettingsSnapshot? pending = Volatile.Read(ref _pending);
        ReadOnlySpan<double> values;
        IReadOnlyList<StateBlob> blobs;
        double[]? live = null;
        if (pending is not null)
        {
            values = pending.PlainValues;
            blobs = pending.Blobs;
        }
        else
        {
            live = new double[_plain.Length];
            for (int i = 0; i < live.Length; i++)
                live[i] = Volatile.Read(ref _plain[i]);
            values = live;
            blobs = Volatile.Read(ref _blobs);
        }
        var merged = new List<StateBlob>(blobs.Count + 1);
        foreach (StateBlob blob in blobs)
        {
            if (blob.Tag != PartSoundFontBlob.Tag && blob.Tag != ChartBlob.Tag)
                merged.Add(blob);
        }
        if (Sounds.CreateBlob() is { } sounds)
            merged.Add(sounds);
        if (ChartStateBlob() is { } chart)
            merged.Add(chart);
        return new SettingsSnapshot(_parameters, values, merged);
    }

    /// <summary>[any] A parameter's current plain value.</summary>
    public double GetPlainValue(ParameterDefinition parameter) => Volatile.Read(ref _plain[parameter.Index]);

    /// <summary>[main] Before warm-up blocks: remember the user's values (a pending state load included)
    /// so warm-up automation leaves no trace.</summary>
    public void BeginWarmUp()
    {
        TakePendingSettings();
        TakePendingBanks();
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
        // Plain reads first: the locked exchanges are only paid when something was published.
        if (Volatile.Read(ref _pending) is not null)
            TakePendingSettings();
        if (Volatile.Read(ref _pendingBanks) is not null)
            TakePendingBanks();
        if (Volatile.Read(ref _performerChanged))
            TakePendingPerformer();

        int n = Math.Max(0, block.SampleCount);
        if (n > 0 && (uint)block.Mode < (uint)_blocksByMode.Length)
        {
            _blocksByMode[(int)block.Mode]++;
            if (block.Transport.Has(TransportFlags.Playing))
                _playingBlocksByMode[(int)block.Mode]++;
        }
        _clock.Advance(block.Transport, n);
        if (_clock.Current.Change == TransportChange.Jumped)
            _transportJumps++;
        if (_clock.Current.Change == TransportChange.Started)
        {
            // A bounce starts wherever the host's pre-roll puts it: the chorus keeps song time, not time since activation.
            double seconds = _clock.Current.PositionQuarters * 60.0 / _clock.Current.Tempo;
            _band.AlignModulation(seconds);
            _monitor.AlignModulation(seconds);
        }
        block.OutEventCount = 0;
        _mainHasSignal = false;
        Array.Clear(_partHasSignal);
        for (int b = FirstPartBus; b < block.Outputs.Length; b++)
        {
            // An active part bus gets every sample written below; anything else is cleared now.
            if (!block.Outputs[b].IsActive || b >= FirstPartBus + Parts)
                BusWriter.Silence(ref block.Outputs[b], block.Format, n);
        }

        // A 0-sample call only flushes parameters: no time passes, so no note can start.
        _bandInput.Begin(n);
        ReadOnlySpan<MidiEvent> events = n > 0 ? block.Events : default;
        ReadOnlySpan<ParameterPoint> points = block.ParameterPoints;
        int e = 0, p = 0, q = 0, cursor = 0;
        if (n > 0 && _performer is not null)
        {
            // Points at the block's first sample take effect before the band reads its settings (they would be the
            // first thing applied anyway): automation written on a bar line shapes that very bar.
            while (p < points.Length && points[p].SampleOffset <= 0)
                ApplyPoint(ref block, points[p++], 0);
            _bandInput.MarkGenerated = true;
            _performer.Perform(new BandBlock(_clock.Current, n, events, _plain, block.Mode, Chart, _triggers), _bandInput);
            _triggers = 0;
            _bandInput.MarkGenerated = false;
        }
        int last = Math.Max(0, n - 1);
        int grain = StormGrain(events, points[p..], n);
        _noteOnBudget = Math.Max(MinNoteOnsPerBlock, n / 4);
        while (true)
        {
            int nextEvent = e < events.Length ? Snap(Math.Clamp(events[e].SampleOffset, cursor, last), grain, last) : int.MaxValue;
            int nextPoint = p < points.Length ? Snap(Math.Clamp(points[p].SampleOffset, cursor, last), grain, last) : int.MaxValue;
            int nextBand = q < _bandInput.Count ? Snap(Math.Max(_bandInput[q].Offset, cursor), grain, last) : int.MaxValue;
            int next = Math.Min(Math.Min(Math.Min(nextEvent, nextPoint), nextBand), n);
            if (next > cursor)
            {
                RenderSegment(ref block, cursor, next - cursor);
                cursor = next;
            }
            if (e >= events.Length && p >= points.Length && q >= _bandInput.Count)
                break;
            // At one sample: parameters first, so a note starting there already hears them; then
            // input (whose part notes join the band events at this sample), then the band.
            while (p < points.Length && Snap(Math.Clamp(points[p].SampleOffset, cursor, last), grain, last) == cursor)
                ApplyPoint(ref block, points[p++], cursor);
            while (e < events.Length && Snap(Math.Clamp(events[e].SampleOffset, cursor, last), grain, last) == cursor)
                HandleEvent(ref block, events[e++], cursor);
            while (q < _bandInput.Count && Snap(Math.Max(_bandInput[q].Offset, cursor), grain, last) == cursor)
            {
                BandEvent bandEvent = _bandInput[q++];
                _band.Apply(bandEvent);
                if (bandEvent.Generated)
                    EmitGenerated(ref block, bandEvent, cursor);
            }
        }
        if (cursor < n)
            RenderSegment(ref block, cursor, n - cursor);

        if (block.Outputs.Length > 0)
            block.Outputs[0].SilenceFlags = _mainHasSignal ? 0 : block.Outputs[0].AllChannelsSilent;
        for (int part = 0; part < Parts && FirstPartBus + part < block.Outputs.Length; part++)
        {
            ref OutputBus bus = ref block.Outputs[FirstPartBus + part];
            if (bus.IsActive)
                bus.SilenceFlags = _partHasSignal[part] ? 0 : bus.AllChannelsSilent;
        }
    }

    /// <summary>
    /// Every event lands on its own sample while a block holds at most <see cref="StormSegments"/> of them; a storm
    /// beyond (a thousand notes in one block) would split rendering at every sample and overrun the period, so its
    /// events then share a grid that keeps the splits within that bound, each moved later by less than the grid.
    /// </summary>
    private int StormGrain(ReadOnlySpan<MidiEvent> events, ReadOnlySpan<ParameterPoint> points, int sampleCount)
    {
        int limit = StormSegments(sampleCount);
        if (events.Length + points.Length + _bandInput.Count <= limit || DistinctTimes(events, points, sampleCount, limit) <= limit)
            return 1;
        _stormBlocks++;
        return Math.Max(1, (sampleCount + limit - 1) / limit);
    }

    /// <summary>How many different samples the block's events fall on (counting stops past <paramref name="limit"/>).</summary>
    private int DistinctTimes(ReadOnlySpan<MidiEvent> events, ReadOnlySpan<ParameterPoint> points, int sampleCount, int limit)
    {
        int last = Math.Max(0, sampleCount - 1);
        int e = 0, p = 0, q = 0, count = 0, previous = -1;
        while (count <= limit)
        {
            int a = e < events.Length ? Math.Clamp(events[e].SampleOffset, 0, last) : int.MaxValue;
            int b = p < points.Length ? Math.Clamp(points[p].SampleOffset, 0, last) : int.MaxValue;
            int c = q < _bandInput.Count ? _bandInput[q].Offset : int.MaxValue;
            int t = Math.Min(a, Math.Min(b, c));
            if (t == int.MaxValue)
                break;
            if (t == a) e++;
            else if (t == b) p++;
            else q++;
            if (t != previous)
            {
                count++;
                previous = t;
            }
        }
        return count;
    }

    /// <summary>Most render splits a block of <paramref name="sampleCount"/> may have: 64, or one per 8 samples in longer blocks.</summary>
    public static int StormSegments(int sampleCount) => Math.Max(MinStormSegments, sampleCount / 8);

    private const int MinStormSegments = 64;

    /// <summary>An event time moved up to the storm grid (unchanged when <paramref name="grain"/> is 1).</summary>
    private static int Snap(int offset, int grain, int last) =>
        grain == 1 ? offset : Math.Min(last, (offset + grain - 1) / grain * grain);

    private void RenderSegment(ref ProcessBlock block, int start, int length)
    {
        while (length > 0)
        {
            int m = Math.Min(length, _left.Length);
            Span<float> left = _left.AsSpan(0, m);
            Span<float> right = _right.AsSpan(0, m);
            Span<float> master = _masterCurve.AsSpan(0, m);
            bool scaled = _masterGain.Fill(master);

            _monitor.Render(left, right);
            if (scaled)
                Scale(left, right, master);

            _band.Render(m);
            for (int part = 0; part < Parts; part++)
            {
                Span<float> stemLeft = _band.StemLeft((BandPart)part);
                Span<float> stemRight = _band.StemRight((BandPart)part);
                if (scaled)
                    Scale(stemLeft, stemRight, master);
                if (!_partHasSignal[part] && HasSignal(stemLeft, stemRight))
                    _partHasSignal[part] = true;
                for (int i = 0; i < m; i++)
                {
                    left[i] += stemLeft[i];
                    right[i] += stemRight[i];
                }
                int busIndex = FirstPartBus + part;
                if (busIndex < block.Outputs.Length && block.Outputs[busIndex].IsActive)
                    BusWriter.WriteStereo(ref block.Outputs[busIndex], block.Format, start, stemLeft, stemRight);
            }

            if (!_mainHasSignal && HasSignal(left, right))
                _mainHasSignal = true;
            if (block.Outputs.Length > 0)
                BusWriter.WriteStereo(ref block.Outputs[0], block.Format, start, left, right);
            start += m;
            length -= m;
        }
    }

    private static bool HasSignal(Span<float> left, Span<float> right) =>
        left.IndexOfAnyExcept(0f) >= 0 || right.IndexOfAnyExcept(0f) >= 0;

    private static void Scale(Span<float> left, Span<float> right, ReadOnlySpan<float> gains)
    {
        for (int i = 0; i < gains.Length; i++)
        {
            left[i] *= gains[i];
            right[i] *= gains[i];
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
        if (_performer is not null && _performer.Consumes(input))
            return; // a keyswitch: it steers the band and is neither heard nor passed on
        if (input.Kind == MidiEventKind.NoteOn && --_noteOnBudget < 0)
        {
            // A storm: starting a voice costs about a microsecond, so past the budget a block plays no more new
            // notes (passed on, counted, never a note-off dropped) and stays within its period.
            _stormNotesDropped++;
            MidiEvent thru = input;
            thru.SampleOffset = offset;
            Emit(ref block, thru);
            return;
        }
        // The parts' MIDI channels play the band; everything else is the player.
        if (!MidiChannelRouting.Route(input, offset, _bandInput) && !HandlePlayerEvent(input))
            return;
        MidiEvent passed = input;
        passed.SampleOffset = offset;
        Emit(ref block, passed);
    }

    /// <summary>The player's own notes and controllers; false for what the engine does not use.</summary>
    private bool HandlePlayerEvent(in MidiEvent input)
    {
        int key = input.Key;
        switch (input.Kind)
        {
            case MidiEventKind.NoteOn:
                if ((uint)key > 127)
                    return false;
                _monitor.NoteOn(key, input.Value, input.Channel, input.NoteId, input.Tuning);
                return true;
            case MidiEventKind.NoteOff:
                if ((uint)key > 127)
                    return false;
                _monitor.NoteOff(key, input.Channel, input.NoteId);
                return true;
            case MidiEventKind.PolyPressure:
                return (uint)key <= 127;
            case MidiEventKind.Controller:
                return HandleController(key, input.Value);
            default:
                return false;
        }
    }

    /// <summary>Controllers that arrive as events (MIDI files, the CLI) drive the same parameters hosts map.</summary>
    private bool HandleController(int controller, float value)
    {
        if (!float.IsFinite(value))
            return false;
        if (controller == MidiControllers.AllNotesOff)
        {
            _monitor.AllNotesOff();
            return true;
        }
        if (controller == MidiControllers.AllSoundOff)
        {
            _monitor.AllSoundOff();
            return true;
        }
        if ((uint)controller >= (uint)_controllerTargets.Length)
            return false;
        int index = _controllerTargets[controller];
        if (index >= 0)
            SetParameter(index, _parameters[index].ToPlain(value));
        return true;
    }

    /// <summary>The band's generated notes go out on the event output too, each part on its own channel.</summary>
    private void EmitGenerated(ref ProcessBlock block, in BandEvent e, int offset)
    {
        int channel = MidiChannelRouting.ChannelOf(e.Part);
        switch (e.Kind)
        {
            case BandEventKind.NoteOn:
                Emit(ref block, MidiEvent.NoteOn(offset, e.Data1, e.Data2 / 127f, channel));
                break;
            case BandEventKind.NoteOff:
                Emit(ref block, MidiEvent.NoteOff(offset, e.Data1, 0f, channel));
                break;
        }
    }

    private void Emit(ref ProcessBlock block, in MidiEvent e)
    {
        if (block.OutEventCount < block.OutEvents.Length)
            block.OutEvents[block.OutEventCount++] = e;
        else
            _droppedOutEvents++;
    }

    /// <param name="played">False for a loaded song: a band action (fill, regenerate) fires only when played or automated.</param>
    private void SetParameter(int index, double plain, bool played = true)
    {
        double old = _plain[index];
        _plain[index] = plain;
        if (played && _roles[index].Kind == ParameterRoleKind.LiveBandTrigger && plain >= 0.5 && old < 0.5)
            _triggers |= 1 << _roles[index].Trigger;
        ApplyParameter(index, plain);
    }

    /// <summary>Rises of the band's momentary actions since the performer last looked (bit per action, see <see cref="BandTriggers"/>).</summary>
    private int _triggers;

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
                SetParameter(i, values[i], played: false);
        }
        Volatile.Write(ref _blobs, settings.Blobs);
    }

    private void TakePendingSettings()
    {
        SettingsSnapshot? incoming = Interlocked.Exchange(ref _pending, null);
        if (incoming is not null)
            ApplySettings(incoming);
    }

    private void TakePendingBanks()
    {
        PartBanks? incoming = Interlocked.Exchange(ref _pendingBanks, null);
        if (incoming is not null)
            UseBanks(incoming);
    }

    private void UseBanks(PartBanks banks)
    {
        _banks = banks;
        _band.SetBanks(banks);
        _monitor.SetBank(banks.Bundled);
    }

    private void TakePendingPerformer()
    {
        Volatile.Write(ref _performerChanged, false);
        _performer = Volatile.Read(ref _pendingPerformer);
    }

    private void ResetPlayback()
    {
        _clock.Reset(_setup.SampleRate);
        _performer?.Reset();
        ApplyAllParameters();
        _monitor.Reset();
        _band.Reset();
        _masterGain.Snap();
        _bandInput.ResetDropped();
        _triggers = 0;
        _stormBlocks = 0;
        Array.Clear(_blocksByMode);
        Array.Clear(_playingBlocksByMode);
        _transportJumps = 0;
        _stormNotesDropped = 0;
        Interlocked.Exchange(ref _droppedOutEvents, 0);
    }

    private static (PlayerMonitor, BandRenderer, GainRamp, float[], float[], float[]) Allocate(EngineSetup setup)
    {
        int scratch = Math.Clamp(setup.MaxBlockSize, 64, EngineSetup.MaxSupportedBlockSize);
        var band = new BandRenderer(setup.SampleRate, scratch, VolumeRampSeconds);
        var monitor = new PlayerMonitor(setup.SampleRate, scratch, VolumeRampSeconds, band.Effects);
        return (monitor, band, new GainRamp(setup.SampleRate, VolumeRampSeconds, 1f), new float[scratch], new float[scratch], new float[scratch]);
    }
}
