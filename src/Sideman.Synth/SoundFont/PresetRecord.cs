namespace Sideman.Synth.SoundFont;

/// <summary>A preset header (phdr) and its zones, as read from the file.</summary>
public sealed class PresetRecord
{
    public PresetRecord(string name, int program, int bank, uint library, uint genre, uint morphology, ZoneRecord[] zones)
    {
        Name = name;
        Program = program;
        Bank = bank;
        Library = library;
        Genre = genre;
        Morphology = morphology;
        Zones = zones;
    }

    public string Name { get; }

    /// <summary>MIDI program number (0..127).</summary>
    public int Program { get; }

    /// <summary>MIDI bank; 128 is the percussion bank by convention.</summary>
    public int Bank { get; }

    public uint Library { get; }

    public uint Genre { get; }

    public uint Morphology { get; }

    public ZoneRecord[] Zones { get; }

    public override string ToString() => $"{Bank:D3}:{Program:D3} {Name}";
}
