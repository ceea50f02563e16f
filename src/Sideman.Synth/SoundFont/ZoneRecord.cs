namespace Sideman.Synth.SoundFont;

/// <summary>
/// A preset or instrument zone as read from the file: its generators in file order and its
/// modulators. A zone whose generator list does not end in the terminal generator
/// (Instrument for presets, SampleId for instruments) is a global zone.
/// </summary>
public sealed class ZoneRecord
{
    public ZoneRecord(Generator[] generators, ModulatorRecord[] modulators)
    {
        Generators = generators;
        Modulators = modulators;
    }

    public Generator[] Generators { get; }

    public ModulatorRecord[] Modulators { get; }

    /// <summary>The last generator if it is <paramref name="terminal"/>, else null.</summary>
    public int? TerminalIndex(GeneratorType terminal) =>
        Generators.Length > 0 && Generators[^1].Type == terminal ? Generators[^1].Index : null;
}
