namespace Sideman.Model.Originality;

/// <summary>The fixed layout of models/ORIGINALITY_INDEX.md, version 1 (all little-endian).</summary>
public static class OriginalityIndexFormat
{
    /// <summary>"SMFP".</summary>
    public static ReadOnlySpan<byte> Magic => "SMFP"u8;

    public const uint Version = 1;

    public const int VersionOffset = 4;
    public const int VocabDigestOffset = 8;
    public const int VocabDigestLength = 32;
    public const int CountOffset = 40;
    public const int HeaderLength = 48;
    public const int KeyLength = 8;
}
