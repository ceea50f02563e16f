namespace Sideman.Synth.SoundFont;

/// <summary>The INFO list: version, names, and the copyright and comment texts that carry the licence notice.</summary>
public sealed record SoundFontInfo
{
    public int VersionMajor { get; init; } = 2;

    public int VersionMinor { get; init; } = 1;

    /// <summary>Target sound engine (isng); "EMU8000" by default per the spec.</summary>
    public string SoundEngine { get; init; } = "EMU8000";

    /// <summary>Bank name (INAM), mandatory in the spec.</summary>
    public string Name { get; init; } = "";

    public string? RomName { get; init; }

    public int? RomVersionMajor { get; init; }

    public int? RomVersionMinor { get; init; }

    public string? CreationDate { get; init; }

    public string? Engineers { get; init; }

    public string? Product { get; init; }

    public string? Copyright { get; init; }

    public string? Comments { get; init; }

    public string? Software { get; init; }
}
