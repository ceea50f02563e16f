using Sideman.Synth.Effects;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// The whole band as SoundFont instruments: one <see cref="PartSynth"/> per <see cref="BandPart"/>,
/// each rendering into its own stereo stem, and a main mix that is exactly the sum of the stems
/// (each part carries its own reverb and chorus; they are linear, so per-part effects sum to the
/// same mix a shared effect would give, and stems add up to the main mix).
/// Call <see cref="Prepare"/> on the main thread, then queue events on the parts and call
/// <see cref="Render"/> from the audio thread.
/// </summary>
public sealed class BandSynth
{
    public const int PartCount = 5;

    private readonly PartSynth[] _parts = new PartSynth[PartCount];
    private float[][] _stemLeft = Array.Empty<float[]>();
    private float[][] _stemRight = Array.Empty<float[]>();
    private int _lastFrames;

    public BandSynth(PartSynthOptions? options = null)
    {
        Effects = new EffectSettings();
        for (int i = 0; i < PartCount; i++) _parts[i] = new PartSynth(options, Effects);
        Prepare(48_000, 512);
    }

    /// <summary>Return levels and effect character shared by all parts. [any]</summary>
    public EffectSettings Effects { get; }

    public int MaxBlockSize { get; private set; }

    public double SampleRate { get; private set; }

    public PartSynth this[BandPart part] => _parts[(int)part];

    /// <summary>Sets rate and the largest block the host will send; allocates the stem buffers. [main]</summary>
    public void Prepare(double sampleRate, int maxBlockSize)
    {
        SampleRate = sampleRate;
        MaxBlockSize = Math.Max(1, maxBlockSize);
        _stemLeft = new float[PartCount][];
        _stemRight = new float[PartCount][];
        for (int i = 0; i < PartCount; i++)
        {
            _stemLeft[i] = new float[MaxBlockSize];
            _stemRight[i] = new float[MaxBlockSize];
            _parts[i].SetSampleRate(sampleRate);
        }
        _lastFrames = 0;
    }

    /// <summary>Gives every part the bank and the style's preset for it. [audio] (no allocation)</summary>
    public void SetBank(SoundFontBank? bank, StylePresets presets)
    {
        for (int i = 0; i < PartCount; i++) _parts[i].SetBank(bank, presets.For((BandPart)i).Bank, presets.For((BandPart)i).Program);
    }

    /// <summary>Selects the style's preset on every part. [audio]</summary>
    public void ApplyStyle(StylePresets presets)
    {
        for (int i = 0; i < PartCount; i++) _parts[i].SetPreset(presets.For((BandPart)i).Bank, presets.For((BandPart)i).Program);
    }

    /// <summary>
    /// Renders every part into its stem and writes their sum to the main outputs. Blocks longer
    /// than <see cref="MaxBlockSize"/> are rendered in pieces; <see cref="Stem"/> then holds the
    /// last piece only, so keep blocks within the prepared size when stems are used. [audio]
    /// </summary>
    public void Render(Span<float> mainLeft, Span<float> mainRight)
    {
        int frames = Math.Min(mainLeft.Length, mainRight.Length);
        int done = 0;
        while (done < frames)
        {
            int n = Math.Min(frames - done, MaxBlockSize);
            var outL = mainLeft.Slice(done, n);
            var outR = mainRight.Slice(done, n);
            outL.Clear();
            outR.Clear();
            for (int p = 0; p < PartCount; p++)
            {
                var l = _stemLeft[p].AsSpan(0, n);
                var r = _stemRight[p].AsSpan(0, n);
                _parts[p].Render(l, r);
                for (int i = 0; i < n; i++)
                {
                    outL[i] += l[i];
                    outR[i] += r[i];
                }
            }
            _lastFrames = n;
            done += n;
        }
    }

    /// <summary>
    /// Renders the next <paramref name="frames"/> samples of every part into its own stem and
    /// nothing else (the caller mixes: part strips, buses). At most <see cref="MaxBlockSize"/>
    /// frames; read them with <see cref="StemLeft"/> and <see cref="StemRight"/>. [audio]
    /// </summary>
    public void RenderStems(int frames)
    {
        int n = Math.Clamp(frames, 0, MaxBlockSize);
        for (int p = 0; p < PartCount; p++)
            _parts[p].Render(_stemLeft[p].AsSpan(0, n), _stemRight[p].AsSpan(0, n));
        _lastFrames = n;
    }

    /// <summary>The left stem of the last render, writable so a mixer can scale it in place. [audio]</summary>
    public Span<float> StemLeft(BandPart part) => _stemLeft[(int)part].AsSpan(0, _lastFrames);

    /// <summary>The right stem of the last render, writable so a mixer can scale it in place. [audio]</summary>
    public Span<float> StemRight(BandPart part) => _stemRight[(int)part].AsSpan(0, _lastFrames);

    /// <summary>Sets every part's modulation to song time <paramref name="seconds"/> (see <see cref="PartSynth.AlignModulation"/>). [audio]</summary>
    public void AlignModulation(double seconds)
    {
        for (int p = 0; p < PartCount; p++) _parts[p].AlignModulation(seconds);
    }

    /// <summary>Stops every part's voices and effect tails. [audio]</summary>
    public void Reset()
    {
        for (int p = 0; p < PartCount; p++) _parts[p].Reset();
        _lastFrames = 0;
    }

    /// <summary>One part's output from the last <see cref="Render"/> (for its own bus). [audio]</summary>
    public (ReadOnlyMemory<float> Left, ReadOnlyMemory<float> Right) Stem(BandPart part) =>
        (_stemLeft[(int)part].AsMemory(0, _lastFrames), _stemRight[(int)part].AsMemory(0, _lastFrames));

    /// <summary>Voices sounding in all parts. [audio]</summary>
    public int ActiveVoiceCount
    {
        get
        {
            int n = 0;
            foreach (var p in _parts) n += p.ActiveVoiceCount;
            return n;
        }
    }
}
