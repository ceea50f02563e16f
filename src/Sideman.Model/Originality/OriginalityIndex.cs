using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Sideman.Model.Originality;

/// <summary>
/// The shipped index of every pair of consecutive training bars, per part (models/ORIGINALITY_INDEX.md):
/// sorted unique 64-bit <see cref="PairKey"/>s. Loading checks the whole contract and names the file in
/// every error; lookup is a binary search that allocates nothing. Immutable; safe to share between threads.
/// </summary>
public sealed class OriginalityIndex
{
    private readonly ulong[] _keys;

    private OriginalityIndex(string path, ulong[] keys, string vocabSha256)
    {
        SourcePath = path;
        _keys = keys;
        VocabSha256 = vocabSha256;
    }

    /// <summary>The file the index was read from (or a name given to an in-memory index).</summary>
    public string SourcePath { get; }

    /// <summary>SHA-256 of the vocab.json the index was built with, lowercase hex.</summary>
    public string VocabSha256 { get; }

    public int Count => _keys.Length;

    /// <summary>
    /// Reads and checks <paramref name="path"/>. <paramref name="expectedVocabSha256"/> (hex, e.g.
    /// <see cref="ModelInfo.VocabSha256"/> or <see cref="VocabFingerprint.OfFile"/>) must match the digest in
    /// the file. Throws <see cref="OriginalityIndexException"/>. [main]/[generator]
    /// </summary>
    public static OriginalityIndex Load(string path, string expectedVocabSha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(expectedVocabSha256);
        string full = Path.GetFullPath(path);
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return Read(stream, full, expectedVocabSha256);
        }
        catch (FileNotFoundException e)
        {
            throw new OriginalityIndexException(OriginalityIndexErrorKind.FileMissing, full,
                "file not found. Install the .fingerprints file that ships beside the model, or pass its path.", e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new OriginalityIndexException(OriginalityIndexErrorKind.FileMissing, full, "its folder does not exist.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new OriginalityIndexException(OriginalityIndexErrorKind.FileMissing, full, "access denied.", e);
        }
        catch (IOException e) when (e is not EndOfStreamException)
        {
            throw new OriginalityIndexException(OriginalityIndexErrorKind.FileMissing, full, $"cannot be read ({e.Message}).", e);
        }
    }

    /// <summary>Reads an index from a stream; <paramref name="name"/> names it in errors. [main]/[generator]</summary>
    public static OriginalityIndex Read(Stream stream, string name, string expectedVocabSha256)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> header = stackalloc byte[OriginalityIndexFormat.HeaderLength];
        int got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < header.Length)
        {
            throw Damaged(name, $"the file is {got} bytes long, shorter than the {OriginalityIndexFormat.HeaderLength}-byte header. It is truncated or not an index.");
        }
        if (!header[..4].SequenceEqual(OriginalityIndexFormat.Magic))
        {
            throw Damaged(name, $"it does not start with the magic 'SMFP' (found {Convert.ToHexString(header[..4])}). It is not a Sideman fingerprint index.");
        }
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(header[OriginalityIndexFormat.VersionOffset..]);
        if (version != OriginalityIndexFormat.Version)
        {
            throw Damaged(name, $"format version {version}; this build reads version {OriginalityIndexFormat.Version}. Use the index from the same release as Sideman.");
        }
        string digest = Convert.ToHexStringLower(header.Slice(OriginalityIndexFormat.VocabDigestOffset, OriginalityIndexFormat.VocabDigestLength));
        if (!string.Equals(digest, expectedVocabSha256.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            throw new OriginalityIndexException(OriginalityIndexErrorKind.VocabularyMismatch, name,
                $"it was built for vocab.json sha256 {Short(digest)}, but the vocabulary in use is {Short(expectedVocabSha256)}. " +
                "Install the model, vocab.json and .fingerprints file from the same release.");
        }
        ulong count = BinaryPrimitives.ReadUInt64LittleEndian(header[OriginalityIndexFormat.CountOffset..]);
        if (stream.CanSeek)
        {
            long expected = OriginalityIndexFormat.HeaderLength + (long)Math.Min(count, (ulong)(long.MaxValue / 16)) * OriginalityIndexFormat.KeyLength;
            if (count > (ulong)(long.MaxValue / 16) || stream.Length != expected)
            {
                throw Damaged(name, $"the header says {count} keys ({Bytes(expected)} in all) but the file is {Bytes(stream.Length)}. It is truncated or damaged.");
            }
        }
        if (count > (ulong)Array.MaxLength)
        {
            throw Damaged(name, $"the header says {count} keys, more than this build can hold.");
        }
        var keys = GC.AllocateUninitializedArray<ulong>((int)count);
        int read = stream.ReadAtLeast(MemoryMarshal.AsBytes(keys.AsSpan()), keys.Length * OriginalityIndexFormat.KeyLength, throwOnEndOfStream: false);
        if (read < keys.Length * OriginalityIndexFormat.KeyLength)
        {
            throw Damaged(name, $"the header says {count} keys but the file ends after {read / OriginalityIndexFormat.KeyLength}. It is truncated.");
        }
        if (!stream.CanSeek && stream.ReadByte() >= 0)
        {
            throw Damaged(name, $"there are bytes after the {count} keys the header announces.");
        }
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(keys, keys);
        }
        for (int i = 1; i < keys.Length; i++)
        {
            if (keys[i] <= keys[i - 1])
            {
                throw Damaged(name, string.Create(CultureInfo.InvariantCulture,
                    $"keys {i - 1} and {i} (at byte {OriginalityIndexFormat.HeaderLength + 8L * (i - 1)}) are not strictly ascending. The file is damaged; rebuild it."));
            }
        }
        return new OriginalityIndex(name, keys, digest);
    }

    /// <summary>Is <paramref name="key"/> in the index? Binary search; allocates nothing. [any]</summary>
    public bool Contains(ulong key)
    {
        ulong[] keys = _keys;
        int lo = 0, hi = keys.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            ulong k = keys[mid];
            if (k == key)
            {
                return true;
            }
            if (k < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return false;
    }

    /// <summary>Do bars with hashes <paramref name="previousBarHash"/>, <paramref name="barHash"/> of this part copy a training pair? A zero hash (no events) never does. [any]</summary>
    public bool ContainsPair(int partToken, ulong previousBarHash, ulong barHash) =>
        previousBarHash != 0 && barHash != 0 && Contains(PairKey.Compute(partToken, previousBarHash, barHash));

    private static OriginalityIndexException Damaged(string name, string problem) =>
        new(OriginalityIndexErrorKind.FileDamaged, name, problem);

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : (sha.Length == 0 ? "(none)" : sha);

    private static string Bytes(long n) => n.ToString(CultureInfo.InvariantCulture) + " bytes";
}
