using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Band;

/// <summary>Bits of <see cref="BandBlock.Triggers"/>: the band's momentary actions (a rise of Fill or a part's Regenerate).</summary>
public static class BandTriggers
{
    public const int FillBit = BandSynth.PartCount;

    public static int RegenerateBit(BandPart part) => (int)part;

    public static bool Has(int triggers, int bit) => (triggers & (1 << bit)) != 0;
}
