using Sideman.Engine.Live.Chords;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Engine.Tests.Live;

public class ChordTrackerTests
{
    private static readonly ChordSymbol C = ChordSymbolParser.Parse("C");

    [Fact]
    public void Starts_with_no_chord_the_whole_keyboard_and_latch_on()
    {
        var tracker = new ChordTracker();

        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
        Assert.Equal(128, tracker.SplitKey);
        Assert.True(tracker.Latch);
    }

    [Fact]
    public void Note_ons_re_read_the_chord_and_report_only_changes()
    {
        var tracker = new ChordTracker();

        Assert.True(tracker.NoteOn(Keys.Key("C4")));   // N.C. -> C
        Assert.False(tracker.NoteOn(Keys.Key("E4")));  // C E is still C
        Assert.False(tracker.NoteOn(Keys.Key("G4")));
        Assert.True(tracker.NoteOn(Keys.Key("Bb4")));  // -> C7
        Assert.Equal(ChordSymbolParser.Parse("C7"), tracker.Current);
        Assert.True(tracker.NoteOn(Keys.Key("A2")));   // a new lowest key: C7/A
        Assert.Equal(ChordSymbolParser.Parse("C7/A"), tracker.Current);
    }

    [Fact]
    public void With_latch_releases_keep_the_chord_and_the_next_press_starts_a_new_one()
    {
        var tracker = new ChordTracker();
        Press(tracker, "C4 E4 G4");

        foreach (int key in Keys.Parse("E4 C4 G4"))
            Assert.False(tracker.NoteOff(key));
        Assert.Equal(C, tracker.Current);

        Assert.True(tracker.NoteOn(Keys.Key("A3")));  // the old keys are gone: A alone
        Assert.Equal(ChordSymbolParser.Parse("A"), tracker.Current);
        Assert.True(tracker.NoteOn(Keys.Key("C4")));
        Assert.False(tracker.NoteOn(Keys.Key("E4")));
        Assert.Equal(ChordSymbolParser.Parse("Am"), tracker.Current);
    }

    [Fact]
    public void With_latch_a_legato_change_lands_on_the_new_chord_once_the_old_keys_are_lifted()
    {
        var tracker = new ChordTracker();
        Press(tracker, "C4 E4 G4");
        Press(tracker, "F4 A4 C5"); // pressed before the old chord is lifted: the union is read for a moment
        foreach (int key in Keys.Parse("C4 E4 G4"))
            tracker.NoteOff(key);

        Assert.Equal(5, tracker.Current.Root); // F, whatever the union spelled: F A C are held
    }

    [Fact]
    public void With_latch_lifting_a_four_note_chord_finger_by_finger_keeps_it()
    {
        var tracker = new ChordTracker();
        Press(tracker, "C4 E4 G4 B4");
        Assert.Equal(ChordSymbolParser.Parse("Cmaj7"), tracker.Current);
        foreach (int key in Keys.Parse("C4 E4 G4 B4")) // E G B alone would spell Em: still tones of Cmaj7
            Assert.False(tracker.NoteOff(key));

        Assert.Equal(ChordSymbolParser.Parse("Cmaj7"), tracker.Current);
    }

    [Fact]
    public void With_latch_a_press_during_a_partial_release_reads_the_keys_still_held()
    {
        var tracker = new ChordTracker();
        Press(tracker, "C4 E4 G4");
        tracker.NoteOff(Keys.Key("G4"));
        tracker.NoteOff(Keys.Key("E4"));

        Assert.True(tracker.NoteOn(Keys.Key("A4"))); // C4 and A4 held: Am/C

        Assert.Equal(ChordSymbolParser.Parse("Am/C"), tracker.Current);
    }

    [Fact]
    public void Without_latch_each_release_re_reads_and_releasing_all_is_no_chord()
    {
        var tracker = new ChordTracker { Latch = false };
        Press(tracker, "A3 C4 E4 G4");
        Assert.Equal(ChordSymbolParser.Parse("Am7"), tracker.Current);

        Assert.True(tracker.NoteOff(Keys.Key("G4")));
        Assert.Equal(ChordSymbolParser.Parse("Am"), tracker.Current);
        Assert.False(tracker.NoteOff(Keys.Key("E4"))); // A C is still Am
        Assert.True(tracker.NoteOff(Keys.Key("A3")));
        Assert.Equal(C, tracker.Current);
        Assert.True(tracker.NoteOff(Keys.Key("C4")));
        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
        Assert.False(tracker.NoteOff(Keys.Key("C4"))); // not held any more
    }

    [Fact]
    public void Releasing_in_any_order_follows_the_keys_still_held()
    {
        int[] chord = Keys.Parse("C3 E3 G3 B3");
        foreach (int[] order in Permutations(chord))
        {
            var latched = new ChordTracker();
            var unlatched = new ChordTracker { Latch = false };
            foreach (int key in chord)
            {
                latched.NoteOn(key);
                unlatched.NoteOn(key);
            }
            var remaining = new List<int>(chord);
            foreach (int key in order)
            {
                remaining.Remove(key);
                latched.NoteOff(key);
                unlatched.NoteOff(key);

                Assert.Equal(ChordSymbolParser.Parse("Cmaj7"), latched.Current);
                ChordSymbol expected = remaining.Count == 0 ? ChordSymbol.NoChord : ChordRecognizer.Recognize(Keys.Hold(remaining));
                Assert.Equal(expected, unlatched.Current);
            }
            Assert.Equal(ChordSymbol.NoChord, unlatched.Current);
        }
    }

    [Fact]
    public void A_key_held_on_two_channels_needs_two_note_offs()
    {
        var tracker = new ChordTracker { Latch = false };
        tracker.NoteOn(Keys.Key("C4"));
        Assert.False(tracker.NoteOn(Keys.Key("C4"))); // the same key from a second channel
        Press(tracker, "E4 G4");

        Assert.False(tracker.NoteOff(Keys.Key("C4")));
        Assert.Equal(C, tracker.Current);
        Assert.True(tracker.NoteOff(Keys.Key("C4")));
        Assert.Equal(ChordSymbolParser.Parse("Em"), tracker.Current);
    }

    [Fact]
    public void Keys_at_or_above_the_split_are_the_melody_and_ignored()
    {
        var tracker = new ChordTracker { SplitKey = Keys.Key("C4"), Latch = false };

        Assert.False(tracker.NoteOn(Keys.Key("E5")));
        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
        Press(tracker, "C3 E3 G3");
        Assert.False(tracker.NoteOn(Keys.Key("C4")));  // the split key itself is melody
        Assert.False(tracker.NoteOn(Keys.Key("Bb4")));
        Assert.Equal(C, tracker.Current);
        Assert.False(tracker.NoteOff(Keys.Key("Bb4")));
        Assert.Equal(C, tracker.Current);
        Assert.True(tracker.NoteOn(Keys.Key("Bb3")));  // below the split: C7
        Assert.Equal(ChordSymbolParser.Parse("C7"), tracker.Current);
    }

    [Fact]
    public void A_key_pressed_below_an_earlier_split_still_comes_up()
    {
        var tracker = new ChordTracker { SplitKey = 60, Latch = false };
        tracker.NoteOn(55);
        tracker.SplitKey = 50;

        Assert.True(tracker.NoteOff(55));
        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
    }

    [Fact]
    public void Split_key_is_clamped_to_the_keyboard()
    {
        var tracker = new ChordTracker { SplitKey = -5 };
        Assert.Equal(0, tracker.SplitKey);
        Assert.False(tracker.NoteOn(0)); // every key is melody

        tracker.SplitKey = 500;
        Assert.Equal(128, tracker.SplitKey);
        Assert.True(tracker.NoteOn(127));
    }

    [Fact]
    public void Keys_outside_the_midi_range_change_nothing()
    {
        var tracker = new ChordTracker { Latch = false };
        Press(tracker, "D4 F#4 A4");

        Assert.False(tracker.NoteOn(-1));
        Assert.False(tracker.NoteOn(128));
        Assert.False(tracker.NoteOn(int.MinValue));
        Assert.False(tracker.NoteOff(int.MaxValue));
        Assert.False(tracker.NoteOff(40)); // never pressed
        Assert.Equal(ChordSymbolParser.Parse("D"), tracker.Current);
    }

    [Fact]
    public void All_notes_off_keeps_a_latched_chord_and_forgets_the_keys()
    {
        var tracker = new ChordTracker();
        Press(tracker, "F3 A3 C4");

        tracker.AllNotesOff();

        Assert.Equal(ChordSymbolParser.Parse("F"), tracker.Current);
        Assert.True(tracker.NoteOn(Keys.Key("D4"))); // F A C are up: D alone
        Assert.Equal(ChordSymbolParser.Parse("D"), tracker.Current);
    }

    [Fact]
    public void All_notes_off_without_latch_is_no_chord()
    {
        var tracker = new ChordTracker { Latch = false };
        Press(tracker, "F3 A3 C4");

        tracker.AllNotesOff();

        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
        Assert.False(tracker.NoteOff(Keys.Key("A3")));
    }

    [Fact]
    public void Reset_forgets_chord_and_keys()
    {
        var tracker = new ChordTracker();
        Press(tracker, "G3 B3 D4 F4");

        tracker.Reset();

        Assert.Equal(ChordSymbol.NoChord, tracker.Current);
        Assert.True(tracker.NoteOn(Keys.Key("E4")));
        Assert.Equal(ChordSymbolParser.Parse("E"), tracker.Current);
    }

    private static void Press(ChordTracker tracker, string voicing)
    {
        foreach (int key in Keys.Parse(voicing))
            tracker.NoteOn(key);
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (int i = 0; i < items.Length; i++)
        {
            int[] rest = items.Where((_, j) => j != i).ToArray();
            foreach (int[] tail in Permutations(rest))
                yield return [items[i], .. tail];
        }
    }
}
