using System.Runtime.CompilerServices;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// What the audio thread asks the generator for: one bar of the parts in <see cref="Parts"/>, with its whole
/// conditioning fixed at the musical moment of the request (so an offline render asks the same things at the
/// same places whatever the machine's speed). A value type that travels through a <see cref="SpscRing{T}"/>.
/// </summary>
public struct BarRequest
{
    public long Bar;
    /// <summary>Style index (the Style parameter's step = the vocabulary's STYLE order).</summary>
    public int Style;
    public int KeyTonic;
    public int TempoBucket;
    /// <summary>The metre the model writes (the host's, or the nearest the model knows).</summary>
    public TimeSignature Signature;
    public SectionKind Section;
    public int Energy;
    public int Seed;
    public float Temperature;
    /// <summary>Bit p set: write part p.</summary>
    public int Parts;
    /// <summary>How often each part was regenerated: a new take is a new random stream.</summary>
    public PartTakes Takes;
    /// <summary>The bar's chords (0: the model chooses them).</summary>
    public int ChordCount;
    public RequestChords Chords;

    public readonly bool Wants(BandPart part) => (Parts & (1 << (int)part)) != 0;
}

/// <summary>A bar's chords, inline.</summary>
[InlineArray(BarSnapshot.MaxChords)]
public struct RequestChords
{
    private BarChord _first;
}

/// <summary>One take number per part, inline.</summary>
[InlineArray(BandSynth.PartCount)]
public struct PartTakes
{
    private int _first;
}
