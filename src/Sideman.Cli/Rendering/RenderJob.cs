using Sideman.Engine.Parameters;
using Sideman.Music.Midi;
using Sideman.Music.Time;

namespace Sideman.Cli.Rendering;

/// <summary>
/// One offline render through the plugin: the host's side of it (rate, block size, tempo, metre, length, the
/// player's MIDI at absolute samples) and the plugin's settings (parameters by definition, the chord chart).
/// </summary>
internal sealed record RenderJob
{
    public double SampleRate { get; init; } = 48000;
    public int BlockSize { get; init; } = 512;
    public double Tempo { get; init; } = 120;
    public TimeSignature Signature { get; init; } = TimeSignature.FourFour;
    public long TotalSamples { get; init; }
    /// <summary>The player's events at absolute samples, in time order.</summary>
    public IReadOnlyList<(long Sample, MidiEvent Event)> Input { get; init; } = [];
    public IReadOnlyList<(ParameterDefinition Parameter, double Plain)> Settings { get; init; } = [];
    /// <summary>The chord chart (chart mode); null for follow mode.</summary>
    public string? Chart { get; init; }
    public required string SoundFontPath { get; init; }

    public double SamplesPerQuarter => SampleRate * 60.0 / Tempo;
    public long SamplesPerBar => (long)Math.Round(Signature.QuarterNotesPerBar * SamplesPerQuarter);
}
