using Sideman.Music.Midi.Files;
using Xunit.Abstractions;

namespace Sideman.Music.Tests.Midi;

/// <summary>
/// Damaged real files: seeded byte flips, truncations, insertions, deletions and corrupted chunk lengths.
/// The reader either reads the result or throws a <see cref="MidiFileException"/> naming the file and an
/// offset inside it (or -1 with the track and tick, for a value no MIDI file may hold); any other exception
/// (an out-of-range read, an overflow, from NAudio or from us) fails the test.
/// </summary>
public sealed class MidiFileFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Mutated_corpus_files_read_or_fail_clearly()
    {
        string[] groove = CorpusFiles.Groove();
        string[] mutopia = CorpusFiles.Mutopia();
        // A spread of files: every 40th of each source.
        string[] picked = [.. groove.Where((_, i) => i % 40 == 0), .. mutopia.Where((_, i) => i % 40 == 0)];
        Assert.True(picked.Length >= 20, $"only {picked.Length} files");
        var rng = new Random(20261122);
        int read = 0, refused = 0;
        foreach (string path in picked)
        {
            byte[] original = File.ReadAllBytes(path);
            for (int m = 0; m < 60; m++)
            {
                byte[] bytes = Mutate(original, rng);
                string name = $"{Path.GetFileName(path)}#{m}";
                try
                {
                    MidiFileReader.Read(bytes, name);
                    read++;
                }
                catch (MidiFileException e)
                {
                    Assert.Contains(name, e.Message);
                    Assert.InRange(e.Offset, -1, bytes.Length);
                    Assert.True(e.Offset >= 0 || e.Message.Contains(", tick ", StringComparison.Ordinal), e.Message);
                    refused++;
                }
            }
        }
        output.WriteLine($"{picked.Length} files x 60 mutations: {read} still readable, {refused} refused with file and offset");
        Assert.True(refused > 0 && read > 0);
    }

    private static byte[] Mutate(byte[] original, Random rng)
    {
        byte[] b = (byte[])original.Clone();
        switch (rng.Next(6))
        {
            case 0: // flip a few bytes
                for (int i = 0, n = 1 + rng.Next(4); i < n; i++)
                    b[rng.Next(b.Length)] = (byte)rng.Next(256);
                return b;
            case 1: // truncate
                return b[..rng.Next(b.Length)];
            case 2: // insert random bytes
            {
                int at = rng.Next(b.Length);
                byte[] extra = new byte[1 + rng.Next(8)];
                rng.NextBytes(extra);
                return [.. b[..at], .. extra, .. b[at..]];
            }
            case 3: // delete a run
            {
                int at = rng.Next(b.Length);
                int n = Math.Min(b.Length - at, 1 + rng.Next(16));
                return [.. b[..at], .. b[(at + n)..]];
            }
            case 4: // corrupt the first track's chunk length
                if (b.Length > 22)
                {
                    b[18 + rng.Next(4)] = (byte)rng.Next(256);
                }
                return b;
            default: // set a byte to a status or meta value somewhere in the events
                b[14 + rng.Next(Math.Max(1, b.Length - 14))] = (byte)(new byte[] { 0xFF, 0xF0, 0xF7, 0x80, 0x90, 0x2F, 0x7F }[rng.Next(7)]);
                return b;
        }
    }
}
