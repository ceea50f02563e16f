using System.Buffers.Binary;
using System.Text;
using Sideman.Engine.Parameters;
using Sideman.Engine.State;

namespace Sideman.Plugin.State;

/// <summary>Serializes settings in the <see cref="StateFormat"/> (current version). [main]</summary>
public static class StateWriter
{
    public static byte[] Write(SettingsSnapshot settings)
    {
        ParameterSet parameters = settings.Parameters;
        ReadOnlySpan<double> values = settings.PlainValues;
        using var body = new MemoryStream();
        Span<byte> scratch = stackalloc byte[8];

        int persisted = 0;
        foreach (ParameterDefinition d in parameters.All)
            persisted += d.IsPersisted ? 1 : 0;
        WriteUInt32(body, scratch, (uint)persisted);
        foreach (ParameterDefinition d in parameters.All)
        {
            if (!d.IsPersisted)
                continue;
            byte[] id = Encoding.ASCII.GetBytes(d.StringId);
            body.WriteByte((byte)id.Length);
            body.Write(id);
            BinaryPrimitives.WriteDoubleLittleEndian(scratch, values[d.Index]);
            body.Write(scratch[..8]);
        }

        WriteUInt32(body, scratch, (uint)settings.Blobs.Count);
        foreach (StateBlob blob in settings.Blobs)
        {
            WriteUInt32(body, scratch, blob.Tag);
            WriteUInt32(body, scratch, (uint)blob.Data.Length);
            body.Write(blob.Data.Span);
        }

        int bodyLength = (int)body.Length;
        var result = new byte[StateFormat.HeaderSize + bodyLength + StateFormat.ChecksumSize];
        StateFormat.Magic.CopyTo(result);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(4), StateFormat.CurrentVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(result.AsSpan(6), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(8), (uint)bodyLength);
        body.GetBuffer().AsSpan(0, bodyLength).CopyTo(result.AsSpan(StateFormat.HeaderSize));
        int checksumAt = StateFormat.HeaderSize + bodyLength;
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(checksumAt), Crc32.Compute(result.AsSpan(0, checksumAt)));
        return result;
    }

    private static void WriteUInt32(Stream stream, Span<byte> scratch, uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(scratch, value);
        stream.Write(scratch[..4]);
    }
}
