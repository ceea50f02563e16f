namespace Sideman.Plugin.Interop;

/// <summary>NUL-terminated UTF-16 strings in caller-owned buffers, as the ABI (and VST3's String128) uses them.</summary>
internal static unsafe class Utf16Text
{
    /// <summary>Longest string we read from the bridge; anything longer is cut, never overrun.</summary>
    public const int MaxReadLength = 64 * 1024;

    /// <summary>[any] Writes text, truncated to capacity-1 units, always terminated. No-op without room.</summary>
    public static void Write(ReadOnlySpan<char> text, ushort* destination, int capacity)
    {
        if (destination == null || capacity <= 0)
            return;
        int length = Math.Min(text.Length, capacity - 1);
        // Never split a surrogate pair: a lone high surrogate is invalid UTF-16.
        if (length > 0 && length < text.Length && char.IsHighSurrogate(text[length - 1]))
            length--;
        for (int i = 0; i < length; i++)
            destination[i] = text[i];
        destination[length] = 0;
    }

    /// <summary>[any] Writes text into a fixed field, truncated to its length - 1 units, always terminated.</summary>
    public static void Write(ReadOnlySpan<char> text, Span<ushort> destination)
    {
        fixed (ushort* d = destination)
            Write(text, d, destination.Length);
    }

    /// <summary>[any] The text of a terminated UTF-16 field (up to its first NUL).</summary>
    public static ReadOnlySpan<char> Chars(ReadOnlySpan<ushort> field)
    {
        int end = field.IndexOf((ushort)0);
        ReadOnlySpan<char> chars = System.Runtime.InteropServices.MemoryMarshal.Cast<ushort, char>(field);
        return end < 0 ? chars : chars[..end];
    }

    /// <summary>[any] Writes ASCII into a byte field, truncated and terminated.</summary>
    public static void WriteAscii(ReadOnlySpan<char> text, byte* destination, int capacity)
    {
        if (destination == null || capacity <= 0)
            return;
        int length = Math.Min(text.Length, capacity - 1);
        for (int i = 0; i < length; i++)
            destination[i] = text[i] < 128 ? (byte)text[i] : (byte)'?';
        destination[length] = 0;
    }

    /// <summary>[main] Reads a terminated string (at most <see cref="MaxReadLength"/> units).</summary>
    public static string Read(ushort* text) => Read(text, MaxReadLength);

    /// <summary>[main] Reads a terminated string of at most <paramref name="maxLength"/> units (longer text is cut there).</summary>
    public static string Read(ushort* text, int maxLength)
    {
        if (text == null)
            return string.Empty;
        int length = 0;
        while (length < maxLength && text[length] != 0)
            length++;
        return new string((char*)text, 0, length);
    }
}
