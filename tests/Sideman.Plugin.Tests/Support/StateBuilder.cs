using System.Buffers.Binary;
using System.Text;

namespace Sideman.Plugin.Tests.Support;

/// <summary>
/// Writes state bytes by hand from the documented layout, independently of StateWriter, so tests
/// can craft any version, id set or blob and check the reader against the spec rather than itself.
/// </summary>
internal sealed class StateBuilder
{
    private readonly List<(string id, double value)> _values = [];
    private readonly List<(uint tag, byte[] data)> _blobs = [];

    public ushort Version { get; set; } = 1;
    public byte[] Trailing { get; set; } = [];

    public StateBuilder Value(string id, double value)
    {
        _values.Add((id, value));
        return this;
    }

    public StateBuilder Blob(string tag, byte[] data)
    {
        _blobs.Add((BinaryPrimitives.ReadUInt32BigEndian(Encoding.ASCII.GetBytes(tag)), data));
        return this;
    }

    public byte[] Build()
    {
        var body = new List<byte>();
        body.AddRange(U32(_values.Count));
        foreach ((string id, double value) in _values)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(id);
            body.Add((byte)bytes.Length);
            body.AddRange(bytes);
            var d = new byte[8];
            BinaryPrimitives.WriteDoubleLittleEndian(d, value);
            body.AddRange(d);
        }
        body.AddRange(U32(_blobs.Count));
        foreach ((uint tag, byte[] data) in _blobs)
        {
            body.AddRange(U32((int)tag));
            body.AddRange(U32(data.Length));
            body.AddRange(data);
        }
        body.AddRange(Trailing);

        var all = new List<byte>();
        all.AddRange("SMST"u8.ToArray());
        all.AddRange([(byte)Version, (byte)(Version >> 8), 0, 0]);
        all.AddRange(U32(body.Count));
        all.AddRange(body);
        all.AddRange(U32((int)ReferenceCrc32(all.ToArray())));
        return all.ToArray();
    }

    /// <summary>Recomputes the trailing checksum after a test edited the bytes.</summary>
    public static void FixChecksum(byte[] state)
    {
        uint crc = ReferenceCrc32(state.AsSpan(0, state.Length - 4));
        BinaryPrimitives.WriteUInt32LittleEndian(state.AsSpan(state.Length - 4), crc);
    }

    /// <summary>Bit-by-bit CRC-32 (IEEE), deliberately not the table version the product uses.</summary>
    public static uint ReferenceCrc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc >> 1) ^ (0xEDB88320u & (uint)-(int)(crc & 1));
        }
        return ~crc;
    }

    private static byte[] U32(int value)
    {
        var b = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)value);
        return b;
    }
}
