using System.Diagnostics;

namespace Sideman.Synth.SoundFont;

/// <summary>
/// A loaded, playable SoundFont: presets resolved into regions, looked up by bank and program
/// without allocating. Immutable after construction, so one bank can be shared by every part and
/// swapped in with a single reference exchange.
/// </summary>
public sealed class SoundFontBank
{
    public const int PercussionBank = 128;

    private readonly Dictionary<int, SoundFontPreset> _byAddress = new();

    public SoundFontBank(SoundFontFile file, string sourceName = "")
    {
        File = file;
        SourceName = sourceName;
        var warnings = new List<string>(file.Warnings);
        var defaults = new Modulator[DefaultModulators.Records.Count];
        for (int i = 0; i < defaults.Length; i++) defaults[i] = new Modulator(DefaultModulators.Records[i]);

        var presets = new List<SoundFontPreset>(file.Presets.Count);
        foreach (var record in file.Presets)
        {
            var preset = new SoundFontPreset(record.Name, record.Bank, record.Program,
                RegionBuilder.Build(file, record, defaults, warnings));
            presets.Add(preset);
            if (!_byAddress.TryAdd(Address(record.Bank, record.Program), preset))
                warnings.Add($"Preset '{record.Name}' repeats bank {record.Bank} program {record.Program}; the first one is used.");
        }
        presets.Sort((a, b) => Address(a.Bank, a.Program).CompareTo(Address(b.Bank, b.Program)));
        Presets = presets;
        Warnings = warnings;
    }

    public SoundFontFile File { get; }

    public string SourceName { get; }

    public SampleData SampleData => File.SampleData;

    /// <summary>Presets sorted by bank, then program.</summary>
    public IReadOnlyList<SoundFontPreset> Presets { get; }

    public IReadOnlyList<string> Warnings { get; }

    /// <summary>Reads and resolves a bank from a file. [main]</summary>
    public static SoundFontBank Load(string path) => new(SoundFontReader.Read(path), path);

    /// <summary>Loads a bank and reports how long it took (for the bench). [main]</summary>
    public static SoundFontBank Load(string path, out TimeSpan elapsed)
    {
        var watch = Stopwatch.StartNew();
        var bank = Load(path);
        elapsed = watch.Elapsed;
        return bank;
    }

    /// <summary>The exact preset, or null. [audio] (no allocation)</summary>
    public SoundFontPreset? Find(int bank, int program) =>
        _byAddress.TryGetValue(Address(bank, program), out var p) ? p : null;

    /// <summary>
    /// The preset to play for a program change, with the GM fallbacks: a missing drum kit falls
    /// back to kit 0, a missing variation bank to bank 0, and finally to the first preset. [audio]
    /// </summary>
    public SoundFontPreset? Resolve(int bank, int program)
    {
        var preset = Find(bank, program);
        if (preset != null) return preset;
        if (bank == PercussionBank) preset = Find(PercussionBank, 0);
        else preset = Find(0, program);
        if (preset != null) return preset;
        return Presets.Count > 0 ? Presets[0] : null;
    }

    private static int Address(int bank, int program) => (bank << 7) | (program & 0x7F);
}
