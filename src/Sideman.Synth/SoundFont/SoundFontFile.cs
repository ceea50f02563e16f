namespace Sideman.Synth.SoundFont;

/// <summary>
/// A SoundFont 2 file as stored: info, presets, instruments, sample headers and sample data,
/// without the terminal records. The reader produces it, the writer stores it, and
/// <see cref="SoundFontBank"/> turns it into something playable.
/// </summary>
public sealed class SoundFontFile
{
    public SoundFontFile(
        SoundFontInfo info,
        IReadOnlyList<PresetRecord> presets,
        IReadOnlyList<InstrumentRecord> instruments,
        IReadOnlyList<SampleHeader> samples,
        SampleData sampleData,
        IReadOnlyList<string>? warnings = null)
    {
        Info = info;
        Presets = presets;
        Instruments = instruments;
        Samples = samples;
        SampleData = sampleData;
        Warnings = warnings ?? Array.Empty<string>();
    }

    public SoundFontInfo Info { get; }

    public IReadOnlyList<PresetRecord> Presets { get; }

    public IReadOnlyList<InstrumentRecord> Instruments { get; }

    public IReadOnlyList<SampleHeader> Samples { get; }

    public SampleData SampleData { get; }

    /// <summary>Problems the reader worked around (bad loops, unplayable samples, misplaced generators).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>The preset with this bank and program, or null.</summary>
    public PresetRecord? FindPreset(int bank, int program)
    {
        foreach (var p in Presets)
        {
            if (p.Bank == bank && p.Program == program) return p;
        }
        return null;
    }
}
