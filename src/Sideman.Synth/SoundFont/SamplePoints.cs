namespace Sideman.Synth.SoundFont;

/// <summary>Reads one sample point as a float; implemented by structs so the render loop is specialised per format.</summary>
internal interface ISamplePoints
{
    float this[int index] { get; }
}

/// <summary>16-bit points.</summary>
internal readonly struct Points16 : ISamplePoints
{
    private readonly short[] _data;

    public Points16(short[] data) => _data = data;

    public float this[int index] => _data[index] * (1f / 32768f);
}

/// <summary>24-bit points: smpl holds the top 16 bits, sm24 the low 8.</summary>
internal readonly struct Points24 : ISamplePoints
{
    private readonly short[] _high;
    private readonly byte[] _low;

    public Points24(short[] high, byte[] low)
    {
        _high = high;
        _low = low;
    }

    public float this[int index] => ((_high[index] << 8) | _low[index]) * (1f / 8388608f);
}
