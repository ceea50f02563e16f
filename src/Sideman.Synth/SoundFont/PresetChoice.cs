namespace Sideman.Synth.SoundFont;

/// <summary>A preset offered for a part, with the name shown to the user.</summary>
public sealed record PresetChoice(BandPart Part, PresetAddress Address, string Name);
