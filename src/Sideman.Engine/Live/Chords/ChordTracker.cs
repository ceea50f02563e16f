using Sideman.Music.Patterns;

namespace Sideman.Engine.Live.Chords;

/// <summary>
/// The player's chord, fed note by note: every note-on below the split re-reads the chord from all keys
/// held there. With <see cref="Latch"/> on, lifting the hand keeps the chord (players lift their hands and
/// the band keeps the last chord; the next note-on reads whatever is held then); only a release that leaves
/// another chord held changes it (see <see cref="NoteOff"/>). With it off, each release re-reads what is
/// still held and releasing everything is N.C. Allocation-free, no locks: one thread
/// feeds it. [audio]
/// </summary>
public sealed class ChordTracker
{
    /// <summary>A split past the top key: the whole keyboard plays chords.</summary>
    public const int WholeKeyboard = 128;

    private readonly HeldNotes _held = new();
    private int _splitKey = WholeKeyboard;

    /// <summary>
    /// [audio] Keys at or above this are the melody hand and ignored (clamped to 0..128). A change applies to
    /// the next note-on; keys already held are still released by their note-offs.
    /// </summary>
    public int SplitKey
    {
        get => _splitKey;
        set => _splitKey = Math.Clamp(value, 0, WholeKeyboard);
    }

    /// <summary>[audio] Whether the chord outlives the keys (default on). A change applies from the next note.</summary>
    public bool Latch { get; set; } = true;

    /// <summary>[audio] The chord the band plays over now; N.C. until the first chord key.</summary>
    public ChordSymbol Current { get; private set; } = ChordSymbol.NoChord;

    /// <summary>[audio] A key went down; true when <see cref="Current"/> changed.</summary>
    public bool NoteOn(int key)
    {
        if (key >= _splitKey || !_held.Press(key))
            return false; // melody hand, out of range, or the same key again on another channel
        return Become(ChordRecognizer.Recognize(_held));
    }

    /// <summary>
    /// [audio] A key came up; true when <see cref="Current"/> changed. With latch on, a release changes the chord only
    /// when the keys still held spell a chord of their own (three pitch classes or more) that the current chord does
    /// not contain: a legato change (the new chord pressed before the old one is lifted) lands on the new chord,
    /// while a hand lifting finger by finger, whose remaining keys are tones of the current chord, changes nothing.
    /// </summary>
    public bool NoteOff(int key)
    {
        // Not gated by the split: a key pressed under an earlier split must still come up.
        if (!_held.Release(key))
            return false;
        if (Latch && (_held.Count == 0 || !SpellsAnotherChord()))
            return false;
        return Become(ChordRecognizer.Recognize(_held));
    }

    private bool SpellsAnotherChord()
    {
        ushort held = _held.PitchClasses;
        if (System.Numerics.BitOperations.PopCount(held) < 3)
            return false;
        return (held & ~ToneMask(Current)) != 0;
    }

    /// <summary>Pitch classes of a chord's tones and its bass (none for N.C.).</summary>
    private static ushort ToneMask(ChordSymbol chord)
    {
        if (chord.IsNoChord)
            return 0;
        int mask = 1 << ((chord.Root + chord.BassInterval) % 12);
        foreach (int interval in ChordQualityInfo.Intervals(chord.Quality))
            mask |= 1 << ((chord.Root + interval) % 12);
        return (ushort)mask;
    }

    /// <summary>[audio] Hands off (all-notes-off, panic): with latch the chord stays, without it N.C.</summary>
    public void AllNotesOff()
    {
        _held.Clear();
        if (!Latch)
            Current = ChordSymbol.NoChord;
    }

    /// <summary>[audio] Forgets keys and chord (transport reset, new song): N.C.</summary>
    public void Reset()
    {
        _held.Clear();
        Current = ChordSymbol.NoChord;
    }

    private bool Become(ChordSymbol chord)
    {
        if (chord == Current)
            return false;
        Current = chord;
        return true;
    }
}
