namespace Sideman.Synth.SoundFont;

/// <summary>
/// One modulator record as stored in a pmod/imod chunk (SF2.04 section 8.2): primary source,
/// destination, amount, amount (secondary) source and transform, kept bit-exact so a writer can
/// store it back unchanged.
/// </summary>
public readonly record struct ModulatorRecord(
    ushort Source, ushort Destination, short Amount, ushort AmountSource, ushort Transform)
{
    /// <summary>
    /// Two modulators are "identical" in the spec's sense when everything but the amount matches;
    /// identical modulators override (instrument level) or add to (preset level) each other.
    /// </summary>
    public bool SameIdentityAs(in ModulatorRecord other) =>
        Source == other.Source && Destination == other.Destination
        && AmountSource == other.AmountSource && Transform == other.Transform;

    /// <summary>Destinations with bit 15 set point at another modulator (links); we don't play those.</summary>
    public bool IsLinked => (Destination & 0x8000) != 0;
}
