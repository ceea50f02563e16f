namespace Sideman.Synth.SoundFont;

/// <summary>Fixed set-up of one part, chosen before activation.</summary>
public sealed record PartSynthOptions
{
    /// <summary>Voices that may sound at once before the oldest/quietest is stolen.</summary>
    public int MaxPolyphony { get; init; } = 64;

    /// <summary>Extra voices that let stolen and choked voices fade out instead of clicking.</summary>
    public int FadeReserve { get; init; } = 16;

    /// <summary>Events one render block can hold; beyond this, note-ons are dropped (never note-offs).</summary>
    public int EventCapacity { get; init; } = 2048;

    public AttenuationMode AttenuationMode { get; init; } = AttenuationMode.Spec;

    /// <summary>
    /// Shortest note: a note-off that comes sooner waits until then, so a note-on and note-off at the
    /// same sample (a zero-length drum hit) still sounds.
    /// </summary>
    public double MinNoteMs { get; init; } = 10;

    /// <summary>Fade time, in ms per 100 dB, for a stolen voice.</summary>
    public double StealFadeMs { get; init; } = 10;

    /// <summary>Fade time, in ms per 100 dB, for a voice choked by its exclusive class (open hi-hat).</summary>
    public double ChokeFadeMs { get; init; } = 10;
}
