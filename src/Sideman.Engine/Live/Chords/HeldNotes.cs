using System.Numerics;

namespace Sideman.Engine.Live.Chords;

/// <summary>
/// The MIDI keys 0..127 a player holds. Each key keeps a count, because the same key can sound on two
/// channels and then needs two note-offs before it is up. Keys outside 0..127 are ignored. All storage
/// is made in the constructor. [audio]
/// </summary>
public sealed class HeldNotes
{
    private readonly byte[] _counts = new byte[128];

    // One bit per held key (keys 0..63 in the low word), so Count and Lowest need no scan.
    private ulong _low;
    private ulong _high;

    /// <summary>[audio] Distinct keys held.</summary>
    public int Count => BitOperations.PopCount(_low) + BitOperations.PopCount(_high);

    /// <summary>[audio] The lowest held key, or -1 when none is held.</summary>
    public int Lowest =>
        _low != 0 ? BitOperations.TrailingZeroCount(_low)
        : _high != 0 ? 64 + BitOperations.TrailingZeroCount(_high)
        : -1;

    /// <summary>[audio] The held pitch classes: bit pc (C = 0) is set when any key of that class is held.</summary>
    public ushort PitchClasses
    {
        get
        {
            int mask = 0;
            for (ulong bits = _low; bits != 0; bits &= bits - 1)
                mask |= 1 << (BitOperations.TrailingZeroCount(bits) % 12);
            for (ulong bits = _high; bits != 0; bits &= bits - 1)
                mask |= 1 << ((64 + BitOperations.TrailingZeroCount(bits)) % 12);
            return (ushort)mask;
        }
    }

    /// <summary>[audio] Whether <paramref name="key"/> is held (on at least one channel).</summary>
    public bool Contains(int key) => (uint)key < 128 && _counts[key] != 0;

    /// <summary>[audio] Counts one more press of <paramref name="key"/>; true when the key was not held before.</summary>
    public bool Press(int key)
    {
        if ((uint)key >= 128)
            return false;
        byte count = _counts[key];
        if (count == byte.MaxValue)
            return false; // a stuck controller: stay held rather than wrap to "up"
        _counts[key] = (byte)(count + 1);
        if (count != 0)
            return false;
        SetBit(key, true);
        return true;
    }

    /// <summary>[audio] Counts one release of <paramref name="key"/>; true when that was its last press.</summary>
    public bool Release(int key)
    {
        if ((uint)key >= 128)
            return false;
        byte count = _counts[key];
        if (count == 0)
            return false;
        _counts[key] = (byte)(count - 1);
        if (count != 1)
            return false;
        SetBit(key, false);
        return true;
    }

    /// <summary>[audio] Releases every key.</summary>
    public void Clear()
    {
        Array.Clear(_counts);
        _low = 0;
        _high = 0;
    }

    private void SetBit(int key, bool on)
    {
        if (key < 64)
            _low = on ? _low | (1UL << key) : _low & ~(1UL << key);
        else
            _high = on ? _high | (1UL << (key - 64)) : _high & ~(1UL << (key - 64));
    }
}
