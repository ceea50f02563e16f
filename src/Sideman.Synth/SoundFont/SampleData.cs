namespace Sideman.Synth.SoundFont;

/// <summary>
/// The sample pool of a SoundFont: 16-bit points from the smpl chunk and, for 24-bit banks,
/// the low bytes from sm24. Points are addressed the way sample headers address them.
/// </summary>
public sealed class SampleData
{
    public SampleData(short[] high, byte[]? low24)
    {
        if (low24 != null && low24.Length < high.Length)
            throw new ArgumentException("sm24 must have one byte per sample point", nameof(low24));
        High = high;
        Low24 = low24;
    }

    /// <summary>The 16-bit sample points (the top 16 bits of 24-bit samples).</summary>
    public short[] High { get; }

    /// <summary>The low 8 bits of 24-bit samples, or null for a 16-bit bank.</summary>
    public byte[]? Low24 { get; }

    public int Length => High.Length;

    /// <summary>One point scaled to [-1, 1). For tests and tools, not the render loop.</summary>
    public float PointAt(int index)
    {
        if ((uint)index >= (uint)High.Length) return 0f;
        if (Low24 == null) return High[index] * (1f / 32768f);
        return ((High[index] << 8) | Low24[index]) * (1f / 8388608f);
    }
}
