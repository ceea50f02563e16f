namespace Sideman.Synth.Basic;

internal enum VoiceState
{
    /// <summary>Free for a new note.</summary>
    Idle,
    /// <summary>Key held (or held by the sustain pedal).</summary>
    Held,
    /// <summary>Key released: the envelope's release stage runs.</summary>
    Released,
    /// <summary>Stolen or retriggered: a short linear fade to silence, then free.</summary>
    Fading,
}
