using System.Buffers.Binary;
using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>
/// Seeded fuzzing of a real bank (three presets cut from FluidR3 by our own subset writer):
/// truncations, bit flips, absurd chunk sizes and absurd indices in the preset data. The reader
/// either succeeds or throws <see cref="SoundFontFormatException"/>; a bank it accepts must
/// resolve and play without throwing or producing NaN.
/// </summary>
[Collection(FluidR3Collection.Name)]
public sealed class FuzzTests
{
    private const int Iterations = 4000;
    private readonly FluidR3Fixture _fluid;

    public FuzzTests(FluidR3Fixture fluid) => _fluid = fluid;

    [RequiresFluidR3Fact]
    public void Damaged_real_banks_give_only_clear_errors()
    {
        byte[] original = _fluid.TinyBytes;
        var layout = RiffLayout.Parse(original);
        var records = layout.Chunks.Where(c => c.Id is "phdr" or "pbag" or "pmod" or "pgen" or "inst" or "ibag" or "imod" or "igen" or "shdr").ToList();
        var rng = new Random(20261122);
        int accepted = 0, rejected = 0;
        var part = new PartSynth(new PartSynthOptions { MaxPolyphony = 8, FadeReserve = 2 });
        part.SetSampleRate(48_000);
        var left = new float[256];
        var right = new float[256];

        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            byte[] bytes = (byte[])original.Clone();
            string what = Mutate(bytes, ref bytes, layout, records, rng);
            try
            {
                var file = SoundFontReader.Read(bytes, "fuzz.sf2");
                var bank = new SoundFontBank(file, "fuzz.sf2");
                accepted++;
                if (iteration % 8 == 0) PlayEveryPreset(bank, part, left, right, iteration, what);
            }
            catch (SoundFontFormatException e)
            {
                rejected++;
                Assert.False(string.IsNullOrEmpty(e.Chunk), $"iteration {iteration} ({what}): no chunk named");
                Assert.InRange(e.Offset, 0, Math.Max(bytes.Length, 12));
                Assert.Contains("fuzz.sf2", e.Message);
            }
            catch (Exception e)
            {
                Assert.Fail($"iteration {iteration} ({what}) threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }
        }
        // Both outcomes must occur, or the mutations are not exercising the reader.
        Assert.True(accepted > Iterations / 20, $"only {accepted} mutated banks were accepted");
        Assert.True(rejected > Iterations / 20, $"only {rejected} mutated banks were rejected");
    }

    private static void PlayEveryPreset(SoundFontBank bank, PartSynth part, float[] left, float[] right, int iteration, string what)
    {
        foreach (var preset in bank.Presets)
        {
            part.SetBank(bank, preset.Bank, preset.Program);
            part.NoteOn(0, 36, 100);
            part.NoteOn(10, 60, 127);
            part.NoteOn(20, 96, 30);
            part.Render(left, right);
            part.AllNotesOff(0);
            part.Render(left, right);
            Assert.True(Analysis.AllFinite(left) && Analysis.AllFinite(right), $"iteration {iteration} ({what}): non-finite output");
            part.Reset();
        }
    }

    private static string Mutate(byte[] bytes, ref byte[] result, RiffLayout layout, List<RiffLayout.Chunk> records, Random rng)
    {
        int kind = rng.Next(6);
        switch (kind)
        {
            case 0:
            {
                int length = rng.Next(bytes.Length);
                result = bytes.AsSpan(0, length).ToArray();
                return $"truncated to {length}";
            }
            case 1:
            {
                int flips = 1 + rng.Next(8);
                for (int i = 0; i < flips; i++) bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
                return $"{flips} bit flips";
            }
            case 2:
            {
                var chunk = layout.Chunks[rng.Next(layout.Chunks.Count)];
                uint[] absurd = { 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0, 1, (uint)chunk.Size + 1, (uint)chunk.Size - 1, (uint)rng.Next() };
                uint size = absurd[rng.Next(absurd.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(chunk.HeaderOffset + 4), size);
                return $"{chunk.Id} size {size}";
            }
            case 3:
            case 4:
            {
                // Absurd 16-bit values in preset-data records: bag, generator, instrument and sample indices.
                var chunk = records[rng.Next(records.Count)];
                if (chunk.Size < 2) return "nothing";
                int at = chunk.DataOffset + rng.Next(chunk.Size / 2) * 2;
                ushort[] absurd = { 0xFFFF, 0x8000, 0x7FFF, 0, 1, 60, 127, (ushort)rng.Next(65536) };
                ushort value = absurd[rng.Next(absurd.Length)];
                BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(at), value);
                return $"{chunk.Id}+{at - chunk.DataOffset} = {value}";
            }
            default:
            {
                // Absurd 32-bit sample addresses in a sample header.
                var shdr = layout["shdr"];
                int headers = shdr.Size / 46;
                int at = shdr.DataOffset + rng.Next(headers) * 46 + 20 + rng.Next(5) * 4;
                uint[] absurd = { 0xFFFFFFFF, 0x7FFFFFFF, 0, 1, (uint)rng.Next(200_000) };
                uint value = absurd[rng.Next(absurd.Length)];
                BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);
                return $"shdr+{at - shdr.DataOffset} = {value}";
            }
        }
    }
}
