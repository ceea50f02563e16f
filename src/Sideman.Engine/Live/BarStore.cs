using Sideman.Synth.SoundFont;

namespace Sideman.Engine.Live;

/// <summary>
/// The bars the generator has written, per part, in a ring of <see cref="Slots"/> bars indexed by bar number:
/// so a loop of up to that many bars plays again what the band played the first time, without waiting.
/// The generator publishes each bar with one atomic exchange and gets the retired one back for reuse;
/// the audio thread only copies (see <see cref="BarSnapshot"/>), never keeps or releases a snapshot.
/// </summary>
public sealed class BarStore
{
    public const int Slots = 64;

    private readonly BarSnapshot?[][] _slots;
    private readonly long[] _newest = new long[BandSynth.PartCount];

    public BarStore()
    {
        Array.Fill(_newest, long.MinValue);
        _slots = new BarSnapshot?[BandSynth.PartCount][];
        for (int p = 0; p < _slots.Length; p++)
            _slots[p] = new BarSnapshot?[Slots];
    }

    /// <summary>[generator] Publishes a filled snapshot in its bar's slot; returns the snapshot it replaced (retired), if any.</summary>
    public BarSnapshot? Publish(BarSnapshot snapshot)
    {
        BarSnapshot? retired = Interlocked.Exchange(ref _slots[(int)snapshot.Part][SlotOf(snapshot.Bar)], snapshot);
        Volatile.Write(ref _newest[(int)snapshot.Part], snapshot.Bar);
        return retired;
    }

    /// <summary>[any] The bar most recently published for a part (long.MinValue: none yet).</summary>
    public long Newest(BandPart part) => Volatile.Read(ref _newest[(int)part]);

    /// <summary>[any] The snapshot in <paramref name="bar"/>'s slot, which may hold another bar (check <see cref="BarSnapshot.Bar"/>).</summary>
    public BarSnapshot? Peek(BandPart part, long bar) => Volatile.Read(ref _slots[(int)part][SlotOf(bar)]);

    /// <summary>
    /// [audio] Copies <paramref name="bar"/> of <paramref name="part"/> into <paramref name="into"/> if the store has it
    /// (with exactly <paramref name="key"/>, unless <paramref name="anyKey"/>) and the copy is not torn.
    /// </summary>
    internal bool TryCopy(BandPart part, long bar, ulong key, bool anyKey, PartBar into)
    {
        BarSnapshot? s = Peek(part, bar);
        return s is not null && into.TryCopy(s, bar, key, anyKey);
    }

    private static int SlotOf(long bar) => (int)(((bar % Slots) + Slots) % Slots);
}
