namespace Sideman.Synth.Effects;

/// <summary>
/// Global send-effect settings shared by every part: the return levels and the character of the
/// reverb and chorus. Plain fields written by the parameter code and read by the audio thread once
/// per sub-block; a torn read of one float is harmless. [any]
/// </summary>
public sealed class EffectSettings
{
    /// <summary>Reverb return level, 0..1 (linear gain on the wet signal).</summary>
    public float ReverbReturn { get; set; } = 0.5f;

    /// <summary>Room size, 0..1: longer delay lines and a longer decay (RT60 0.3 s .. 5 s).</summary>
    public float RoomSize { get; set; } = 0.5f;

    /// <summary>High-frequency damping in the reverb tail, 0..1.</summary>
    public float Damping { get; set; } = 0.4f;

    /// <summary>Stereo width of the reverb return, 0 (mono) .. 1.</summary>
    public float Width { get; set; } = 1f;

    /// <summary>Chorus return level, 0..1.</summary>
    public float ChorusReturn { get; set; } = 0.5f;

    /// <summary>Chorus LFO rate in Hz, 0.05..5.</summary>
    public float ChorusRate { get; set; } = 0.6f;

    /// <summary>Chorus depth, 0..1 (0 .. ±4 ms of delay modulation).</summary>
    public float ChorusDepth { get; set; } = 0.5f;
}
