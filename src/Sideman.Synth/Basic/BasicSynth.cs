namespace Sideman.Synth.Basic;

/// <summary>
/// Sideman's built-in polyphonic instrument: <see cref="Polyphony"/> notes of <see cref="BasicVoice"/>,
/// voice stealing with a short fade (quietest released note first, else the oldest), sustain pedal,
/// pitch bend and mod-wheel vibrato. Control values update on a fixed grid of
/// <see cref="ControlTickSamples"/> samples that runs across render calls, so the output does not depend
/// on how the host slices blocks; note starts and envelope changes happen at their exact sample.
/// Everything is allocated in the constructor; rendering allocates nothing.
/// </summary>
public sealed class BasicSynth
{
    public const int Polyphony = 24;
    /// <summary>Extra voices that only carry fading (stolen) notes, so a steal never cuts a sound off.</summary>
    private const int FadeVoices = 8;
    public const int ControlTickSamples = 32;
    private const double StealFadeSeconds = 0.005;
    private const double DecayMs = 1400;
    private const double SustainLevel = 0.55;
    private const double VibratoHz = 5.5;
    private const double VibratoDepthSemitones = 0.35;

    private readonly BasicVoice[] _voices = new BasicVoice[Polyphony + FadeVoices];
    private readonly double _sampleRate;
    private readonly int _fadeSamples;
    private double _attackMs = 4;
    private double _releaseMs = 350;
    private bool _sustainDown;
    private double _pitchBendSemitones;
    private double _modulation;
    private double _vibratoPhase;
    private int _samplesToTick;
    private long _serial;

    public BasicSynth(double sampleRate)
    {
        if (!(sampleRate >= 1000 && sampleRate <= 1_000_000))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "Sample rate must be between 1 kHz and 1 MHz.");
        _sampleRate = sampleRate;
        _fadeSamples = Math.Max(1, (int)Math.Round(StealFadeSeconds * sampleRate));
        for (int i = 0; i < _voices.Length; i++)
        {
            _voices[i] = new BasicVoice();
            _voices[i].Configure(sampleRate, _attackMs, DecayMs, SustainLevel, _releaseMs);
        }
    }

    public double SampleRate => _sampleRate;

    /// <summary>[audio] Notes currently making sound, fading ones included.</summary>
    public int ActiveVoiceCount
    {
        get
        {
            int count = 0;
            foreach (BasicVoice v in _voices)
                count += v.IsSounding ? 1 : 0;
            return count;
        }
    }

    /// <summary>[any] Whether a note on this key is sounding and not on its way out (fading after a steal).</summary>
    internal bool IsKeySounding(int key, int channel = 0)
    {
        foreach (BasicVoice v in _voices)
        {
            if (v.IsSounding && v.State != VoiceState.Fading && v.Key == key && v.Channel == channel)
                return true;
        }
        return false;
    }

    /// <summary>[audio] Attack time for every voice, from this sample on.</summary>
    public void SetAttack(double milliseconds)
    {
        _attackMs = Math.Max(0.0, milliseconds);
        Reconfigure();
    }

    /// <summary>[audio] Release time (to -60 dB) for every voice, from this sample on.</summary>
    public void SetRelease(double milliseconds)
    {
        _releaseMs = Math.Max(0.0, milliseconds);
        Reconfigure();
    }

    /// <summary>[audio] Pitch bend in semitones, applied from the next control tick.</summary>
    public void SetPitchBend(double semitones) => _pitchBendSemitones = double.IsFinite(semitones) ? semitones : 0;

    /// <summary>[audio] Mod wheel 0..1: vibrato depth.</summary>
    public void SetModulation(double amount) => _modulation = double.IsFinite(amount) ? Math.Clamp(amount, 0, 1) : 0;

    /// <summary>[audio] Sustain pedal. Lifting it releases every note whose key is already up.</summary>
    public void SetSustainPedal(bool down)
    {
        if (_sustainDown == down)
            return;
        _sustainDown = down;
        if (down)
            return;
        foreach (BasicVoice v in _voices)
        {
            if (v.State == VoiceState.Held && v.HeldByPedal)
                v.Release();
        }
    }

    /// <summary>[audio] Starts a note at the current sample. Velocity 0..1 (0 is treated as note-off).</summary>
    public void NoteOn(int key, float velocity, int channel = 0, int noteId = -1, float tuningCents = 0f)
    {
        if ((uint)key > 127)
            return;
        if (!(velocity > 0f))
        {
            NoteOff(key, channel, noteId);
            return;
        }
        velocity = Math.Min(velocity, 1f);
        if (!float.IsFinite(tuningCents))
            tuningCents = 0f;

        // A repeated key fades its previous note quickly instead of stacking copies.
        int sounding = 0;
        foreach (BasicVoice v in _voices)
        {
            if (v.IsSounding && v.State != VoiceState.Fading && v.Key == key && v.Channel == channel)
                v.FadeOut(_fadeSamples);
            else if (v.IsSounding && v.State != VoiceState.Fading)
                sounding++;
        }
        if (sounding >= Polyphony)
            ChooseVictim()?.FadeOut(_fadeSamples);

        BasicVoice voice = FindIdleVoice() ?? QuietestFadingVoice();
        voice.Kill();
        voice.Configure(_sampleRate, _attackMs, DecayMs, SustainLevel, _releaseMs);
        voice.Start(key, velocity, channel, noteId, tuningCents, ++_serial, CurrentPitchFactor());
    }

    /// <summary>[audio] Releases the oldest held note matching the host note id, or else the key and channel.</summary>
    public void NoteOff(int key, int channel = 0, int noteId = -1)
    {
        BasicVoice? match = null;
        if (noteId != -1)
        {
            foreach (BasicVoice v in _voices)
            {
                if (v.State == VoiceState.Held && !v.HeldByPedal && v.NoteId == noteId && (match is null || v.StartSerial < match.StartSerial))
                    match = v;
            }
        }
        if (match is null)
        {
            foreach (BasicVoice v in _voices)
            {
                if (v.State == VoiceState.Held && !v.HeldByPedal && v.Key == key && v.Channel == channel && (match is null || v.StartSerial < match.StartSerial))
                    match = v;
            }
        }
        if (match is null)
            return;
        if (_sustainDown)
            match.HeldByPedal = true;
        else
            match.Release();
    }

    /// <summary>[audio] Releases every note (MIDI All Notes Off); the pedal no longer holds them.</summary>
    public void AllNotesOff()
    {
        _sustainDown = false;
        foreach (BasicVoice v in _voices)
            v.Release();
    }

    /// <summary>[audio] Fades every note out within a few milliseconds (MIDI All Sound Off).</summary>
    public void AllSoundOff()
    {
        foreach (BasicVoice v in _voices)
            v.FadeOut(_fadeSamples);
    }

    /// <summary>[main or audio] Silence at once and forget controllers; used after warm-up and on reset.</summary>
    public void Reset()
    {
        foreach (BasicVoice v in _voices)
            v.Kill();
        _sustainDown = false;
        _pitchBendSemitones = 0;
        _modulation = 0;
        _vibratoPhase = 0;
        _samplesToTick = 0;
        _serial = 0;
    }

    /// <summary>[audio] Renders into the two buffers (overwriting them). Equal lengths, any length.</summary>
    public void Render(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, right.Length);
        left[..n].Clear();
        right[..n].Clear();
        int done = 0;
        while (done < n)
        {
            if (_samplesToTick == 0)
                ControlTick();
            int length = Math.Min(n - done, _samplesToTick);
            Span<float> l = left.Slice(done, length);
            Span<float> r = right.Slice(done, length);
            foreach (BasicVoice v in _voices)
            {
                if (v.IsSounding)
                    v.Render(l, r);
            }
            _samplesToTick -= length;
            done += length;
        }
    }

    private void ControlTick()
    {
        _samplesToTick = ControlTickSamples;
        _vibratoPhase += ControlTickSamples * VibratoHz / _sampleRate;
        _vibratoPhase -= Math.Floor(_vibratoPhase);
        double factor = CurrentPitchFactor();
        foreach (BasicVoice v in _voices)
        {
            if (v.IsSounding)
                v.UpdateControl(factor, ControlTickSamples);
        }
    }

    private double CurrentPitchFactor()
    {
        double vibrato = _modulation * VibratoDepthSemitones * Math.Sin(2.0 * Math.PI * _vibratoPhase);
        return Math.Pow(2.0, (_pitchBendSemitones + vibrato) / 12.0);
    }

    private void Reconfigure()
    {
        foreach (BasicVoice v in _voices)
            v.Configure(_sampleRate, _attackMs, DecayMs, SustainLevel, _releaseMs);
    }

    private BasicVoice? FindIdleVoice()
    {
        foreach (BasicVoice v in _voices)
        {
            if (!v.IsSounding)
                return v;
        }
        return null;
    }

    /// <summary>Released notes first (quietest), then notes held only by the pedal, then the oldest held note.</summary>
    private BasicVoice? ChooseVictim()
    {
        BasicVoice? best = null;
        int bestRank = int.MaxValue;
        foreach (BasicVoice v in _voices)
        {
            if (!v.IsSounding || v.State == VoiceState.Fading)
                continue;
            int rank = v.State == VoiceState.Released ? 0 : v.HeldByPedal ? 1 : 2;
            if (best is null || rank < bestRank
                || (rank == bestRank && (rank == 2 ? v.StartSerial < best.StartSerial : v.Loudness < best.Loudness)))
            {
                best = v;
                bestRank = rank;
            }
        }
        return best;
    }

    private BasicVoice QuietestFadingVoice()
    {
        BasicVoice best = _voices[0];
        foreach (BasicVoice v in _voices)
        {
            if (v.Loudness < best.Loudness)
                best = v;
        }
        return best;
    }
}
