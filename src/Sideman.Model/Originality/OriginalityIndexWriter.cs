using System.Buffers.Binary;

namespace Sideman.Model.Originality;

/// <summary>
/// Writes an index file exactly as models/ORIGINALITY_INDEX.md lays it out (keys sorted, duplicates
/// dropped). The pipeline's builder is Python; this writer serves tests and tools on the C# side. [main]
/// </summary>
public static class OriginalityIndexWriter
{
    /// <summary>Writes <paramref name="keys"/> for the vocabulary whose SHA-256 (hex) is <paramref name="vocabSha256"/>.</summary>
    public static void Write(string path, string vocabSha256, IEnumerable<ulong> keys)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, vocabSha256, keys);
    }

    public static void Write(Stream stream, string vocabSha256, IEnumerable<ulong> keys)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(keys);
        byte[] digest = Convert.FromHexString(vocabSha256);
        if (digest.Length != OriginalityIndexFormat.VocabDigestLength)
            throw new ArgumentException("the vocabulary digest must be 32 bytes (64 hex digits)", nameof(vocabSha256));
        ulong[] sorted = keys.Distinct().Order().ToArray();
        Span<byte> header = stackalloc byte[OriginalityIndexFormat.HeaderLength];
        OriginalityIndexFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[OriginalityIndexFormat.VersionOffset..], OriginalityIndexFormat.Version);
        digest.CopyTo(header[OriginalityIndexFormat.VocabDigestOffset..]);
        BinaryPrimitives.WriteUInt64LittleEndian(header[OriginalityIndexFormat.CountOffset..], (ulong)sorted.Length);
        stream.Write(header);
        Span<byte> key = stackalloc byte[OriginalityIndexFormat.KeyLength];
        foreach (ulong k in sorted)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(key, k);
            stream.Write(key);
        }
    }

    /// <summary>An in-memory index over <paramref name="keys"/> (tests, tools). [main]</summary>
    public static OriginalityIndex InMemory(string name, string vocabSha256, IEnumerable<ulong> keys)
    {
        using var buffer = new MemoryStream();
        Write(buffer, vocabSha256, keys);
        buffer.Position = 0;
        return OriginalityIndex.Read(buffer, name, vocabSha256);
    }
}
