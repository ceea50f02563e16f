namespace Sideman.Model.Decoding;

/// <summary>
/// What the musical guard remembers of the bars a part kept before this one: the pitch classes sounding across the last
/// bar line (<see cref="Carry"/>, bit <c>pc</c>), which recent bars with a chord missed beat one (<see cref="Misses"/>, bit 0
/// = the latest) and the song's mode once a chord on the tonic showed it. Stored with each bar in the context window, so
/// a rollback restores it exactly.
/// </summary>
internal readonly record struct MusicalMemory(ushort Carry, byte Misses, KeyMode Mode)
{
    /// <summary>
    /// Before a song's first bar: as if every recent bar had missed beat one, so no miss is let through until the bass has
    /// stated the harmony on the one for the grace's length (a song does not start off the one).
    /// </summary>
    public static MusicalMemory SongStart => new(0, 0xFF, KeyMode.Unknown);
}

/// <summary>The mode of the song's key: the KEY token gives only the tonic; the first chord on the tonic tells the rest.</summary>
internal enum KeyMode : byte
{
    Unknown,
    Major,
    Minor,
}
