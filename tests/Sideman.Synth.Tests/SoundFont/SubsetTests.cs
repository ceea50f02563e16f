using Sideman.Synth.SoundFont;
using Sideman.Synth.Tests.Support;

namespace Sideman.Synth.Tests.SoundFont;

/// <summary>The bundled subset: the right presets, only their samples, the licence kept, identical sound.</summary>
[Collection(FluidR3Collection.Name)]
public sealed class SubsetTests
{
    private readonly FluidR3Fixture _fluid;

    public SubsetTests(FluidR3Fixture fluid) => _fluid = fluid;

    [RequiresFluidR3Fact]
    public void Holds_exactly_the_bundled_presets_under_their_original_names()
    {
        var subset = _fluid.SubsetBank;
        var expected = BundledPresets.AllPresets.OrderBy(a => a.Bank * 128 + a.Program).ToList();
        Assert.Equal(expected, subset.Presets.Select(p => new PresetAddress(p.Bank, p.Program)));
        foreach (var p in subset.Presets) Assert.Equal(_fluid.Bank.Find(p.Bank, p.Program)!.Name, p.Name);
        Assert.Empty(subset.Warnings);
    }

    [RequiresFluidR3Fact]
    public void Keeps_only_samples_its_instruments_use_and_is_much_smaller()
    {
        var file = SoundFontReader.Read(_fluid.SubsetBytes, "subset");
        var used = new HashSet<int>();
        foreach (var inst in file.Instruments)
        {
            foreach (var zone in inst.Zones)
            {
                if (zone.TerminalIndex(GeneratorType.SampleId) is int s)
                {
                    used.Add(s);
                    if ((file.Samples[s].Type & (SampleType.Left | SampleType.Right)) != 0) used.Add(file.Samples[s].Link);
                }
            }
        }
        Assert.Equal(file.Samples.Count, used.Count);
        long expectedPoints = file.Samples.Sum(s => (long)(s.End - s.Start) + SoundFontSubset.SamplePadding);
        Assert.Equal(expectedPoints, file.SampleData.Length);
        Assert.True(_fluid.SubsetBytes.Length < new FileInfo(TestPaths.FluidR3).Length / 3);
    }

    [RequiresFluidR3Fact]
    public void Keeps_the_licence_notice_in_the_info_chunk()
    {
        var info = SoundFontReader.Read(_fluid.SubsetBytes, "subset").Info;
        Assert.Contains("Frank Wen", info.Copyright);
        Assert.Contains("MIT", info.Comments);
        Assert.Contains("Sideman", info.Comments);
        Assert.Equal("Frank Wen", info.Engineers);
    }

    [RequiresFluidR3Fact]
    public void Building_to_disk_writes_the_bank_and_its_licence_file()
    {
        string dir = Path.Combine(Path.GetTempPath(), "sideman-subset-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = BundledSoundFont.Build(TestPaths.FluidR3, Path.Combine(dir, BundledPresets.SoundFontFileName));
            Assert.Equal(_fluid.SubsetBytes.Length, report.Bytes);
            Assert.True(File.ReadAllBytes(report.OutputPath).AsSpan().SequenceEqual(_fluid.SubsetBytes));
            string licence = File.ReadAllText(report.LicensePath);
            Assert.EndsWith("sideman-gm.LICENSE.txt", report.LicensePath);
            Assert.Contains("Permission is hereby granted, free of charge", licence);
            Assert.Contains("Frank Wen", licence);
            Assert.False(File.Exists(report.OutputPath + ".tmp"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void A_missing_source_says_which_package_to_install()
    {
        var e = Assert.Throws<FileNotFoundException>(() => BundledSoundFont.Build("/nonexistent/FluidR3_GM.sf2", Path.GetTempFileName()));
        Assert.Contains("fluid-soundfont-gm", e.Message);
    }

    public static IEnumerable<object[]> Presets() =>
        BundledPresets.AllPresets.Select(p => new object[] { p.Bank, p.Program });

    [RequiresFluidR3Theory]
    [MemberData(nameof(Presets))]
    public void Subset_presets_render_identically_to_the_full_bank(int bank, int program)
    {
        int[] keys = bank == 128 ? new[] { 36, 38, 42, 46, 51 } : new[] { 28, 45, 60, 72, 96 };
        foreach (int key in keys)
        {
            foreach (int velocity in new[] { 40, 127 })
            {
                var full = Renderer.Note(Renderer.DryPart(_fluid.Bank, bank, program), key, velocity, 9_600, 14_400);
                var sub = Renderer.Note(Renderer.DryPart(_fluid.SubsetBank, bank, program), key, velocity, 9_600, 14_400);
                Assert.True(full.Left.AsSpan().SequenceEqual(sub.Left) && full.Right.AsSpan().SequenceEqual(sub.Right),
                    $"{bank}:{program} key {key} velocity {velocity} sounds different in the subset");
            }
        }
    }
}
