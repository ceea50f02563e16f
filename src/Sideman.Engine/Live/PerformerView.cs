using Sideman.Music.Patterns;

namespace Sideman.Engine.Live;

/// <summary>What the band is doing at the end of the last block: for an editor on another thread.</summary>
/// <param name="Playing">The host's transport runs (and the band, when it is on, plays).</param>
/// <param name="Bar">The song bar the playhead is in (from 0).</param>
/// <param name="Beat">Beats (of the time signature's beat unit) from that bar's start.</param>
/// <param name="BeatsPerBar">The time signature's numerator.</param>
/// <param name="Chord">The chord the band plays over: the player's in follow mode, the chart's in chart mode.</param>
public readonly record struct PerformerMoment(bool Playing, long Bar, double Beat, int BeatsPerBar, ChordSymbol Chord);

/// <summary>
/// The performer's <see cref="PerformerMoment"/>, published by the audio thread at the end of every block and read
/// by any thread without a lock: a sequence counter around the write (odd while writing) lets a reader tell a torn
/// copy and read again. The audio thread never waits and never allocates here.
/// </summary>
public sealed class PerformerView
{
    private const int MaxReadAttempts = 64;

    private int _sequence;
    private PerformerMoment _moment = new(false, 0, 0, 4, ChordSymbol.NoChord);

    /// <summary>[audio] Publishes the moment at the end of a block.</summary>
    public void Publish(in PerformerMoment moment)
    {
        Interlocked.Increment(ref _sequence); // odd: being written
        _moment = moment;
        Interlocked.Increment(ref _sequence); // even: stable again
    }

    /// <summary>[any] The latest moment. Should the audio thread rewrite it during every attempt (it writes a few
    /// words once a block, so this never happens in practice), the moment from before is kept.</summary>
    public PerformerMoment Read()
    {
        for (int attempt = 0; attempt < MaxReadAttempts; attempt++)
        {
            int before = Volatile.Read(ref _sequence);
            if ((before & 1) != 0)
            {
                Thread.SpinWait(4);
                continue;
            }
            PerformerMoment copy = _moment;
            Interlocked.MemoryBarrier(); // the copy above is read before the counter is checked again
            if (Volatile.Read(ref _sequence) == before)
            {
                _lastGood = copy;
                return copy;
            }
        }
        return _lastGood;
    }

    private PerformerMoment _lastGood = new(false, 0, 0, 4, ChordSymbol.NoChord);
}
