namespace Sideman.Synth.SoundFont;

/// <summary>
/// The events of one render block, kept sorted by sample offset (events with equal offsets keep
/// their arrival order). Fixed capacity; the last quarter is reserved for everything but
/// note-ons, so an overfull block can drop notes but never a note-off. [audio]
/// </summary>
internal sealed class EventQueue
{
    private readonly PartEvent[] _events;
    private readonly int _noteOnLimit;

    public EventQueue(int capacity)
    {
        _events = new PartEvent[Math.Max(capacity, 8)];
        _noteOnLimit = _events.Length * 3 / 4;
    }

    public int Count { get; private set; }

    public int Dropped { get; private set; }

    public PartEvent this[int index] => _events[index];

    public bool Add(in PartEvent e)
    {
        int limit = e.Kind == PartEventKind.NoteOn ? _noteOnLimit : _events.Length;
        if (Count >= limit)
        {
            Dropped++;
            return false;
        }
        int i = Count;
        while (i > 0 && _events[i - 1].Offset > e.Offset)
        {
            _events[i] = _events[i - 1];
            i--;
        }
        _events[i] = e;
        Count++;
        return true;
    }

    public void Clear() => Count = 0;
}
