namespace Sideman.Engine.Band;

/// <summary>
/// What the user should know about the band's sounds: whether the parts can play, and a message
/// for each thing that is not as chosen (sounds still loading, the bundled bank missing, a user
/// SoundFont that fell back to the bundled sound). <see cref="Serial"/> changes with every change,
/// so a controller or UI can tell when to refresh. Immutable.
/// </summary>
public sealed record SoundStatus(int Serial, bool BandReady, IReadOnlyList<string> Messages)
{
    /// <summary>Nothing to report: every part plays what was chosen.</summary>
    public bool IsClear => Messages.Count == 0;

    /// <summary>The messages, one per line (empty when clear).</summary>
    public string Text => string.Join('\n', Messages);
}
