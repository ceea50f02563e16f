using System.Buffers.Binary;
using System.Text;

namespace Sideman.Engine.State;

/// <summary>
/// A tagged piece of engine state saved next to the parameter values (chord history, user
/// SoundFont paths, ...). The tag is a four-character code; the bytes are the owner's business.
/// Blobs the engine does not know are kept and written back unchanged, so an older build never
/// destroys what a newer one saved.
/// </summary>
public sealed class StateBlob
{
    public StateBlob(uint tag, ReadOnlyMemory<byte> data)
    {
        Tag = tag;
        Data = data;
    }

    public uint Tag { get; }
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The tag for a four-character ASCII code such as "CHRD".</summary>
    public static uint MakeTag(string fourCc)
    {
        if (fourCc.Length != 4 || !Ascii.IsValid(fourCc))
            throw new ArgumentException($"A blob tag is four ASCII characters, not '{fourCc}'.");
        Span<byte> bytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(fourCc, bytes);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    /// <summary>The four characters of a tag, for messages.</summary>
    public static string TagText(uint tag)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, tag);
        var text = new StringBuilder(4);
        foreach (byte b in bytes)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        return text.ToString();
    }
}
