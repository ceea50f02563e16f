namespace Sideman.Plugin.State;

/// <summary>
/// Sideman's saved state, little-endian throughout:
/// <code>
///  0  4  magic "SMST"
///  4  2  version (1)
///  6  2  reserved, 0
///  8  4  body length B
/// 12  B  body:
///          u32 value count, then per value: u8 id length, id (ASCII), f64 plain value
///          u32 blob count,  then per blob:  u32 tag (four-character code), u32 length, bytes
/// 12+B 4 CRC-32 of bytes 0 .. 12+B
/// </code>
/// Values are keyed by stable string id, never by index, so parameters can be added, removed and
/// reordered without breaking saved songs. Numbers are IEEE doubles, so no locale is involved.
/// </summary>
public static class StateFormat
{
    public static ReadOnlySpan<byte> Magic => "SMST"u8;
    public const ushort CurrentVersion = 1;
    public const int HeaderSize = 12;
    public const int ChecksumSize = 4;
    /// <summary>Far above anything real; guards against absurd allocations from damaged input.</summary>
    public const int MaxValueCount = 100_000;
    public const int MaxBlobCount = 10_000;
    public const long MaxTotalSize = 256L * 1024 * 1024;
}
