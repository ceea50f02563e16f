namespace Sideman.Synth.SoundFont;

/// <summary>A playable preset: its MIDI address, its name and its resolved regions.</summary>
public sealed class SoundFontPreset
{
    internal SoundFontPreset(string name, int bank, int program, SoundFontRegion[] regions)
    {
        Name = name;
        Bank = bank;
        Program = program;
        Regions = regions;
    }

    public string Name { get; }

    public int Bank { get; }

    public int Program { get; }

    public SoundFontRegion[] Regions { get; }

    /// <summary>True for presets in the GM percussion bank (128).</summary>
    public bool IsPercussion => Bank == SoundFontBank.PercussionBank;

    public override string ToString() => $"{Bank:D3}:{Program:D3} {Name}";
}
