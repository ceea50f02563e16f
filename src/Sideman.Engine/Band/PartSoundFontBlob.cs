using System.Buffers.Binary;
using System.Text;
using Sideman.Engine.State;
using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>
/// The user's own SoundFont per part, as a tagged state blob "SFNT":
/// <code>
/// u16 version (1), u16 entry count,
/// per entry: u8 part (BandPart), u16 byte length, the path in UTF-8
/// </code>
/// Little-endian. Paths are kept exactly as the user chose them (no locale, no normalization).
/// A part without an entry plays the bundled sound.
/// </summary>
public static class PartSoundFontBlob
{
    public const ushort Version = 1;
    /// <summary>Longest path stored, in UTF-8 bytes (far beyond any real path).</summary>
    public const int MaxPathBytes = 16 * 1024;

    public static uint Tag { get; } = StateBlob.MakeTag("SFNT");

    /// <summary>The blob for these paths (by part index; null or empty = none), or null when no part has one.</summary>
    public static StateBlob? Create(IReadOnlyList<string?> paths)
    {
        var body = new MemoryStream();
        Span<byte> scratch = stackalloc byte[2];
        int count = 0;
        for (int p = 0; p < paths.Count; p++)
            count += string.IsNullOrEmpty(paths[p]) ? 0 : 1;
        if (count == 0)
            return null;
        BinaryPrimitives.WriteUInt16LittleEndian(scratch, Version);
        body.Write(scratch);
        BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)count);
        body.Write(scratch);
        for (int p = 0; p < paths.Count; p++)
        {
            if (string.IsNullOrEmpty(paths[p]))
                continue;
            byte[] utf8 = Encoding.UTF8.GetBytes(paths[p]!);
            if (utf8.Length > MaxPathBytes)
                throw new ArgumentException($"The SoundFont path for part {p} is {utf8.Length} bytes long; the limit is {MaxPathBytes}.");
            body.WriteByte((byte)p);
            BinaryPrimitives.WriteUInt16LittleEndian(scratch, (ushort)utf8.Length);
            body.Write(scratch);
            body.Write(utf8);
        }
        return new StateBlob(Tag, body.ToArray());
    }

    /// <summary>
    /// Reads the paths (one slot per part) or says why it cannot: a newer version, or damage.
    /// Entries for parts this build does not have are skipped.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out string?[] paths, out string? problem)
    {
        paths = new string?[BandSynth.PartCount];
        problem = null;
        if (data.Length < 4)
        {
            problem = $"the user SoundFont list is cut off ({data.Length} bytes)";
            return false;
        }
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(data);
        if (version != Version)
        {
            problem = $"the user SoundFont list has format version {version}, this build reads {Version} (saved by a newer Sideman?)";
            return false;
        }
        int count = BinaryPrimitives.ReadUInt16LittleEndian(data[2..]);
        int at = 4;
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        for (int i = 0; i < count; i++)
        {
            if (at + 3 > data.Length)
            {
                problem = $"user SoundFont entry {i} of {count} is cut off";
                return false;
            }
            int part = data[at];
            int length = BinaryPrimitives.ReadUInt16LittleEndian(data[(at + 1)..]);
            at += 3;
            if (length == 0 || length > data.Length - at)
            {
                problem = $"user SoundFont entry {i} of {count} has a bad length ({length})";
                return false;
            }
            string path;
            try
            {
                path = decoder.GetString(data.Slice(at, length));
            }
            catch (DecoderFallbackException)
            {
                problem = $"user SoundFont entry {i} of {count} is not valid UTF-8";
                return false;
            }
            at += length;
            if (part < paths.Length)
                paths[part] = path;
        }
        if (at != data.Length)
        {
            problem = $"{data.Length - at} unexpected bytes follow the user SoundFont list";
            return false;
        }
        return true;
    }
}
