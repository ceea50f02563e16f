namespace Sideman.Music.Patterns;

/// <summary>Facts about part roles shared by the tokenizer and the performer.</summary>
public static class PartRoles
{
    /// <summary>The vocabulary name of a role ("drums", "bass", ...). [any]</summary>
    public static string Name(PartRole role) => role switch
    {
        PartRole.Drums => "drums",
        PartRole.Bass => "bass",
        PartRole.Keys => "keys",
        PartRole.Pad => "pad",
        PartRole.Arp => "arp",
        PartRole.Melody => "melody",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown part role"),
    };

    /// <summary>Parses a vocabulary name; false if unknown. [any]</summary>
    public static bool TryParse(string name, out PartRole role)
    {
        foreach (PartRole r in Enum.GetValues<PartRole>())
        {
            if (Name(r) == name)
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>True for every role but drums: its notes are chord-relative pitches. [any]</summary>
    public static bool IsPitched(PartRole role) => role != PartRole.Drums;

    /// <summary>
    /// MIDI pitch around which a part's chord-relative octaves are counted: the reference root of a
    /// chord is the instance of its root pitch class in [centre - 6, centre + 6). Drums have none.
    /// </summary>
    public static int RegisterCentre(PartRole role) => role switch
    {
        PartRole.Bass => 43,
        PartRole.Keys => 62,
        PartRole.Pad => 62,
        PartRole.Arp => 67,
        PartRole.Melody => 69,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "drums have no pitch register"),
    };
}
