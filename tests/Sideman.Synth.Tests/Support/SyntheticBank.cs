using Sideman.Synth.SoundFont;

namespace Sideman.Synth.Tests.Support;

/// <summary>
/// Builds small SoundFonts in code, with known samples and generators, so the zone rules and the
/// voice behaviour can be checked against values worked out by hand.
/// </summary>
internal static class SyntheticBank
{
    public const int SampleRate = 48_000;

    /// <summary>A sine of <paramref name="periodSamples"/> points per cycle, <paramref name="cycles"/> cycles, looped whole.</summary>
    public static (short[] Points, SampleHeader Header) Sine(string name, int periodSamples, int cycles, int rootKey,
        int leadIn = 0, int tail = 0, short amplitude = 16000)
    {
        int body = periodSamples * cycles;
        var points = new short[leadIn + body + tail + SoundFontSubset.SamplePadding];
        for (int i = 0; i < leadIn + body + tail; i++)
            points[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * (i - leadIn) / periodSamples));
        var header = new SampleHeader(name, 0, (uint)(leadIn + body + tail), (uint)leadIn, (uint)(leadIn + body),
            SampleRate, (byte)rootKey, 0, 0, SampleType.Mono);
        return (points, header);
    }

    /// <summary>One preset → one instrument → one zone playing the sample with the given instrument generators.</summary>
    public static SoundFontFile Single(short[] points, SampleHeader header, params Generator[] instrumentGenerators) =>
        Build(points, new[] { header },
            new[] { Instrument("inst", Zone(instrumentGenerators.Append(new Generator(GeneratorType.SampleId, 0)).ToArray())) },
            new[] { Preset("preset", 0, 0, Zone(new Generator(GeneratorType.Instrument, 0))) });

    public static SoundFontFile Build(short[] points, SampleHeader[] samples, InstrumentRecord[] instruments, PresetRecord[] presets) =>
        new(new SoundFontInfo { Name = "synthetic", VersionMajor = 2, VersionMinor = 4 }, presets, instruments, samples,
            new SampleData(points, null));

    public static ZoneRecord Zone(params Generator[] generators) => new(generators, Array.Empty<ModulatorRecord>());

    public static ZoneRecord Zone(Generator[] generators, ModulatorRecord[] modulators) => new(generators, modulators);

    public static InstrumentRecord Instrument(string name, params ZoneRecord[] zones) => new(name, zones);

    public static PresetRecord Preset(string name, int bank, int program, params ZoneRecord[] zones) =>
        new(name, program, bank, 0, 0, 0, zones);

    public static Generator Gen(GeneratorType type, int amount) => new(type, (short)amount);

    public static Generator Range(GeneratorType type, int lo, int hi) => new(type, (short)(lo | (hi << 8)));

    /// <summary>Writes and reads back, so every test also goes through the real file format.</summary>
    public static SoundFontBank ToBank(SoundFontFile file)
    {
        using var ms = new MemoryStream();
        SoundFontWriter.Write(file, ms);
        return new SoundFontBank(SoundFontReader.Read(ms.ToArray(), "synthetic"), "synthetic");
    }
}
