namespace Sideman.Music.Midi.Files;

/// <summary>
/// One track of a MIDI file: its name (meta 0x03, or null), its events in time order, and the tick of its end.
/// At one tick the meta events (tempo, time and key signature) come before the channel messages, each group in
/// the order given: the order NAudio writes, so a file reads back as it was written.
/// </summary>
public sealed class MidiTrack
{
    private readonly MidiFileEvent[] _events;

    /// <summary>A track; events are put in time order, metas first at a tick (stable: otherwise events at one tick keep their order).</summary>
    public MidiTrack(string? name, IEnumerable<MidiFileEvent> events, long? endTick = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        _events = events.OrderBy(e => e.Tick).ThenBy(e => e.IsMeta ? 0 : 1).ToArray(); // OrderBy is stable
        if (_events.Length > 0 && _events[0].Tick < 0)
            throw new ArgumentOutOfRangeException(nameof(events), "event ticks must not be negative");
        long last = _events.Length == 0 ? 0 : _events[^1].Tick;
        EndTick = Math.Max(last, endTick ?? last);
        Name = name;
    }

    public string? Name { get; }

    public IReadOnlyList<MidiFileEvent> Events => _events;

    /// <summary>The tick of the End of Track event (never before the last event).</summary>
    public long EndTick { get; }
}
