namespace Sideman.Synth.SoundFont;

/// <summary>One generator record as stored in a pgen/igen chunk: an operator and a 16-bit amount.</summary>
public readonly record struct Generator(GeneratorType Type, short Amount)
{
    /// <summary>Low byte of a range amount (key/velocity range low end).</summary>
    public byte RangeLow => (byte)(Amount & 0xFF);

    /// <summary>High byte of a range amount (key/velocity range high end).</summary>
    public byte RangeHigh => (byte)((Amount >> 8) & 0xFF);

    /// <summary>The amount as an unsigned word (instrument and sample indices).</summary>
    public ushort Index => unchecked((ushort)Amount);
}
