using Sideman.Synth.Effects;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// The band inside the engine: the five SoundFont parts of a <see cref="BandSynth"/>, each
/// followed by its strip (volume, mute, pan), with the preset each part plays worked out from its
/// Preset parameter, the Style parameter and the banks. Renders stems only; the engine scales
/// them by the master gain, writes each to its bus and sums them into the main mix.
/// Allocates in the constructor only; everything else is [audio].
/// </summary>
internal sealed class BandRenderer
{
    private const int Parts = BandSynth.PartCount;

    private readonly BandSynth _synth;
    private readonly PartStrip[] _strips = new PartStrip[Parts];
    private readonly int[] _presetIndex = new int[Parts];
    private int _styleIndex;
    private PartBanks _banks = PartBanks.None;

    public BandRenderer(double sampleRate, int maxFrames, double rampSeconds)
    {
        _synth = new BandSynth();
        _synth.Prepare(sampleRate, maxFrames);
        for (int p = 0; p < Parts; p++)
            _strips[p] = new PartStrip(sampleRate, rampSeconds);
    }

    public EffectSettings Effects => _synth.Effects;

    public PartBanks Banks => _banks;

    public int ActiveVoiceCount => _synth.ActiveVoiceCount;

    /// <summary>[audio] The parts' modulation to song time <paramref name="seconds"/> (at a transport start).</summary>
    public void AlignModulation(double seconds) => _synth.AlignModulation(seconds);

    /// <summary>The preset a part plays now (null while it has no bank).</summary>
    public SoundFontPreset? PresetOf(BandPart part) => _synth[part].Preset;

    /// <summary>Uses new banks; every part re-selects its preset there (sounding voices finish on the old bank).</summary>
    public void SetBanks(PartBanks banks)
    {
        _banks = banks;
        for (int p = 0; p < Parts; p++)
            SelectPreset((BandPart)p);
    }

    public void SetStyle(int index)
    {
        _styleIndex = index;
        for (int p = 0; p < Parts; p++)
        {
            if (_presetIndex[p] == 0)
                SelectPreset((BandPart)p);
        }
    }

    public void SetPreset(BandPart part, int index)
    {
        _presetIndex[(int)part] = index;
        SelectPreset(part);
    }

    public void SetVolume(BandPart part, double db) => _strips[(int)part].SetVolume(db);

    public void SetMute(BandPart part, bool muted) => _strips[(int)part].SetMute(muted);

    public void SetPan(BandPart part, double pan) => _strips[(int)part].SetPan(pan);

    public void SetReverbSend(BandPart part, double percent) => _synth[part].ReverbSend = (float)(percent / 100);

    public void SetChorusSend(BandPart part, double percent) => _synth[part].ChorusSend = (float)(percent / 100);

    /// <summary>Plays one event at the next rendered sample.</summary>
    public void Apply(in BandEvent e)
    {
        PartSynth part = _synth[e.Part];
        switch (e.Kind)
        {
            case BandEventKind.NoteOn:
                part.NoteOn(0, e.Data1, e.Data2);
                break;
            case BandEventKind.NoteOff:
                part.NoteOff(0, e.Data1);
                break;
            case BandEventKind.ControlChange:
                part.ControlChange(0, e.Data1, e.Data2);
                break;
            case BandEventKind.PitchBend:
                part.PitchBend(0, e.Data1);
                break;
            case BandEventKind.ChannelPressure:
                part.ChannelPressure(0, e.Data1);
                break;
            case BandEventKind.PolyPressure:
                part.PolyPressure(0, e.Data1, e.Data2);
                break;
        }
    }

    /// <summary>Renders the next <paramref name="frames"/> samples of every part through its strip.</summary>
    public void Render(int frames)
    {
        _synth.RenderStems(frames);
        for (int p = 0; p < Parts; p++)
            _strips[p].Process(_synth.StemLeft((BandPart)p), _synth.StemRight((BandPart)p));
    }

    public Span<float> StemLeft(BandPart part) => _synth.StemLeft(part);

    public Span<float> StemRight(BandPart part) => _synth.StemRight(part);

    /// <summary>[main or audio] Silence every voice and tail and settle the strips.</summary>
    public void Reset()
    {
        _synth.Reset();
        foreach (PartStrip strip in _strips)
            strip.Snap();
    }

    private void SelectPreset(BandPart part)
    {
        var address = BandPresets.Address(part, _presetIndex[(int)part], _styleIndex);
        _synth[part].SetBank(_banks.For(part), address.Bank, address.Program);
    }
}
