namespace Sideman.Engine.Live;

/// <summary>
/// A bounded lock-free queue for exactly one producer thread and one consumer thread (the audio thread
/// tells the generator what it needs). Fixed capacity, allocated once; neither side allocates, locks or
/// waits. A full ring refuses the item and the producer decides what to do.
/// </summary>
public sealed class SpscRing<T> where T : struct
{
    private readonly T[] _items;
    private readonly int _mask;
    private long _head; // next slot to read, written by the consumer only
    private long _tail; // next slot to write, written by the producer only

    /// <param name="capacity">Rounded up to a power of two.</param>
    public SpscRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        int size = 1;
        while (size < capacity)
            size <<= 1;
        _items = new T[size];
        _mask = size - 1;
    }

    public int Capacity => _items.Length;

    /// <summary>Items waiting. [any] (a snapshot: the other side may be moving)</summary>
    public int Count => (int)(Volatile.Read(ref _tail) - Volatile.Read(ref _head));

    /// <summary>[producer] False when the ring is full (nothing written).</summary>
    public bool TryEnqueue(in T item)
    {
        long tail = _tail;
        if (tail - Volatile.Read(ref _head) >= _items.Length)
            return false;
        _items[(int)(tail & _mask)] = item;
        Volatile.Write(ref _tail, tail + 1); // publishes the item
        return true;
    }

    /// <summary>[consumer] False when empty.</summary>
    public bool TryDequeue(out T item)
    {
        long head = _head;
        if (head == Volatile.Read(ref _tail))
        {
            item = default;
            return false;
        }
        item = _items[(int)(head & _mask)];
        Volatile.Write(ref _head, head + 1); // frees the slot
        return true;
    }
}
