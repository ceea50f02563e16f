using Sideman.Engine.Live.Chords;
using Sideman.Tests.Shared;

namespace Sideman.Engine.Tests.Live;

public class ChordAllocationTests
{
    private const int Calls = 100_000;

    [Fact]
    public void Recognising_allocates_nothing()
    {
        HeldNotes held = Keys.Hold(Keys.Parse("D3 F3 A3 C4 E4 G4"));
        var sink = 0;
        sink += ChordRecognizer.Recognize(held).Root; // warm-up: static tables, JIT

        long before = ThreadAllocation.Start();
        for (int i = 0; i < Calls; i++)
        {
            sink += ChordRecognizer.Recognize(held).Root;
            sink += ChordRecognizer.Recognize((ushort)(i & 0xFFF), i % 128).BassInterval;
        }
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.NotEqual(0, sink);
    }

    [Fact]
    public void Tracking_allocates_nothing()
    {
        var tracker = new ChordTracker { SplitKey = 96 };
        ReadOnlySpan<int> keys = [48, 52, 55, 58, 50, 57, 60, 64, 100, 43];
        Play(tracker, keys, 0); // warm-up

        long before = ThreadAllocation.Start();
        int changes = 0;
        for (int i = 0; i < Calls / keys.Length / 2; i++)
        {
            tracker.Latch = i % 2 == 0;
            changes += Play(tracker, keys, i);
            if (i % 7 == 0)
                tracker.AllNotesOff();
            if (i % 11 == 0)
                tracker.Reset();
        }
        long allocated = ThreadAllocation.Since(before);

        Assert.Equal(0, allocated);
        Assert.True(changes > 0);
    }

    // Presses every key (shifted by i) then releases them: 2 * keys.Length tracker calls.
    private static int Play(ChordTracker tracker, ReadOnlySpan<int> keys, int i)
    {
        int changes = 0;
        foreach (int key in keys)
            changes += tracker.NoteOn(key + i % 5) ? 1 : 0;
        foreach (int key in keys)
            changes += tracker.NoteOff(key + i % 5) ? 1 : 0;
        return changes;
    }
}
