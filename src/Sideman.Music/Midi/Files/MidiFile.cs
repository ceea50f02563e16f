namespace Sideman.Music.Midi.Files;

/// <summary>
/// A Standard MIDI File in memory: format (0, 1 or 2), timing and tracks. Read it with
/// <see cref="MidiFileReader"/>, write it with <see cref="MidiFileWriter"/>.
/// </summary>
public sealed class MidiFile
{
    public MidiFile(int format, int ticksPerQuarter, IReadOnlyList<MidiTrack> tracks)
        : this(format, Division(ticksPerQuarter), tracks)
    {
    }

    private MidiFile(int format, ushort division, IReadOnlyList<MidiTrack> tracks)
    {
        if (format is < 0 or > 2)
            throw new ArgumentOutOfRangeException(nameof(format), format, "SMF format must be 0, 1 or 2");
        ArgumentNullException.ThrowIfNull(tracks);
        if (format == 0 && tracks.Count != 1)
            throw new ArgumentException("a format 0 file has exactly one track", nameof(tracks));
        if (tracks.Count > ushort.MaxValue)
            throw new ArgumentException("a MIDI file holds at most 65535 tracks", nameof(tracks));
        Format = format;
        RawDivision = division;
        Tracks = tracks;
    }

    /// <summary>A file read from disk, whose division may be SMPTE-based.</summary>
    internal static MidiFile FromRaw(int format, ushort division, IReadOnlyList<MidiTrack> tracks) => new(format, division, tracks);

    public int Format { get; }

    /// <summary>The header's division word as stored.</summary>
    public ushort RawDivision { get; }

    /// <summary>Ticks per quarter note, or 0 when the file counts time in SMPTE frames (see <see cref="RawDivision"/>).</summary>
    public int TicksPerQuarter => (RawDivision & 0x8000) == 0 ? RawDivision : 0;

    public IReadOnlyList<MidiTrack> Tracks { get; }

    private static ushort Division(int ticksPerQuarter)
    {
        if (ticksPerQuarter is < 1 or > 0x7FFF)
            throw new ArgumentOutOfRangeException(nameof(ticksPerQuarter), ticksPerQuarter, "ticks per quarter must be 1..32767");
        return (ushort)ticksPerQuarter;
    }
}
