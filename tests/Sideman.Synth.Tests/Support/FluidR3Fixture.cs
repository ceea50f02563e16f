using Sideman.Synth.SoundFont;

namespace Sideman.Synth.Tests.Support;

/// <summary>
/// Loads FluidR3_GM once for every test that needs it: the raw file, the playable bank, the
/// bundled subset (built in memory, written and read back) and a tiny subset used for fuzzing.
/// </summary>
public sealed class FluidR3Fixture
{
    private readonly Lazy<SoundFontFile> _file = new(() => SoundFontReader.Read(TestPaths.FluidR3));
    private readonly Lazy<SoundFontBank> _bank;
    private readonly Lazy<byte[]> _subsetBytes;
    private readonly Lazy<SoundFontBank> _subsetBank;
    private readonly Lazy<byte[]> _tinyBytes;

    public FluidR3Fixture()
    {
        _bank = new(() => new SoundFontBank(File, TestPaths.FluidR3));
        _subsetBytes = new(() => Serialize(BundledSoundFont.Make(File)));
        _subsetBank = new(() => new SoundFontBank(SoundFontReader.Read(SubsetBytes, "subset"), "subset"));
        _tinyBytes = new(() => Serialize(SoundFontSubset.Build(File,
            new[] { new PresetAddress(0, 80), new PresetAddress(0, 38), new PresetAddress(0, 81) }, "fuzz corpus")));
    }

    public SoundFontFile File => _file.Value;

    public SoundFontBank Bank => _bank.Value;

    public byte[] SubsetBytes => _subsetBytes.Value;

    public SoundFontBank SubsetBank => _subsetBank.Value;

    /// <summary>A small real bank (three synth presets from FluidR3, a few kB of samples).</summary>
    public byte[] TinyBytes => _tinyBytes.Value;

    public static byte[] Serialize(SoundFontFile file)
    {
        using var ms = new MemoryStream();
        SoundFontWriter.Write(file, ms);
        return ms.ToArray();
    }
}

[CollectionDefinition(Name)]
public sealed class FluidR3Collection : ICollectionFixture<FluidR3Fixture>
{
    public const string Name = "FluidR3";
}
