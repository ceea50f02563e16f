using System.Buffers.Binary;
using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>Damaged files give a clear error naming the chunk and the byte offset.</summary>
public sealed class DamagedFileTests
{
    private static byte[] GoodBytes()
    {
        var tone = Sine("tone", 100, 20, 60);
        var file = Build(tone.Points, new[] { tone.Header },
            new[] { Instrument("inst", Zone(Gen(GeneratorType.Pan, 10), new Generator(GeneratorType.SampleId, 0))) },
            new[] { Preset("preset", 0, 0, Zone(new Generator(GeneratorType.Instrument, 0))) });
        return FluidR3Fixture.Serialize(file);
    }

    private static SoundFontFormatException Fails(byte[] bytes) =>
        Assert.Throws<SoundFontFormatException>(() => SoundFontReader.Read(bytes, "damaged.sf2"));

    [Fact]
    public void The_good_file_reads()
    {
        var file = SoundFontReader.Read(GoodBytes(), "good.sf2");
        Assert.Single(file.Presets);
        Assert.Empty(file.Warnings);
    }

    [Fact]
    public void An_empty_file_names_the_RIFF_header()
    {
        var e = Fails(Array.Empty<byte>());
        Assert.Equal("RIFF", e.Chunk);
        Assert.Equal(0, e.Offset);
        Assert.Contains("damaged.sf2", e.Message);
    }

    [Fact]
    public void A_wave_file_is_not_a_soundfont()
    {
        var bytes = GoodBytes();
        "WAVE"u8.CopyTo(bytes.AsSpan(8));
        var e = Fails(bytes);
        Assert.Equal(("RIFF", 8L), (e.Chunk, e.Offset));
        Assert.Contains("'WAVE'", e.Message);
    }

    [Fact]
    public void A_truncated_file_names_the_RIFF_size()
    {
        var bytes = GoodBytes();
        var e = Fails(bytes.AsSpan(0, bytes.Length - 100).ToArray());
        Assert.Equal(("RIFF", 4L), (e.Chunk, e.Offset));
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void A_chunk_size_past_its_parent_names_that_chunk()
    {
        var bytes = GoodBytes();
        var pbag = RiffLayout.Parse(bytes)["pbag"];
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(pbag.HeaderOffset + 4), 0x7FFFFFF0);
        var e = Fails(bytes);
        Assert.Equal(("pbag", (long)pbag.HeaderOffset), (e.Chunk, e.Offset));
    }

    [Fact]
    public void A_record_chunk_of_the_wrong_size_names_it()
    {
        var bytes = GoodBytes();
        var layout = RiffLayout.Parse(bytes);
        var igen = layout["igen"];
        // Insert two stray bytes at the end of igen and grow igen, LIST pdta and RIFF to match, so the
        // RIFF structure stays valid and only igen's record size is wrong.
        int at = igen.DataOffset + igen.Size;
        var grown = new byte[bytes.Length + 2];
        bytes.AsSpan(0, at).CopyTo(grown);
        bytes.AsSpan(at).CopyTo(grown.AsSpan(at + 2));
        foreach (var header in new[] { igen.HeaderOffset, layout["LIST:pdta"].HeaderOffset, 0 })
        {
            var field = grown.AsSpan(header + 4, 4);
            BinaryPrimitives.WriteInt32LittleEndian(field, BinaryPrimitives.ReadInt32LittleEndian(field) + 2);
        }
        bytes = grown;
        var e = Fails(bytes);
        Assert.Equal("igen", e.Chunk);
        Assert.Equal(igen.HeaderOffset, e.Offset);
    }

    [Fact]
    public void A_bag_index_past_the_bags_names_the_header_record()
    {
        var bytes = GoodBytes();
        var phdr = RiffLayout.Parse(bytes)["phdr"];
        int terminal = phdr.DataOffset + 38;   // EOP record
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(terminal + 24), 999);
        var e = Fails(bytes);
        Assert.Equal(("phdr", (long)terminal), (e.Chunk, e.Offset));
        Assert.Contains("999", e.Message);
    }

    [Fact]
    public void Decreasing_bag_indices_are_rejected()
    {
        var bytes = GoodBytes();
        var phdr = RiffLayout.Parse(bytes)["phdr"];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(phdr.DataOffset + 24), 1);   // first preset starts at bag 1
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(phdr.DataOffset + 38 + 24), 0); // terminal at bag 0
        var e = Fails(bytes);
        Assert.Equal("phdr", e.Chunk);
        Assert.Contains("must not decrease", e.Message);
    }

    [Fact]
    public void An_instrument_index_past_the_instruments_names_the_generator()
    {
        var bytes = GoodBytes();
        var pgen = RiffLayout.Parse(bytes)["pgen"];
        // The preset zone's only generator is the instrument link: point it at instrument 7.
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(pgen.DataOffset + 2), 7);
        var e = Fails(bytes);
        Assert.Equal(("pgen", (long)pgen.DataOffset), (e.Chunk, e.Offset));
        Assert.Contains("instrument 7", e.Message);
    }

    [Fact]
    public void A_sample_index_past_the_samples_names_the_generator()
    {
        var bytes = GoodBytes();
        var igen = RiffLayout.Parse(bytes)["igen"];
        int sampleGen = igen.DataOffset + 4;   // after the pan generator
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(sampleGen + 2), 0xFFFF);
        var e = Fails(bytes);
        Assert.Equal(("igen", (long)sampleGen), (e.Chunk, e.Offset));
    }

    [Fact]
    public void A_missing_sub_chunk_is_named()
    {
        var bytes = GoodBytes();
        var shdr = RiffLayout.Parse(bytes)["shdr"];
        "shdX"u8.CopyTo(bytes.AsSpan(shdr.HeaderOffset));
        var e = Fails(bytes);
        Assert.Equal("shdr", e.Chunk);
        Assert.Contains("missing", e.Message);
    }

    [Fact]
    public void A_future_major_version_is_rejected()
    {
        var bytes = GoodBytes();
        var ifil = RiffLayout.Parse(bytes)["ifil"];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(ifil.DataOffset), 3);
        var e = Fails(bytes);
        Assert.Equal("ifil", e.Chunk);
        Assert.Contains("version 3", e.Message);
    }

    [Fact]
    public void A_sample_header_outside_the_data_becomes_a_silent_sample_with_a_warning()
    {
        var bytes = GoodBytes();
        var shdr = RiffLayout.Parse(bytes)["shdr"];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(shdr.DataOffset + 24), 50_000_000);   // dwEnd
        var file = SoundFontReader.Read(bytes, "odd.sf2");
        Assert.False(file.Samples[0].IsPlayable);
        Assert.Contains(file.Warnings, w => w.Contains("tone") && w.Contains("silent"));
        var bank = new SoundFontBank(file);
        Assert.Empty(bank.Find(0, 0)!.Regions);
    }

    [Fact]
    public void A_loop_outside_the_sample_plays_unlooped()
    {
        var bytes = GoodBytes();
        var shdr = RiffLayout.Parse(bytes)["shdr"];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(shdr.DataOffset + 32), 9_999_999);   // dwEndloop
        var file = SoundFontReader.Read(bytes, "loop.sf2");
        Assert.True(file.Samples[0].IsPlayable);
        Assert.False(file.Samples[0].HasValidLoop);
    }

    [Fact]
    public void A_missing_file_stays_an_io_error()
    {
        Assert.ThrowsAny<IOException>(() => SoundFontReader.Read("/nonexistent/missing.sf2"));
    }
}
