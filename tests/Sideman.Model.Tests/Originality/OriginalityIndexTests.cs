using System.Buffers.Binary;
using Sideman.Model.Originality;
using Sideman.Tests.Shared;

namespace Sideman.Model.Tests.Originality;

/// <summary>Reading the index file: every contract rule gives a clear error naming the file; lookup agrees with a set and allocates nothing.</summary>
public sealed class OriginalityIndexTests : IDisposable
{
    private const string Sha = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    private readonly string _dir = Directory.CreateTempSubdirectory("sideman-index-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, IEnumerable<ulong> keys, string sha = Sha)
    {
        string path = Path.Combine(_dir, name);
        OriginalityIndexWriter.Write(path, sha, keys);
        return path;
    }

    private string Patched(string name, Action<byte[]> patch, int? length = null)
    {
        string path = WriteFile(name, [1, 5, 9, 200]);
        byte[] bytes = File.ReadAllBytes(path);
        patch(bytes);
        File.WriteAllBytes(path, length is int n ? bytes[..n] : bytes);
        return path;
    }

    [Fact]
    public void The_written_file_has_the_contract_layout()
    {
        string path = WriteFile("a.fingerprints", [9, 3, 3, 0xFFFFFFFFFFFFFFFF]);
        byte[] b = File.ReadAllBytes(path);
        Assert.Equal(48 + 3 * 8, b.Length);
        Assert.Equal("SMFP"u8.ToArray(), b[..4]);
        Assert.Equal(1u, BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(4)));
        Assert.Equal(Convert.FromHexString(Sha), b[8..40]);
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(40)));
        Assert.Equal(3ul, BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(48)));
        Assert.Equal(9ul, BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(56)));
        Assert.Equal(ulong.MaxValue, BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(64)));
    }

    [Fact]
    public void Lookup_agrees_with_a_set_and_allocates_nothing()
    {
        var rng = new Random(5);
        var keys = Enumerable.Range(0, 5000).Select(_ => (ulong)rng.NextInt64() * 3).ToHashSet();
        OriginalityIndex index = OriginalityIndex.Load(WriteFile("r.fingerprints", keys), Sha);
        Assert.Equal(keys.Count, index.Count);
        ulong[] probes = keys.Take(2000).Concat(Enumerable.Range(0, 2000).Select(i => (ulong)rng.NextInt64())).Append(0UL).Append(ulong.MaxValue).ToArray();
        bool[] expected = probes.Select(keys.Contains).ToArray();
        var got = new bool[probes.Length];
        index.Contains(probes[0]); // JIT
        long before = ThreadAllocation.Start();
        for (int i = 0; i < probes.Length; i++)
            got[i] = index.Contains(probes[i]);
        long allocated = ThreadAllocation.Since(before);
        Assert.Equal(expected, got);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void An_empty_index_holds_nothing()
    {
        OriginalityIndex index = OriginalityIndex.Load(WriteFile("e.fingerprints", []), Sha);
        Assert.Equal(0, index.Count);
        Assert.False(index.Contains(0));
    }

    [Fact]
    public void Zero_hashes_are_never_a_copy()
    {
        ulong key = PairKey.Compute(4, 0, 77);
        OriginalityIndex index = OriginalityIndex.Load(WriteFile("z.fingerprints", [key]), Sha);
        Assert.True(index.Contains(key));
        Assert.False(index.ContainsPair(4, 0, 77));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        string path = Path.Combine(_dir, "nope.fingerprints");
        var e = Assert.Throws<OriginalityIndexException>(() => OriginalityIndex.Load(path, Sha));
        Assert.Equal(OriginalityIndexErrorKind.FileMissing, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains("not found", e.Message);
    }

    public static TheoryData<string, int, string> Damage => new()
    {
        { "magic", 0, "magic" },
        { "version", 4, "format version 2" },
        { "count up", 40, "header says 5 keys" },
        { "order", 56, "not strictly ascending" },
    };

    [Theory]
    [MemberData(nameof(Damage))]
    public void Damaged_files_are_refused_with_the_problem_named(string what, int offset, string message)
    {
        string path = Patched(what.Replace(' ', '_') + ".fingerprints", b =>
        {
            switch (offset)
            {
                case 0: b[0] = (byte)'X'; break;
                case 4: BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(4), 2); break;
                case 40: BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(40), 5); break;
                case 56: BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(56), 1); break; // second key equals the first
            }
        });
        var e = Assert.Throws<OriginalityIndexException>(() => OriginalityIndex.Load(path, Sha));
        Assert.Equal(OriginalityIndexErrorKind.FileDamaged, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(47)]
    [InlineData(48 + 12)]
    public void Truncated_files_are_refused(int length)
    {
        string path = Patched($"t{length}.fingerprints", _ => { }, length);
        var e = Assert.Throws<OriginalityIndexException>(() => OriginalityIndex.Load(path, Sha));
        Assert.Equal(OriginalityIndexErrorKind.FileDamaged, e.Kind);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void Trailing_bytes_are_refused()
    {
        string path = WriteFile("long.fingerprints", [1, 2]);
        File.AppendAllText(path, "x");
        var e = Assert.Throws<OriginalityIndexException>(() => OriginalityIndex.Load(path, Sha));
        Assert.Equal(OriginalityIndexErrorKind.FileDamaged, e.Kind);
    }

    [Fact]
    public void An_index_for_another_vocabulary_is_refused()
    {
        string path = WriteFile("v.fingerprints", [1, 2], sha: new string('a', 64));
        var e = Assert.Throws<OriginalityIndexException>(() => OriginalityIndex.Load(path, Sha));
        Assert.Equal(OriginalityIndexErrorKind.VocabularyMismatch, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains("aaaaaaaaaaaa", e.Message);
        Assert.Contains("same release", e.Message);
    }
}
