namespace Sideman.Editor.Model;

/// <summary>
/// What a part's lane shows. Values are plain (what the user reads), never normalized: the editor maps them
/// onto its controls through the parameters' own scales (<see cref="Sideman.Engine.EngineParameters"/>).
/// [main] Read on the UI thread; the plugin fills it from published snapshots, never under an audio-thread lock.
/// </summary>
public interface IPartView
{
    /// <summary>The part's Play switch (<c>drums.play</c> …).</summary>
    bool On { get; }

    bool Muted { get; }

    /// <summary>The part keeps the bars it has (<c>drums.lock</c> …).</summary>
    bool Locked { get; }

    /// <summary>dB; negative infinity is silence.</summary>
    double VolumeDb { get; }

    /// <summary>-100 (left) .. +100 (right).</summary>
    double Pan { get; }

    /// <summary>The step of the part's Preset parameter (0 = "Style default").</summary>
    int PresetIndex { get; }

    /// <summary>What the part plays, in words: the preset (with the style's choice for "Style default") or the user's SoundFont file.</summary>
    string SoundName { get; }

    /// <summary>The notes of the bar playing and of the bars generated ahead of it, in any order.</summary>
    ReadOnlySpan<RollNote> Notes { get; }
}
