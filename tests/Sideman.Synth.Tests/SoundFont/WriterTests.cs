using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;
using static Sideman.Synth.Tests.Support.SyntheticBank;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>Our SF2 writer: what it writes reads back to the same records, byte-stable.</summary>
[Collection(FluidR3Collection.Name)]
public sealed class WriterTests
{
    private readonly FluidR3Fixture _fluid;

    public WriterTests(FluidR3Fixture fluid) => _fluid = fluid;

    [RequiresFluidR3Fact]
    public void Writing_what_was_read_gives_the_same_bytes()
    {
        var read = SoundFontReader.Read(_fluid.SubsetBytes, "subset");
        Assert.True(FluidR3Fixture.Serialize(read).AsSpan().SequenceEqual(_fluid.SubsetBytes));
    }

    [RequiresFluidR3Fact]
    public void Reading_what_was_written_gives_the_same_records()
    {
        var original = BundledSoundFont.Make(_fluid.File);
        var back = SoundFontReader.Read(FluidR3Fixture.Serialize(original), "roundtrip");
        Assert.Equal(original.Info, back.Info);
        Assert.Equal(original.Presets.Count, back.Presets.Count);
        for (int p = 0; p < original.Presets.Count; p++)
        {
            var a = original.Presets[p];
            var b = back.Presets[p];
            Assert.Equal((a.Name, a.Bank, a.Program, a.Library, a.Genre, a.Morphology), (b.Name, b.Bank, b.Program, b.Library, b.Genre, b.Morphology));
            AssertZones(a.Zones, b.Zones);
        }
        for (int i = 0; i < original.Instruments.Count; i++)
        {
            Assert.Equal(original.Instruments[i].Name, back.Instruments[i].Name);
            AssertZones(original.Instruments[i].Zones, back.Instruments[i].Zones);
        }
        Assert.Equal(original.Samples, back.Samples);
        Assert.True(original.SampleData.High.AsSpan().SequenceEqual(back.SampleData.High));
    }

    [Fact]
    public void Twenty_four_bit_samples_round_trip_and_play_their_low_byte()
    {
        // High words all zero, low bytes a ramp: only a reader and voice that honour sm24 hear anything.
        var high = new short[1_000 + SoundFontSubset.SamplePadding];
        var low = new byte[high.Length];
        for (int i = 0; i < 1_000; i++) low[i] = (byte)(i % 200);
        var header = new SampleHeader("low", 0, 1_000, 100, 900, 48_000, 60, 0, 0, SampleType.Mono);
        var file = new SoundFontFile(new SoundFontInfo { Name = "24", VersionMajor = 2, VersionMinor = 4 },
            new[] { Preset("p", 0, 0, Zone(new Generator(GeneratorType.Instrument, 0))) },
            new[] { Instrument("i", Zone(Gen(GeneratorType.SampleModes, 1), new Generator(GeneratorType.SampleId, 0))) },
            new[] { header }, new SampleData(high, low));
        var back = SoundFontReader.Read(FluidR3Fixture.Serialize(file), "24bit");
        Assert.NotNull(back.SampleData.Low24);
        Assert.True(back.SampleData.Low24!.AsSpan(0, 1_000).SequenceEqual(low.AsSpan(0, 1_000)));
        Assert.Equal((2, 4), (back.Info.VersionMajor, back.Info.VersionMinor));

        var part = Renderer.DryPart(new SoundFontBank(back), 0, 0);
        var (left, _) = Renderer.Note(part, 60, 127, 4_000, 4_000);
        double peak = Analysis.PeakAbs(left);
        Assert.InRange(peak, 199.0 / 8_388_608 * 0.3, 199.0 / 8_388_608 * 1.0);
    }

    [Fact]
    public void Info_strings_are_zero_terminated_and_even_sized()
    {
        var tone = Sine("t", 100, 4, 60);
        var file = Build(tone.Points, new[] { tone.Header }, new[] { Instrument("i", Zone(new Generator(GeneratorType.SampleId, 0))) },
            new[] { Preset("p", 0, 0, Zone(new Generator(GeneratorType.Instrument, 0))) });
        var bytes = FluidR3Fixture.Serialize(file);
        var layout = RiffLayout.Parse(bytes);
        var inam = layout["INAM"];
        Assert.Equal(0, inam.Size % 2);
        Assert.Equal(0, bytes[inam.DataOffset + inam.Size - 1]);
        Assert.Equal("synthetic", SoundFontReader.Read(bytes, "x").Info.Name);
    }

    private static void AssertZones(ZoneRecord[] a, ZoneRecord[] b)
    {
        Assert.Equal(a.Length, b.Length);
        for (int z = 0; z < a.Length; z++)
        {
            Assert.Equal(a[z].Generators, b[z].Generators);
            Assert.Equal(a[z].Modulators, b[z].Modulators);
        }
    }
}
