namespace Sideman.Music.Patterns;

/// <summary>
/// A chord: root pitch class, quality and the bass as an interval above the root (0 = root
/// position, 4 = first inversion of a major triad). <see cref="NoChord"/> is N.C.
/// </summary>
public readonly record struct ChordSymbol
{
    public ChordSymbol(int root, ChordQuality quality, int bassInterval = 0)
    {
        if (root is < 0 or > 11)
            throw new ArgumentOutOfRangeException(nameof(root), root, "root must be a pitch class 0..11");
        if (bassInterval is < 0 or > 11)
            throw new ArgumentOutOfRangeException(nameof(bassInterval), bassInterval, "bass interval must be 0..11");
        Root = root;
        Quality = quality;
        BassInterval = bassInterval;
    }

    /// <summary>Pitch class 0..11 (C = 0), or -1 for no chord.</summary>
    public int Root { get; private init; }
    public ChordQuality Quality { get; private init; }
    public int BassInterval { get; private init; }

    public bool IsNoChord => Root < 0;

    /// <summary>N.C.: pitched parts rest.</summary>
    public static ChordSymbol NoChord => new() { Root = -1 };

    public override string ToString() =>
        IsNoChord ? "N.C." : $"{Root}:{ChordQualityInfo.Name(Quality)}{(BassInterval != 0 ? "/" + BassInterval : "")}";
}
