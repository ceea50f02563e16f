using Sideman.Engine.Live.Chords;

namespace Sideman.Engine.Tests.Live;

public class HeldNotesTests
{
    [Fact]
    public void Empty_holds_nothing()
    {
        var held = new HeldNotes();

        Assert.Equal(0, held.Count);
        Assert.Equal(-1, held.Lowest);
        Assert.Equal(0, held.PitchClasses);
        Assert.False(held.Contains(60));
    }

    [Fact]
    public void Press_and_release_report_changes_to_the_set()
    {
        var held = new HeldNotes();

        Assert.True(held.Press(60));
        Assert.False(held.Press(60));   // second channel: same set
        Assert.False(held.Release(60)); // one press still down
        Assert.True(held.Contains(60));
        Assert.True(held.Release(60));
        Assert.False(held.Contains(60));
        Assert.False(held.Release(60)); // nothing left to release
    }

    [Fact]
    public void Count_lowest_and_pitch_classes_follow_the_keys()
    {
        var held = new HeldNotes();
        foreach (int key in new[] { 100, 64, 127, 0, 76 })
            held.Press(key);

        Assert.Equal(5, held.Count);
        Assert.Equal(0, held.Lowest);
        // 100 = E, 64 = E, 127 = G, 0 = C, 76 = E.
        Assert.Equal((1 << 0) | (1 << 4) | (1 << 7), held.PitchClasses);

        held.Release(0);
        Assert.Equal(64, held.Lowest);
        held.Release(64);
        held.Release(76);
        Assert.Equal(100, held.Lowest);
        Assert.Equal((1 << 4) | (1 << 7), held.PitchClasses);
    }

    [Fact]
    public void Keys_outside_0_to_127_are_ignored()
    {
        var held = new HeldNotes();

        Assert.False(held.Press(-1));
        Assert.False(held.Press(128));
        Assert.False(held.Release(-1));
        Assert.False(held.Contains(128));
        Assert.Equal(0, held.Count);
    }

    [Fact]
    public void Clear_releases_every_key_and_every_count()
    {
        var held = new HeldNotes();
        held.Press(30);
        held.Press(30);
        held.Press(90);

        held.Clear();

        Assert.Equal(0, held.Count);
        Assert.Equal(-1, held.Lowest);
        Assert.True(held.Press(30)); // a fresh press, not a third count
        Assert.True(held.Release(30));
    }
}
