using Sideman.Synth.Effects;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// One band part (one MIDI channel) playing one SoundFont preset into its own stereo output:
/// voices, controllers, exclusive classes, voice stealing, and the part's own reverb and chorus
/// sends. Queue events with their sample offset inside the next block (NoteOn, NoteOff, ...),
/// then call <see cref="Render"/>; a note at offset N starts at exactly sample N.
/// Output does not depend on how the host cuts blocks. Everything is allocated in the
/// constructor; the [audio] members never allocate, lock or throw for bad MIDI values.
/// </summary>
public sealed class PartSynth
{
    /// <summary>Internal sub-block: scratch buffers and effects work in pieces of at most this many samples.</summary>
    public const int SubBlock = 64;

    private readonly PartSynthOptions _options;
    private readonly SoundFontVoice[] _voices;
    private readonly EventQueue _events;
    private readonly ControllerState _controllers = new();
    private readonly Reverb _reverb = new();
    private readonly Chorus _chorus = new();
    private readonly float[] _reverbLeft = new float[SubBlock];
    private readonly float[] _reverbRight = new float[SubBlock];
    private readonly float[] _chorusLeft = new float[SubBlock];
    private readonly float[] _chorusRight = new float[SubBlock];

    private SoundFontBank? _bank;
    private double _sampleRate = 48_000;
    private long _noteSerial;
    private const int VolumeGlideSamples = 64;
    private float _currentVolume = 1f;
    private float _volumeTarget = 1f;
    private float _volumeStep;
    private int _volumeGlideLeft;

    public PartSynth(PartSynthOptions? options = null, EffectSettings? effects = null)
    {
        _options = options ?? new PartSynthOptions();
        int poolSize = Math.Max(1, _options.MaxPolyphony) + Math.Max(0, _options.FadeReserve);
        _voices = new SoundFontVoice[poolSize];
        for (int i = 0; i < _voices.Length; i++) _voices[i] = new SoundFontVoice();
        _events = new EventQueue(_options.EventCapacity);
        Effects = effects ?? new EffectSettings();
    }

    /// <summary>The shared effect settings (return levels, room, chorus rate). [any]</summary>
    public EffectSettings Effects { get; set; }

    public double SampleRate => _sampleRate;

    /// <summary>The preset now playing (null: silent). [audio]</summary>
    public SoundFontPreset? Preset { get; private set; }

    public SoundFontBank? Bank => _bank;

    /// <summary>Part volume, linear (smoothed per sub-block). [any]</summary>
    public float Volume { get; set; } = 1f;

    /// <summary>This part's reverb send, 0..1, added to each voice's own (zone and CC 91) send. [any]</summary>
    public float ReverbSend { get; set; }

    /// <summary>This part's chorus send, 0..1, added to each voice's own (zone and CC 93) send. [any]</summary>
    public float ChorusSend { get; set; }

    public ControllerState Controllers => _controllers;

    /// <summary>Note-ons dropped because a block held more events than the queue (should stay 0).</summary>
    public int DroppedEvents => _events.Dropped;

    /// <summary>Voices sounding now, including ones in their release or fade. [audio]</summary>
    public int ActiveVoiceCount
    {
        get
        {
            int count = 0;
            foreach (var v in _voices)
            {
                if (v.IsSounding) count++;
            }
            return count;
        }
    }

    /// <summary>Sets the sample rate (8 kHz .. 384 kHz) and silences the part. [main]</summary>
    public void SetSampleRate(double sampleRate)
    {
        _sampleRate = Math.Clamp(sampleRate, 1000, 384_000);
        _reverb.SetSampleRate(_sampleRate);
        _chorus.SetSampleRate(_sampleRate);
        Reset();
    }

    /// <summary>Sets the part's modulation (its chorus) to song time <paramref name="seconds"/>. [audio]</summary>
    public void AlignModulation(double seconds) => _chorus.AlignTo(seconds, Effects);

    /// <summary>Stops every voice, forgets queued events, resets controllers and effect tails. [audio]</summary>
    public void Reset()
    {
        foreach (var v in _voices) v.Stop();
        _events.Clear();
        _controllers.Reset();
        _reverb.Reset();
        _chorus.Reset();
        _currentVolume = _volumeTarget = Math.Max(Volume, 0f);
        _volumeGlideLeft = 0;
    }

    /// <summary>
    /// Uses another bank and selects the preset there (sounding voices finish on the old one).
    /// Returns false when that exact preset is missing and a GM fallback was chosen. [audio]
    /// </summary>
    public bool SetBank(SoundFontBank? bank, int bankNumber, int program)
    {
        _bank = bank;
        return SetPreset(bankNumber, program);
    }

    /// <summary>Selects a preset now. False when it is missing (a GM fallback plays instead). [audio]</summary>
    public bool SetPreset(int bankNumber, int program)
    {
        if (_bank == null)
        {
            Preset = null;
            return false;
        }
        var exact = _bank.Find(bankNumber, program);
        Preset = exact ?? _bank.Resolve(bankNumber, program);
        return exact != null;
    }

    // ---- events (sample offsets are relative to the next Render call) ---------------------------

    /// <summary>Queues a note-on; velocity 0 is a note-off. False if the block's queue is full. [audio]</summary>
    public bool NoteOn(int offset, int key, int velocity) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.NoteOn, key, velocity));

    public void NoteOff(int offset, int key) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.NoteOff, key, 0));

    public void ControlChange(int offset, int controller, int value) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.ControlChange, controller, value));

    /// <summary>MIDI program change, using the bank from CC 0 (and 128 for a percussion part set by SetPreset). [audio]</summary>
    public void ProgramChange(int offset, int program) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.ProgramChange, program, 0));

    /// <summary>Pitch bend, 14-bit (8192 = centre). [audio]</summary>
    public void PitchBend(int offset, int value14) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.PitchBend, value14, 0));

    public void ChannelPressure(int offset, int value) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.ChannelPressure, value, 0));

    public void PolyPressure(int offset, int key, int value) =>
        _events.Add(new PartEvent(Math.Max(offset, 0), PartEventKind.PolyPressure, key, value));

    public void AllNotesOff(int offset) => ControlChange(offset, ControllerState.AllNotesOff, 0);

    public void AllSoundOff(int offset) => ControlChange(offset, ControllerState.AllSoundOff, 0);

    // ---- rendering ---------------------------------------------------------------------------------

    /// <summary>
    /// Renders the block into <paramref name="left"/>/<paramref name="right"/> (overwritten: dry
    /// voices plus this part's reverb and chorus returns, after the part volume), applying the
    /// queued events at their offsets. Events at or past the block's end are applied after it.
    /// [audio]
    /// </summary>
    public void Render(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, right.Length);
        left.Slice(0, n).Clear();
        right.Slice(0, n).Clear();
        int pos = 0, next = 0;
        while (pos < n)
        {
            while (next < _events.Count && _events[next].Offset <= pos) Apply(_events[next++]);
            int end = next < _events.Count ? Math.Min(_events[next].Offset, n) : n;
            end = Math.Min(end, pos + SubBlock);
            RenderSubBlock(left.Slice(pos, end - pos), right.Slice(pos, end - pos));
            pos = end;
        }
        while (next < _events.Count) Apply(_events[next++]);
        _events.Clear();
    }

    private void RenderSubBlock(Span<float> left, Span<float> right)
    {
        int n = left.Length;
        var reverbL = _reverbLeft.AsSpan(0, n);
        var reverbR = _reverbRight.AsSpan(0, n);
        var chorusL = _chorusLeft.AsSpan(0, n);
        var chorusR = _chorusRight.AsSpan(0, n);
        reverbL.Clear();
        reverbR.Clear();
        chorusL.Clear();
        chorusR.Clear();

        float partReverb = Math.Clamp(ReverbSend, 0f, 1f), partChorus = Math.Clamp(ChorusSend, 0f, 1f);
        foreach (var voice in _voices)
        {
            if (voice.IsSounding)
                voice.Render(left, right, reverbL, reverbR, chorusL, chorusR, partReverb, partChorus);
        }

        var fx = Effects;
        _reverb.Process(reverbL, reverbR, left, right, fx, Math.Clamp(fx.ReverbReturn, 0f, 1f));
        _chorus.Process(chorusL, chorusR, left, right, fx, Math.Clamp(fx.ChorusReturn, 0f, 1f));

        ApplyVolume(left, right);
    }

    // Volume changes glide over a fixed number of samples, counted per sample so the result does
    // not depend on block sizes.
    private void ApplyVolume(Span<float> left, Span<float> right)
    {
        float target = Math.Max(Volume, 0f);
        if (target != _volumeTarget)
        {
            _volumeTarget = target;
            _volumeStep = (target - _currentVolume) / VolumeGlideSamples;
            _volumeGlideLeft = VolumeGlideSamples;
        }
        if (_volumeGlideLeft == 0 && _currentVolume == 1f) return;
        float g = _currentVolume;
        for (int i = 0; i < left.Length; i++)
        {
            if (_volumeGlideLeft > 0)
            {
                g = --_volumeGlideLeft == 0 ? _volumeTarget : g + _volumeStep;
            }
            left[i] *= g;
            right[i] *= g;
        }
        _currentVolume = g;
    }

    private void Apply(in PartEvent e)
    {
        switch (e.Kind)
        {
            case PartEventKind.NoteOn:
                if (e.Data2 <= 0) ReleaseKey(e.Data1);
                else StartNote(e.Data1, e.Data2);
                break;
            case PartEventKind.NoteOff:
                ReleaseKey(e.Data1);
                break;
            case PartEventKind.ControlChange:
                ApplyControlChange(e.Data1, e.Data2);
                break;
            case PartEventKind.ProgramChange:
            {
                int bank = _controllers.Controller(ControllerState.BankSelectMsb);
                if (Preset != null && Preset.IsPercussion) bank = SoundFontBank.PercussionBank;
                SetPreset(bank, Math.Clamp(e.Data1, 0, 127));
                break;
            }
            case PartEventKind.PitchBend:
                _controllers.SetPitchBend(e.Data1);
                UpdateVoiceControllers();
                break;
            case PartEventKind.ChannelPressure:
                _controllers.SetChannelPressure(e.Data1);
                UpdateVoiceControllers();
                break;
            case PartEventKind.PolyPressure:
                _controllers.SetPolyPressure(e.Data1, e.Data2);
                UpdateVoiceControllers();
                break;
        }
    }

    private void ApplyControlChange(int controller, int value)
    {
        if ((uint)controller >= 128) return;
        switch (controller)
        {
            case ControllerState.AllSoundOff:
                foreach (var v in _voices) v.Kill(FadeSamples(_options.StealFadeMs));
                return;
            case ControllerState.AllNotesOff:
                foreach (var v in _voices) v.NoteOff();
                return;
            case ControllerState.ResetAllControllers:
                _controllers.ResetControllers();
                ReleaseSustained();
                UpdateVoiceControllers();
                return;
        }
        bool pedalWasDown = _controllers.SustainPedal;
        _controllers.SetController(controller, value);
        if (pedalWasDown && !_controllers.SustainPedal) ReleaseSustained();
        UpdateVoiceControllers();
    }

    private void UpdateVoiceControllers()
    {
        foreach (var v in _voices) v.UpdateControllers(_controllers);
    }

    private void ReleaseSustained()
    {
        foreach (var v in _voices)
        {
            if (v.State == VoiceState.Held && v.Sustained) v.NoteOff();
        }
    }

    private void ReleaseKey(int key)
    {
        bool pedal = _controllers.SustainPedal;
        foreach (var v in _voices)
        {
            if (v.State != VoiceState.Held || v.Note != key) continue;
            if (pedal) v.Sustained = true;
            else v.NoteOff();
        }
    }

    private void StartNote(int key, int velocity)
    {
        var preset = Preset;
        var bank = _bank;
        if (preset == null || bank == null || (uint)key > 127) return;
        velocity = Math.Min(velocity, 127);
        long serial = ++_noteSerial;

        // A repeated key releases the previous strike of that key, as hardware synths do.
        foreach (var v in _voices)
        {
            if (v.State == VoiceState.Held && v.Note == key) v.NoteOff();
        }

        var regions = preset.Regions;
        for (int r = 0; r < regions.Length; r++)
        {
            var region = regions[r];
            if (!region.Contains(key, velocity)) continue;
            int exclusive = region[GeneratorType.ExclusiveClass];
            if (exclusive != 0) Choke(exclusive, serial);
            var voice = Allocate();
            voice.Start(region, bank.SampleData, key, velocity, _controllers, _sampleRate, _options.AttenuationMode, serial,
                (int)FadeSamples(_options.MinNoteMs));
        }
    }

    // A closed hi-hat chokes the open one: voices of the same class from earlier notes fade out fast.
    private void Choke(int exclusiveClass, long serial)
    {
        double fade = FadeSamples(_options.ChokeFadeMs);
        foreach (var v in _voices)
        {
            if (v.IsSounding && v.State != VoiceState.Killed && v.ExclusiveClass == exclusiveClass && v.Order != serial)
                v.Kill(fade);
        }
    }

    private SoundFontVoice Allocate()
    {
        int playing = 0;
        foreach (var v in _voices)
        {
            if (v.State is VoiceState.Held or VoiceState.Released) playing++;
        }
        if (playing >= _options.MaxPolyphony) Steal();

        foreach (var v in _voices)
        {
            if (v.State == VoiceState.Free) return v;
        }
        // Every slot is busy fading: cut the quietest fading voice.
        SoundFontVoice? quietest = null;
        foreach (var v in _voices)
        {
            if (quietest == null || (v.State == VoiceState.Killed && (quietest.State != VoiceState.Killed || v.Loudness < quietest.Loudness)))
                quietest = v;
        }
        quietest!.Stop();
        return quietest;
    }

    // Steals the quietest released voice, or else the oldest held one, with a short fade.
    private void Steal()
    {
        SoundFontVoice? victim = null;
        foreach (var v in _voices)
        {
            if (v.State != VoiceState.Released) continue;
            if (victim == null || v.Loudness < victim.Loudness) victim = v;
        }
        if (victim == null)
        {
            foreach (var v in _voices)
            {
                if (v.State != VoiceState.Held) continue;
                if (victim == null || v.Order < victim.Order) victim = v;
            }
        }
        victim?.Kill(FadeSamples(_options.StealFadeMs));
    }

    private double FadeSamples(double ms) => ms * 0.001 * _sampleRate;
}
