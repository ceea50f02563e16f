using System.Buffers.Binary;

namespace Sideman.Music.Audio;

/// <summary>
/// Writes 32-bit float WAV files (WAVE_FORMAT_IEEE_FLOAT), the format DAWs import without conversion and
/// that keeps a render bit-exact. Little-endian RIFF; one interleaved frame per sample index. [main]
/// </summary>
public static class WavFileWriter
{
    /// <summary>Writes channels of equal length (stereo: left, right) at <paramref name="sampleRate"/> Hz.</summary>
    public static void Write(string path, int sampleRate, params ReadOnlySpan<float[]> channels)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        Write(stream, sampleRate, channels);
    }

    public static void Write(Stream stream, int sampleRate, params ReadOnlySpan<float[]> channels)
    {
        if (channels.Length is < 1 or > 8)
            throw new ArgumentException($"a WAV file here has 1..8 channels, not {channels.Length}", nameof(channels));
        if (sampleRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "the sample rate must be positive");
        int frames = channels[0].Length;
        foreach (float[] c in channels)
        {
            if (c.Length != frames)
                throw new ArgumentException("every channel needs the same number of samples", nameof(channels));
        }
        long dataBytes = (long)frames * channels.Length * sizeof(float);
        if (dataBytes > uint.MaxValue - 64)
            throw new ArgumentException("the render is too long for a WAV file (4 GiB)", nameof(channels));
        Span<byte> header = stackalloc byte[58];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], (uint)(50 + dataBytes));
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 18);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 3); // IEEE float
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)channels.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * channels.Length * sizeof(float)));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)(channels.Length * sizeof(float)));
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 32);
        BinaryPrimitives.WriteUInt16LittleEndian(header[36..], 0); // cbSize
        "fact"u8.CopyTo(header[38..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[42..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header[46..], (uint)frames);
        "data"u8.CopyTo(header[50..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[54..], (uint)dataBytes);
        stream.Write(header);
        var buffer = new byte[4096 * channels.Length * sizeof(float)];
        for (int start = 0; start < frames; start += 4096)
        {
            int n = Math.Min(4096, frames - start);
            int o = 0;
            for (int i = 0; i < n; i++)
            {
                foreach (float[] c in channels)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(buffer.AsSpan(o), c[start + i]);
                    o += sizeof(float);
                }
            }
            stream.Write(buffer, 0, o);
        }
    }
}
