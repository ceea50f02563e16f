namespace Sideman.Music.Patterns;

/// <summary>The role a generated part plays in the band. Names match the PART tokens of models/vocab.json.</summary>
public enum PartRole
{
    Drums,
    Bass,
    Keys,
    Pad,
    Arp,
    Melody,
}
