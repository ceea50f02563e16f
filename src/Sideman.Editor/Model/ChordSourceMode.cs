namespace Sideman.Editor.Model;

/// <summary>Where the band's chords come from: the steps of <c>band.chords</c>, in its order.</summary>
public enum ChordSourceMode
{
    /// <summary>The chords the player holds.</summary>
    Follow = 0,

    /// <summary>The chord chart, in sync with the host's bars.</summary>
    Chart = 1,
}
