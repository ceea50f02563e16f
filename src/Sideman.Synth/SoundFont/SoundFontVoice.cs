namespace Sideman.Synth.SoundFont;

/// <summary>Where a voice is in its life.</summary>
internal enum VoiceState
{
    Free,
    /// <summary>The key is down (or the sustain pedal holds it).</summary>
    Held,
    /// <summary>Note-off arrived; the release stage runs.</summary>
    Released,
    /// <summary>Choked by an exclusive class or stolen: a short fade, then free.</summary>
    Killed,
}

/// <summary>
/// One sounding region of one note: sample playback with 4-point interpolation and loop modes,
/// volume and modulation envelopes, two LFOs, the resonant low-pass, attenuation and pan.
/// Parameters move at a fixed control rate (every <see cref="ControlBlock"/> samples, counted from
/// the voice's own start so output never depends on the host's block size) and gains ramp linearly
/// in between. Allocated once in a pool; Start/Render/NoteOff never allocate.
/// </summary>
internal sealed class SoundFontVoice
{
    public const int ControlBlock = 64;
    private const double MaxStep = 512;          // pitch ratio cap (far beyond any musical use)
    private const double ReleaseGainFloor = 1e-5; // -100 dB: a releasing voice below this is done

    private readonly VolumeEnvelope _volEnv = new();
    private readonly ModulationEnvelope _modEnv = new();
    private readonly Lfo _vibLfo = new();
    private readonly Lfo _modLfo = new();
    private readonly ResonantLowPass _filter = new();
    private readonly double[] _gen = new double[GeneratorInfo.Count];
    private readonly float[] _mono = new float[ControlBlock];

    private SoundFontRegion? _region;
    private SampleData? _data;
    private double _sampleRate;
    private AttenuationMode _attenuationMode;
    private int _key;        // key as the region sees it (keynum generator applied)
    private int _velocity;   // velocity as the region sees it (velocity generator applied)

    private double _pos;
    private double _step;
    private int _start, _end, _loopStart, _loopEnd;
    private int _loopMode;
    private bool _looping;
    private bool _wrapped;
    private double _rateRatio;
    private double _pitchFromKey;

    private long _played;            // samples rendered since the note started
    private int _unadvanced;         // samples since the modulation envelope and LFOs last moved
    private int _minNoteSamples;     // a note-off earlier than this waits (zero-length drum hits still sound)
    private bool _releasePending;
    private int _controlRemaining;
    private int _elapsedInBlock;
    private double _blockAmpStart, _blockAmpEnd;
    private bool _endAfterBlock;
    private float _gl, _gr, _dgl, _dgr;

    private double _pitchCents, _attenuationCb, _panLeft, _panRight;
    private double _filterFc, _filterQ, _filterDcGain;
    private bool _filterOn;
    private double _vibToPitch, _modLfoToPitch, _modEnvToPitch, _modLfoToFc, _modEnvToFc, _modLfoToVolume;

    public VoiceState State { get; private set; }

    /// <summary>The MIDI key that started this voice; note-off matches it.</summary>
    public int Note { get; private set; }

    public int ExclusiveClass { get; private set; }

    /// <summary>Start order within the part, for stealing the oldest.</summary>
    public long Order { get; private set; }

    /// <summary>Note-off arrived while the sustain pedal was down.</summary>
    public bool Sustained { get; set; }

    /// <summary>Reverb and chorus send levels, 0..1, from the zone and CC 91/93.</summary>
    public float ReverbSend { get; private set; }

    public float ChorusSend { get; private set; }

    /// <summary>Current output level (sum of both channels' gains), for picking a quiet voice to steal.</summary>
    public float Loudness => Math.Abs(_gl) + Math.Abs(_gr);

    public bool IsSounding => State != VoiceState.Free;

    /// <summary>
    /// Starts the region for a note. Returns false (and stays free) when the region has no
    /// sample points to play. [audio]
    /// </summary>
    public bool Start(SoundFontRegion region, SampleData data, int key, int velocity,
        ControllerState controllers, double sampleRate, AttenuationMode attenuationMode, long order, int minNoteSamples = 0)
    {
        if (data.Length < 2) return false;
        _region = region;
        _data = data;
        _sampleRate = sampleRate;
        _attenuationMode = attenuationMode;
        Note = key;
        Order = order;
        Sustained = false;
        int forcedKey = region[GeneratorType.Keynum];
        int forcedVelocity = region[GeneratorType.Velocity];
        _key = forcedKey >= 0 ? forcedKey : key;
        _velocity = forcedVelocity >= 0 ? forcedVelocity : velocity;
        ExclusiveClass = region[GeneratorType.ExclusiveClass];

        ComputeModulatedGenerators(controllers);
        SetUpAddresses(region, data.Length);

        var sample = region.Sample;
        int root = region[GeneratorType.OverridingRootKey];
        if (root < 0) root = sample.OriginalPitch <= 127 ? sample.OriginalPitch : 60;
        _pitchFromKey = region[GeneratorType.ScaleTuning] * (_key - root) + sample.PitchCorrection;
        _rateRatio = sample.SampleRate / sampleRate;

        StartEnvelopesAndLfos();
        _filterOn = false;
        ApplyLiveParameters();

        _filter.Reset();
        _pos = 0;
        _wrapped = false;
        _controlRemaining = 0;
        _elapsedInBlock = 0;
        _blockAmpStart = _blockAmpEnd = 0;
        _endAfterBlock = false;
        _gl = _gr = _dgl = _dgr = 0;
        _played = 0;
        _unadvanced = 0;
        _minNoteSamples = minNoteSamples;
        _releasePending = false;
        State = VoiceState.Held;
        return true;
    }

    /// <summary>Starts the release stage at this exact sample. [audio]</summary>
    public void NoteOff()
    {
        if (State != VoiceState.Held) return;
        if (_played < _minNoteSamples)
        {
            _releasePending = true;   // released by Render once the minimum length has played
            return;
        }
        Release();
    }

    private void Release()
    {
        _releasePending = false;
        State = VoiceState.Released;
        Sustained = false;
        double amp = CurrentEnvelopeAmplitude();
        _volEnv.Release(amp);
        AdvanceModulators();
        _modEnv.Release();
        if (_loopMode == 3) _looping = false;   // loop-until-release: play on through the tail
        RestartControlBlockAt(amp);
    }

    /// <summary>Fades the voice out over <paramref name="fadeSamples"/> per 100 dB (choke, steal). [audio]</summary>
    public void Kill(double fadeSamples)
    {
        if (State == VoiceState.Free || State == VoiceState.Killed) return;
        State = VoiceState.Killed;
        double amp = CurrentEnvelopeAmplitude();
        _volEnv.ReleaseOver(amp, fadeSamples);
        RestartControlBlockAt(amp);
    }

    /// <summary>Frees the voice at once (only when every slot is taken). [audio]</summary>
    public void Stop() => State = VoiceState.Free;

    /// <summary>Re-evaluates modulators after a controller change; takes effect at the next control point. [audio]</summary>
    public void UpdateControllers(ControllerState controllers)
    {
        if (State == VoiceState.Free) return;
        ComputeModulatedGenerators(controllers);
        ApplyLiveParameters();
    }

    /// <summary>
    /// Adds this voice's output to the part's buffers (all the same length). Frees itself when
    /// the envelope or the sample ends. [audio]
    /// </summary>
    public void Render(Span<float> left, Span<float> right,
        Span<float> reverbLeft, Span<float> reverbRight, Span<float> chorusLeft, Span<float> chorusRight,
        float partReverbSend, float partChorusSend)
    {
        float reverbSend = Math.Min(1f, ReverbSend + partReverbSend);
        float chorusSend = Math.Min(1f, ChorusSend + partChorusSend);
        int count = left.Length;
        int done = 0;
        while (done < count && State != VoiceState.Free)
        {
            if (_controlRemaining == 0)
            {
                if (_endAfterBlock) { State = VoiceState.Free; return; }
                BeginControlBlock();
            }
            int n = Math.Min(count - done, _controlRemaining);
            if (_releasePending && State == VoiceState.Held)
            {
                long wait = _minNoteSamples - _played;
                if (wait <= 0)
                {
                    Release();
                    continue;
                }
                n = (int)Math.Min(n, wait);
            }
            int produced = _data!.Low24 == null
                ? ReadSamples(new Points16(_data.High), n)
                : ReadSamples(new Points24(_data.High, _data.Low24), n);
            // A one-shot sample that ran out ends the voice at its last point, not at the end of
            // this render call, so where the host cuts its blocks never changes the tail.
            bool ranOut = produced < n;
            n = produced;
            var mono = _mono.AsSpan(0, n);
            if (_filterOn) _filter.Process(mono);
            Mix(mono, left.Slice(done, n), right.Slice(done, n), reverbLeft.Slice(done, n), reverbRight.Slice(done, n),
                chorusLeft.Slice(done, n), chorusRight.Slice(done, n), reverbSend, chorusSend);
            _controlRemaining -= n;
            _elapsedInBlock += n;
            _played += n;
            done += n;
            _unadvanced += n;
            if (ranOut) State = VoiceState.Free;
        }
        if (_controlRemaining == 0 && _endAfterBlock) State = VoiceState.Free;
    }

    // ---- set-up ------------------------------------------------------------------------------

    private void ComputeModulatedGenerators(ControllerState controllers)
    {
        var region = _region!;
        var values = region.Generators;
        for (int g = 0; g < _gen.Length; g++) _gen[g] = values[g];
        var mods = region.Modulators;
        for (int m = 0; m < mods.Length; m++)
        {
            _gen[(int)mods[m].Destination] += mods[m].Evaluate(controllers, _key, _velocity);
        }
    }

    private double Gen(GeneratorType type) => _gen[(int)type];

    private double ClampedGen(GeneratorType type) => GeneratorInfo.Clamp(type, (int)Math.Round(_gen[(int)type]));

    private void SetUpAddresses(SoundFontRegion region, int length)
    {
        var s = region.Sample;
        long start = s.Start + region[GeneratorType.StartAddrsOffset] + 32768L * region[GeneratorType.StartAddrsCoarseOffset];
        long end = s.End + region[GeneratorType.EndAddrsOffset] + 32768L * region[GeneratorType.EndAddrsCoarseOffset];
        long loopStart = s.LoopStart + region[GeneratorType.StartloopAddrsOffset] + 32768L * region[GeneratorType.StartloopAddrsCoarseOffset];
        long loopEnd = s.LoopEnd + region[GeneratorType.EndloopAddrsOffset] + 32768L * region[GeneratorType.EndloopAddrsCoarseOffset];
        start = Math.Clamp(start, 0, length - 1);
        end = Math.Clamp(end, start + 1, length);
        loopStart = Math.Clamp(loopStart, start, end);
        loopEnd = Math.Clamp(loopEnd, start, end);
        _start = (int)start;
        _end = (int)end;
        _loopStart = (int)loopStart;
        _loopEnd = (int)loopEnd;
        _loopMode = region[GeneratorType.SampleModes];
        bool loopUsable = s.HasValidLoop && _loopEnd - _loopStart >= 2;
        _looping = loopUsable && (_loopMode == 1 || _loopMode == 3);
    }

    private void StartEnvelopesAndLfos()
    {
        double keyOffset = 60 - _key;
        _volEnv.Start(
            DelaySamples(ClampedGen(GeneratorType.DelayVolEnv)),
            Samples(ClampedGen(GeneratorType.AttackVolEnv)),
            Samples(ClampedGen(GeneratorType.HoldVolEnv) + ClampedGen(GeneratorType.KeynumToVolEnvHold) * keyOffset),
            Samples(ClampedGen(GeneratorType.DecayVolEnv) + ClampedGen(GeneratorType.KeynumToVolEnvDecay) * keyOffset),
            ClampedGen(GeneratorType.SustainVolEnv),
            Samples(ClampedGen(GeneratorType.ReleaseVolEnv)));
        _modEnv.Start(
            DelaySamples(ClampedGen(GeneratorType.DelayModEnv)),
            Samples(ClampedGen(GeneratorType.AttackModEnv)),
            Samples(ClampedGen(GeneratorType.HoldModEnv) + ClampedGen(GeneratorType.KeynumToModEnvHold) * keyOffset),
            Samples(ClampedGen(GeneratorType.DecayModEnv) + ClampedGen(GeneratorType.KeynumToModEnvDecay) * keyOffset),
            ClampedGen(GeneratorType.SustainModEnv),
            Samples(ClampedGen(GeneratorType.ReleaseModEnv)));
        _vibLfo.Start(DelaySamples(ClampedGen(GeneratorType.DelayVibLfo)),
            SoundFontMath.AbsoluteCentsToHz(ClampedGen(GeneratorType.FreqVibLfo)), _sampleRate);
        _modLfo.Start(DelaySamples(ClampedGen(GeneratorType.DelayModLfo)),
            SoundFontMath.AbsoluteCentsToHz(ClampedGen(GeneratorType.FreqModLfo)), _sampleRate);
    }

    private double Samples(double timecents) => SoundFontMath.TimecentsToSeconds(timecents) * _sampleRate;

    private double DelaySamples(double timecents) => SoundFontMath.DelayTimecentsToSeconds(timecents) * _sampleRate;

    /// <summary>Parameters that controllers can move while the note sounds.</summary>
    private void ApplyLiveParameters()
    {
        var region = _region!;
        _pitchCents = _pitchFromKey + Gen(GeneratorType.CoarseTune) * 100 + Gen(GeneratorType.FineTune);

        // The generator part of the attenuation may be read at 0.4 (EMU); modulator parts stay in cB.
        double generatorPart = region[GeneratorType.InitialAttenuation];
        double modulatorPart = Gen(GeneratorType.InitialAttenuation) - generatorPart;
        double scale = _attenuationMode == AttenuationMode.Emu ? 0.4 : 1.0;
        _attenuationCb = Math.Clamp(generatorPart * scale + modulatorPart, 0, 1440);

        double pan = Math.Clamp(Gen(GeneratorType.Pan), -500, 500);
        double angle = (pan + 500) / 1000 * (Math.PI / 2);
        _panLeft = Math.Cos(angle);
        _panRight = Math.Sin(angle);

        _filterFc = Math.Clamp(Gen(GeneratorType.InitialFilterFc), 1500, 13500);
        _filterQ = Math.Clamp(Gen(GeneratorType.InitialFilterQ), 0, 960);
        _filterDcGain = ResonantLowPass.DcGain(_filterQ);
        _vibToPitch = Gen(GeneratorType.VibLfoToPitch);
        _modLfoToPitch = Gen(GeneratorType.ModLfoToPitch);
        _modEnvToPitch = Gen(GeneratorType.ModEnvToPitch);
        _modLfoToFc = Gen(GeneratorType.ModLfoToFilterFc);
        _modEnvToFc = Gen(GeneratorType.ModEnvToFilterFc);
        _modLfoToVolume = Gen(GeneratorType.ModLfoToVolume);
        // Once on, the filter stays on for the note, so a controller move never clicks it out.
        _filterOn |= _filterFc < 13500 || _filterQ > 0 || _modLfoToFc != 0 || _modEnvToFc != 0;

        ReverbSend = (float)(Math.Clamp(Gen(GeneratorType.ReverbEffectsSend), 0, 1000) / 1000);
        ChorusSend = (float)(Math.Clamp(Gen(GeneratorType.ChorusEffectsSend), 0, 1000) / 1000);
    }

    // ---- control rate ------------------------------------------------------------------------

    private double CurrentEnvelopeAmplitude()
    {
        if (_controlRemaining == 0 && _elapsedInBlock == 0) return _blockAmpEnd;
        double t = (double)_elapsedInBlock / ControlBlock;
        return _blockAmpStart + (_blockAmpEnd - _blockAmpStart) * t;
    }

    private void RestartControlBlockAt(double amp)
    {
        _blockAmpEnd = amp;
        _controlRemaining = 0;
        _elapsedInBlock = 0;
        _endAfterBlock = false;
    }

    // The modulation envelope and LFOs move in whole steps between control points (and at a
    // release), never per render call: floating-point sums of call-sized pieces would make the
    // output depend on how the host cuts its blocks.
    private void AdvanceModulators()
    {
        if (_unadvanced == 0) return;
        _modEnv.Advance(_unadvanced);
        _vibLfo.Advance(_unadvanced);
        _modLfo.Advance(_unadvanced);
        _unadvanced = 0;
    }

    private void BeginControlBlock()
    {
        AdvanceModulators();
        _blockAmpStart = _blockAmpEnd;
        double ampEnd = _volEnv.Advance(ControlBlock);
        if (_volEnv.IsDone)
        {
            ampEnd = 0;
            _endAfterBlock = true;
        }

        double vib = _vibLfo.Value, modLfo = _modLfo.Value, modEnv = _modEnv.Value;
        double cents = _pitchCents + vib * _vibToPitch + modLfo * _modLfoToPitch + modEnv * _modEnvToPitch;
        _step = Math.Min(SoundFontMath.CentsToRatio(cents) * _rateRatio, MaxStep);

        if (_filterOn)
        {
            double fc = _filterFc + modLfo * _modLfoToFc + modEnv * _modEnvToFc;
            _filter.SetTarget(SoundFontMath.AbsoluteCentsToHz(fc), _filterQ, _sampleRate, ControlBlock);
        }

        // A positive LFO excursion with a positive modLfoToVolume makes the note louder.
        double volumeCb = _attenuationCb - modLfo * _modLfoToVolume;
        double gain = ampEnd * SoundFontMath.CentibelsToGain(volumeCb) * (_filterOn ? _filterDcGain : 1.0);
        if (State != VoiceState.Held && gain < ReleaseGainFloor)
        {
            gain = 0;
            _endAfterBlock = true;
        }
        _dgl = (float)((gain * _panLeft - _gl) / ControlBlock);
        _dgr = (float)((gain * _panRight - _gr) / ControlBlock);
        _blockAmpEnd = ampEnd;
        _controlRemaining = ControlBlock;
        _elapsedInBlock = 0;
    }

    // ---- audio rate --------------------------------------------------------------------------

    /// <summary>Interpolates <paramref name="n"/> points into the mono scratch; returns how many the sample had.</summary>
    /// <remarks>
    /// Positions are kept relative to the sample's first point, so the result does not depend on
    /// where the sample sits in the bank's pool (a subset bank renders bit-identically).
    /// </remarks>
    private int ReadSamples<T>(T points, int n) where T : struct, ISamplePoints
    {
        var mono = _mono;
        double pos = _pos, step = _step;
        int origin = _start;
        int end = _end - origin, loopStart = _loopStart - origin, loopEnd = _loopEnd - origin;
        bool looping = _looping;
        for (int i = 0; i < n; i++)
        {
            // Checked before each point, so a sample that ends exactly at the end of a render call
            // is noticed at the start of the next one (the voice's end never depends on call sizes).
            if (!looping && pos >= end)
            {
                mono.AsSpan(i, n - i).Clear();
                _pos = pos;
                return i;
            }
            int idx = (int)pos;
            float f = (float)(pos - idx);
            int lo = looping && _wrapped ? loopStart : 0;
            int hi = looping ? loopEnd : end;
            float xm1, x0, x1, x2;
            if (idx - 1 >= lo && idx + 2 < hi)
            {
                int at = origin + idx;
                xm1 = points[at - 1];
                x0 = points[at];
                x1 = points[at + 1];
                x2 = points[at + 2];
            }
            else
            {
                xm1 = Fetch(points, idx - 1, end, loopStart, loopEnd);
                x0 = Fetch(points, idx, end, loopStart, loopEnd);
                x1 = Fetch(points, idx + 1, end, loopStart, loopEnd);
                x2 = Fetch(points, idx + 2, end, loopStart, loopEnd);
            }
            // 4-point, 3rd-order Hermite (Catmull-Rom) interpolation.
            float c1 = 0.5f * (x1 - xm1);
            float c2 = xm1 - 2.5f * x0 + 2f * x1 - 0.5f * x2;
            float c3 = 0.5f * (x2 - xm1) + 1.5f * (x0 - x1);
            mono[i] = ((c3 * f + c2) * f + c1) * f + x0;

            pos += step;
            if (looping && pos >= loopEnd)
            {
                int length = loopEnd - loopStart;
                pos -= length;
                if (pos >= loopEnd) pos = loopStart + (pos - loopStart) % length;
                _wrapped = true;
            }
        }
        _pos = pos;
        return n;
    }

    // The slow path at sample and loop edges (positions relative to the sample start): wrap around
    // the loop, silence outside the sample.
    private float Fetch<T>(T points, int index, int end, int loopStart, int loopEnd) where T : struct, ISamplePoints
    {
        if (_looping)
        {
            int length = loopEnd - loopStart;
            if (index >= loopEnd) index -= length;
            else if (index < loopStart && _wrapped) index += length;
        }
        return index >= 0 && index < end ? points[_start + index] : 0f;
    }

    private void Mix(ReadOnlySpan<float> mono, Span<float> left, Span<float> right,
        Span<float> reverbLeft, Span<float> reverbRight, Span<float> chorusLeft, Span<float> chorusRight,
        float rs, float cs)
    {
        float gl = _gl, gr = _gr, dgl = _dgl, dgr = _dgr;
        if (rs == 0 && cs == 0)
        {
            for (int i = 0; i < mono.Length; i++)
            {
                float y = mono[i];
                left[i] += y * gl;
                right[i] += y * gr;
                gl += dgl;
                gr += dgr;
            }
        }
        else
        {
            for (int i = 0; i < mono.Length; i++)
            {
                float l = mono[i] * gl, r = mono[i] * gr;
                left[i] += l;
                right[i] += r;
                reverbLeft[i] += l * rs;
                reverbRight[i] += r * rs;
                chorusLeft[i] += l * cs;
                chorusRight[i] += r * cs;
                gl += dgl;
                gr += dgr;
            }
        }
        _gl = gl;
        _gr = gr;
    }
}
