using Sideman.Music.Patterns;

namespace Sideman.Engine.Live;

/// <summary>
/// Guesses the chord of a coming bar from the chords the player held in the bars before: songs repeat their
/// progressions, so once the last bars repeat the ones a period earlier (1, 2, 3, 4, 6, 8, 12 or 16 bars), the
/// coming bar is expected to repeat too. Without such a repeat the guess is the chord held now. The generator
/// writes a bar ahead, so this is what it is asked to write for; the performer still plays every note over the
/// chord actually sounding. Fixed memory, allocation-free. [audio]
/// </summary>
public sealed class ChordForecast
{
    private const int Memory = 64;
    // An instance array, made with the forecast (on the main thread): a static array's constructor would run on the
    // audio thread at the first forecast (56 bytes), and a span over constant data is an array made at every call in a
    // Debug build (72 bytes a bar; the tests run in Debug).
    private readonly int[] _periods = [4, 8, 2, 1, 3, 6, 12, 16];

    private readonly ChordSymbol[] _chords = new ChordSymbol[Memory];
    private readonly long[] _bars = new long[Memory];

    public ChordForecast() => Clear();

    public void Clear() => Array.Fill(_bars, long.MinValue);

    /// <summary>The chord the player held in <paramref name="bar"/> (taken once its grace window has passed).</summary>
    public void Record(long bar, ChordSymbol chord)
    {
        int slot = Slot(bar);
        _bars[slot] = bar;
        _chords[slot] = chord;
    }

    /// <summary>The chord expected in <paramref name="bar"/>, judged from the bars up to <paramref name="lastKnown"/>; <paramref name="held"/> when there is no pattern.</summary>
    public ChordSymbol Predict(long bar, long lastKnown, ChordSymbol held)
    {
        foreach (int period in _periods)
        {
            if (bar - period > lastKnown || !Repeats(lastKnown, period))
                continue;
            return TryGet(bar - period, out ChordSymbol chord) ? chord : held;
        }
        return held;
    }

    /// <summary>The last <paramref name="period"/> bars (at least two) equal the ones a period before them.</summary>
    private bool Repeats(long last, int period)
    {
        int span = Math.Max(period, 2);
        for (int k = 0; k < span; k++)
        {
            if (!TryGet(last - k, out ChordSymbol now) || !TryGet(last - k - period, out ChordSymbol before) || now != before)
                return false;
        }
        return true;
    }

    private bool TryGet(long bar, out ChordSymbol chord)
    {
        int slot = Slot(bar);
        chord = _chords[slot];
        return _bars[slot] == bar;
    }

    private static int Slot(long bar) => (int)(((bar % Memory) + Memory) % Memory);
}
