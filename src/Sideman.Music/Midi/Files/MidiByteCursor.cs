namespace Sideman.Music.Midi.Files;

/// <summary>
/// Reads big-endian numbers and variable-length quantities from a byte span, checking every read against
/// the end it was given: running past it is a <see cref="MidiFileException"/> with the file name and offset,
/// never an out-of-range read.
/// </summary>
internal ref struct MidiByteCursor
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _name;
    private int _end;

    public MidiByteCursor(ReadOnlySpan<byte> data, string name)
    {
        _data = data;
        _name = name;
        _end = data.Length;
        Position = 0;
    }

    public int Position { get; private set; }

    public int End => _end;

    public bool AtEnd => Position >= _end;

    public int Remaining => _end - Position;

    /// <summary>Reads stop at <paramref name="end"/> (a chunk's end) until the limit is changed again.</summary>
    public void Limit(int end) => _end = Math.Min(end, _data.Length);

    public void Seek(int position) => Position = position;

    public MidiFileException Error(string problem) => new(_name, Position, problem);

    public MidiFileException ErrorAt(long offset, string problem) => new(_name, offset, problem);

    public byte ReadByte(string what)
    {
        if (Position >= _end)
            throw Error($"the data ends while reading {what}");
        return _data[Position++];
    }

    public byte PeekByte(string what)
    {
        if (Position >= _end)
            throw Error($"the data ends while reading {what}");
        return _data[Position];
    }

    /// <summary>A data byte (0..127) of a channel message.</summary>
    public byte ReadDataByte(string what)
    {
        byte b = ReadByte(what);
        if (b >= 0x80)
            throw new MidiFileException(_name, Position - 1, $"{what} is 0x{b:X2}; data bytes are below 0x80 (a status byte where data was expected)");
        return b;
    }

    public ushort ReadUInt16(string what) => (ushort)((ReadByte(what) << 8) | ReadByte(what));

    public uint ReadUInt32(string what) => ((uint)ReadUInt16(what) << 16) | ReadUInt16(what);

    /// <summary>A variable-length quantity: at most 4 bytes, 7 bits each, high bit = more follows.</summary>
    public int ReadVariableLength(string what)
    {
        int start = Position;
        int value = 0;
        for (int i = 0; i < 4; i++)
        {
            byte b = ReadByte(what);
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0)
                return value;
        }
        throw new MidiFileException(_name, start, $"{what} is a variable-length number longer than 4 bytes");
    }

    public ReadOnlySpan<byte> ReadBytes(int count, string what)
    {
        if (count < 0 || count > Remaining)
            throw Error($"{what} needs {count} bytes but only {Math.Max(0, Remaining)} remain");
        ReadOnlySpan<byte> s = _data.Slice(Position, count);
        Position += count;
        return s;
    }

    public void Skip(int count, string what) => ReadBytes(count, what);
}
