using Sideman.Engine.Processing;
using Sideman.Synth.Basic;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// What the player hears of their own notes: a bundled sound (piano by default, because that is
/// what a producer expects on first load), the built-in synth, or nothing. A chosen bundled sound
/// falls back to the built-in synth until the bank has loaded, so the player is never silent
/// without having asked for it. Note-offs and controllers reach both instruments, so switching
/// the choice mid-note never leaves a note hanging. Allocates only in the constructor.
/// </summary>
internal sealed class PlayerMonitor
{
    private readonly BasicSynth _basic;
    private readonly PartSynth _sampled;
    private readonly GainRamp _volume;
    private readonly float[] _scratchLeft;
    private readonly float[] _scratchRight;
    private SoundFontBank? _bank;
    private int _choice = -1;
    private bool _useSampled;
    private bool _silent;

    public PlayerMonitor(double sampleRate, int maxFrames, double rampSeconds, Synth.Effects.EffectSettings effects)
    {
        _basic = new BasicSynth(sampleRate);
        _sampled = new PartSynth(new PartSynthOptions { MaxPolyphony = 48 }, effects);
        _sampled.SetSampleRate(sampleRate);
        _volume = new GainRamp(sampleRate, rampSeconds, 1f);
        _scratchLeft = new float[maxFrames];
        _scratchRight = new float[maxFrames];
    }

    public int ActiveVoiceCount => _basic.ActiveVoiceCount + _sampled.ActiveVoiceCount;

    /// <summary>[audio] A step of the Monitor Sound parameter (<see cref="BandPresets.MonitorNames"/>).</summary>
    public void SetChoice(int index)
    {
        _choice = index;
        Resolve();
    }

    /// <summary>[audio] The bundled bank (null until it has loaded).</summary>
    public void SetBank(SoundFontBank? bank)
    {
        _bank = bank;
        Resolve();
    }

    public void SetVolume(double db) => _volume.SetTarget((float)Parameters.DecibelScale.ToGain(db));

    public void SetAttack(double ms) => _basic.SetAttack(ms);

    public void SetRelease(double ms) => _basic.SetRelease(ms);

    public void NoteOn(int key, float velocity, int channel, int noteId, float tuning)
    {
        if (_silent)
            return;
        if (_useSampled)
            _sampled.NoteOn(0, key, MidiChannelRouting.Velocity(velocity));
        else
            _basic.NoteOn(key, velocity, channel, noteId, tuning);
    }

    public void NoteOff(int key, int channel, int noteId)
    {
        _basic.NoteOff(key, channel, noteId);
        _sampled.NoteOff(0, key);
    }

    public void SetSustainPedal(bool down)
    {
        _basic.SetSustainPedal(down);
        _sampled.ControlChange(0, ControllerState.Sustain, down ? 127 : 0);
    }

    public void SetModulation(double amount)
    {
        _basic.SetModulation(amount);
        _sampled.ControlChange(0, ControllerState.ModulationWheel, (int)Math.Round(Math.Clamp(amount, 0, 1) * 127));
    }

    /// <summary><paramref name="bend"/> in -1..1 of a ±<paramref name="rangeSemitones"/> range.</summary>
    public void SetPitchBend(double bend, double rangeSemitones)
    {
        _basic.SetPitchBend(bend * rangeSemitones);
        _sampled.PitchBend(0, (int)Math.Round(8192 + Math.Clamp(bend, -1, 1) * 8191));
    }

    public void AllNotesOff()
    {
        _basic.AllNotesOff();
        _sampled.AllNotesOff(0);
    }

    public void AllSoundOff()
    {
        _basic.AllSoundOff();
        _sampled.AllSoundOff(0);
    }

    /// <summary>[audio] The sampled sound's modulation to song time <paramref name="seconds"/> (at a transport start).</summary>
    public void AlignModulation(double seconds) => _sampled.AlignModulation(seconds);

    /// <summary>[main] Silence and forget everything (controllers too), keeping the choice and bank.</summary>
    public void Reset()
    {
        _basic.Reset();
        _sampled.Reset();
        Resolve();
        _volume.Snap();
    }

    /// <summary>[audio] Overwrites the buffers with the monitor's output (at most the constructor's frame count).</summary>
    public void Render(Span<float> left, Span<float> right)
    {
        int n = Math.Min(left.Length, right.Length);
        _basic.Render(left[..n], right[..n]);
        Span<float> sl = _scratchLeft.AsSpan(0, n), sr = _scratchRight.AsSpan(0, n);
        _sampled.Render(sl, sr);
        for (int i = 0; i < n; i++)
        {
            left[i] += sl[i];
            right[i] += sr[i];
        }
        _volume.Process(left[..n], right[..n]);
    }

    private void Resolve()
    {
        _silent = _choice == BandPresets.MonitorOffIndex;
        _useSampled = false;
        if (_bank is not null && BandPresets.TryGetMonitorAddress(_choice, out PresetAddress address))
        {
            _sampled.SetBank(_bank, address.Bank, address.Program);
            _useSampled = true;
        }
    }
}
