namespace Sideman.Music.Patterns;

/// <summary>Vocabulary names of <see cref="SectionKind"/> values.</summary>
public static class SectionKinds
{
    /// <summary>"none", "intro", "verse", "prechorus", ... [any]</summary>
    public static string Name(SectionKind kind) => kind switch
    {
        SectionKind.None => "none",
        SectionKind.Intro => "intro",
        SectionKind.Verse => "verse",
        SectionKind.PreChorus => "prechorus",
        SectionKind.Chorus => "chorus",
        SectionKind.Bridge => "bridge",
        SectionKind.Solo => "solo",
        SectionKind.Fill => "fill",
        SectionKind.Outro => "outro",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown section"),
    };

    /// <summary>Parses a vocabulary name; false if unknown. [any]</summary>
    public static bool TryParse(string name, out SectionKind kind)
    {
        foreach (SectionKind k in Enum.GetValues<SectionKind>())
        {
            if (Name(k) == name)
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
