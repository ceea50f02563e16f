using Sideman.Engine.Live.Chords;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Engine.Tests.Live;

public class ChordRecognizerTests
{
    // (voicing, expected chord): every quality in root position, an inversion and an open voicing.
    public static TheoryData<string, string> Voicings => new()
    {
        // Root position.
        { "C4 E4 G4", "C" },
        { "A3 C4 E4", "Am" },
        { "D4 F#4 A4 B4", "D6" },
        { "F3 Ab3 C4 D4", "Fm6" },
        { "G3 B3 D4 F4", "G7" },
        { "F3 A3 C4 E4", "Fmaj7" },
        { "E3 G3 B3 D4", "Em7" },
        { "B3 D4 F4 A4", "Bm7b5" },
        { "C4 Eb4 Gb4", "Cdim" },
        { "C#4 E4 G4 Bb4", "C#dim7" },
        { "C4 E4 G#4", "Caug" },
        { "D4 E4 A4", "Dsus2" },
        { "G3 C4 D4", "Gsus4" },
        { "A3 D4 E4 G4", "A7sus4" },
        { "C4 D4 E4 G4", "Cadd9" },
        { "Bb3 D4 F4 Ab4 C5", "Bb9" },
        { "Eb3 G3 Bb3 D4 F4", "Ebmaj9" },
        { "A3 C4 E4 G4 B4", "Am9" },
        { "D3 F3 A3 C4 E4 G4", "Dm11" },
        { "G3 B3 D4 E4 F4", "G13" },
        { "E3 G#3 B3 D4 F4", "E7alt" },
        { "C4 Eb4 G4 B4", "CmMaj7" },
        { "C4 E4 G#4 Bb4", "Caug7" },
        { "E2 B2", "E5" },

        // Inversions: the bass is another chord tone.
        { "E4 G4 C5", "C/E" },
        { "G3 C4 E4", "C/G" },
        { "C4 E4 A4", "Am/C" },
        { "E3 A3 C4", "Am/E" },
        { "B3 D4 F4 G4", "G7/B" },
        { "F3 G3 B3 D4", "G7/F" },
        { "A3 C4 E4 F4", "Fmaj7/A" },
        { "B2 C4 E4 G4", "Cmaj7/B" },
        { "D4 E4 G4 B4", "Em7/D" },
        { "A3 B3 D4 F4", "Bm7b5/A" },
        { "Eb4 Gb4 C5", "Cdim/Eb" },
        { "D4 G4 C5", "Gsus4/D" },
        { "G3 A3 D4 E4", "A7sus4/G" },
        { "E3 G3 C4 D4", "Cadd9/E" },
        { "D3 F3 Ab3 Bb3 C4", "Bb9/D" },
        { "G3 Bb3 D4 Eb4 F4", "Ebmaj9/G" },
        { "C3 E3 G3 A3 B3", "Am9/C" },
        { "F3 A3 C4 D4 E4 G4", "Dm11/F" },
        { "B2 F3 G3 E4", "G13/B" },
        { "G#3 D4 E4 F4", "E7alt/G#" },
        { "Eb3 G3 B3 C4", "CmMaj7/Eb" },
        { "E3 G#3 Bb3 C4", "Caug7/E" },
        { "B2 E3", "E5/B" },
        // Same pitch classes, so the inversion of a 6 chord is the relative m7 (7ths rank before 6ths)...
        { "F#3 A3 B3 D4", "Bm7/F#" },
        { "Ab3 C4 D4 F4", "Dm7b5/Ab" },
        // ...a sus2 inversion is the sus4 a fourth below, and symmetric chords take the bass as root.
        { "E3 A3 D4", "Asus4/E" },
        { "E3 G3 Bb3 C#4", "Edim7" },
        { "E4 G#4 C5", "Eaug" },

        // Spread and open voicings.
        { "C2 G2 E3 C4", "C" },
        { "A1 E2 C3 G3", "Am7" },
        { "G1 D2 B2 F3", "G7" },
        { "F2 E3 A3 C4", "Fmaj7" },
        { "C#2 G2 B2 E3", "C#m7b5" },
        { "Eb2 Bb2 C3 G3", "Eb6" },
        { "Bb1 F2 G2 Db3", "Bbm6" },
        { "B1 F2 Ab2 D3", "Bdim7" },
        { "F2 C#3 A3", "Faug" },
        { "D2 A2 E3 A3 D4", "Dsus2" },
        { "G2 D3 C4 F4", "G7sus4" },
        { "G2 D3 A3 B3", "Gadd9" },
        { "D2 A2 C#3 F3", "DmMaj7" },
        { "Ab1 Gb2 C3 E3", "Abaug7" },
        { "D2 A2 F3 C4 E4", "Dm9" },
        { "F1 C3 E3 A3 G4", "Fmaj9" },
        { "A1 E2 G2 C3 D3 B3", "Am11" },
        { "G1 F2 B2 E3", "G13" },
        { "E2 B2 G#3 D4 G4", "E7alt" },
        { "C3 E3 Bb3 D#4", "C7alt" },
        { "C2 G2 C3 G3 C4", "C5" },
        { "Db2 Ab2 F3 C4 Eb4 Ab4", "Dbmaj9" },

        // Slash chords: the bass is no chord tone (or the 9th, 11th, 13th of the upper chord).
        { "G2 F3 A3 C4", "F/G" },
        { "D3 C4 E4 G4", "C/D" },
        { "A2 G3 B3 D4", "G/A" },
        { "C3 Bb3 D4 F4", "Bb/C" },
        { "E2 D3 F#3 A3", "D/E" },
        { "F2 E4 G4 B4", "Em/F" },
        { "F#2 C3 E3 G3", "C/F#" },
        { "E2 D3 F3 A3", "Dm/E" },
        { "Bb2 Ab3 C4 Eb4", "Ab/Bb" },
        { "G2 D3 F3 A3 C4", "Dm7/G" },
        { "A2 C4 E4 G4 Bb4", "C7/A" },
        // A bass on a chord tone is an inversion, whatever a lead sheet would call it.
        { "Bb2 C4 E4 G4", "C7/Bb" },
        { "F#2 A2 C3 E3", "F#m7b5" },

        // One key, octaves of one pitch class.
        { "C4", "C" },
        { "F#5", "F#" },
        { "A0", "A" },
        { "G9", "G" },
        { "C-1", "C" },
        { "D2 D3 D4 D6", "D" },
        { "Bb1 Bb2", "Bb" },

        // Two keys: a fifth is a power chord, a third the triad on its lower note.
        { "D3 A3", "D5" },
        { "A3 D4", "D5/A" },
        { "C4 G4 C5", "C5" },
        { "C4 E4", "C" },
        { "A3 C4", "Am" },
        { "E3 G#3", "E" },
        { "B3 D4", "Bm" },
        { "F#2 A3", "F#m" },
        { "E4 C5", "C/E" },

        // Dropped fifths and shells.
        { "C4 E4 Bb4", "C7" },
        { "C3 E3 Bb3 D4", "C9" },
        { "F3 A3 E4", "Fmaj7" },
        { "D3 F3 C4", "Dm7" },
        { "Eb3 Gb3 Db4", "Ebm7" },
        { "A2 C#3 G3 B3", "A9" },
        { "D3 F3 C4 E4", "Dm9" },
        { "E3 G#3 D4 F4", "E7alt" },
        { "C3 F3 Bb3", "Fsus4/C" },    // a quartal stack: all tones of a sus4 beat a 7sus4 without its fifth
        { "E2 D3 G#3 C4", "Eaug7" },    // the b13 of E7b13 is the #5 of E7#5

        // Added tones no quality holds: the nearest chord.
        { "G2 B2 F3 A3 E4", "G13" },
        { "C3 E3 G3 A3 D4", "C6" },
        { "C3 E3 G3 B3 F#4", "Cmaj7" },
    };

    [Theory]
    [MemberData(nameof(Voicings))]
    public void Voicing_reads_as_the_expected_chord(string voicing, string expected)
    {
        HeldNotes held = Keys.Hold(Keys.Parse(voicing));

        Assert.Equal(ChordSymbolParser.Parse(expected), ChordRecognizer.Recognize(held));
    }

    [Theory]
    [MemberData(nameof(Voicings))]
    public void Voicing_transposed_to_every_key_reads_the_transposed_chord(string voicing, string expected)
    {
        int[] keys = Keys.Parse(voicing);
        ChordSymbol chord = ChordSymbolParser.Parse(expected);
        int shiftDown = keys.Min() >= 11 ? -11 : 0;
        for (int shift = shiftDown; shift < shiftDown + 12; shift++)
        {
            if (keys.Max() + shift > 127)
                break;
            var moved = new ChordSymbol((chord.Root + shift + 24) % 12, chord.Quality, chord.BassInterval);

            Assert.Equal(moved, ChordRecognizer.Recognize(Keys.Hold(keys.Select(k => k + shift))));
        }
    }

    [Fact]
    public void Upper_notes_moved_by_octaves_keep_the_chord()
    {
        int[] keys = Keys.Parse("G2 F3 A3 C4"); // F/G
        int[] spread = [keys[0], keys[1] + 24, keys[2] + 12, keys[3] + 36];

        Assert.Equal(ChordSymbolParser.Parse("F/G"), ChordRecognizer.Recognize(Keys.Hold(spread)));
    }

    [Fact]
    public void Nothing_held_is_no_chord()
    {
        Assert.Equal(ChordSymbol.NoChord, ChordRecognizer.Recognize(new HeldNotes()));
        Assert.Equal(ChordSymbol.NoChord, ChordRecognizer.Recognize(null));
        Assert.Equal(ChordSymbol.NoChord, ChordRecognizer.Recognize(0, -1));
    }

    [Fact]
    public void Mask_overload_takes_the_bass_class_and_ignores_bits_above_eleven()
    {
        const ushort cMajor = (1 << 0) | (1 << 4) | (1 << 7);

        Assert.Equal(ChordSymbolParser.Parse("C/E"), ChordRecognizer.Recognize(cMajor, 64));
        Assert.Equal(ChordSymbolParser.Parse("C/E"), ChordRecognizer.Recognize(cMajor | 0xF000, 4));
        Assert.Equal(ChordSymbolParser.Parse("C"), ChordRecognizer.Recognize(cMajor, -1)); // lowest class
        Assert.Equal(ChordSymbolParser.Parse("F/G"), ChordRecognizer.Recognize((1 << 5) | (1 << 9) | (1 << 0), 7)); // bass joins
        Assert.Equal(ChordSymbol.NoChord, ChordRecognizer.Recognize(0xF000, -1));
    }

    [Fact]
    public void Every_key_held_gives_a_chord_on_the_bass()
    {
        ChordSymbol chord = ChordRecognizer.Recognize(Keys.Hold(Enumerable.Range(0, 128)));

        AssertValid(chord, lowestKey: 0);
    }

    [Fact]
    public void Sixteen_keys_held_give_a_chord_on_the_bass()
    {
        int[] keys = Enumerable.Range(0, 16).Select(i => 40 + i * 3).ToArray();

        AssertValid(ChordRecognizer.Recognize(Keys.Hold(keys)), keys[0]);
        AssertValid(ChordRecognizer.Recognize(Keys.Hold(Enumerable.Range(50, 16))), 50);
    }

    [Fact]
    public void Random_key_sets_always_give_a_valid_chord()
    {
        var rng = new Random(20240611);
        for (int trial = 0; trial < 20_000; trial++)
        {
            int count = rng.Next(1, 17);
            int[] keys = new int[count];
            for (int i = 0; i < count; i++)
                keys[i] = rng.Next(0, 128);

            AssertValid(ChordRecognizer.Recognize(Keys.Hold(keys)), keys.Min());
        }
    }

    [Fact]
    public void Every_pitch_class_mask_over_every_bass_gives_a_valid_chord()
    {
        for (int mask = 0; mask < 1 << 12; mask++)
        {
            for (int bass = 0; bass < 12; bass++)
                AssertValid(ChordRecognizer.Recognize((ushort)mask, bass), bass, mask | (1 << bass));
        }
    }

    // A chord whose root is a held class and whose bass is the lowest key's class.
    private static void AssertValid(ChordSymbol chord, int lowestKey, int heldMask = -1)
    {
        Assert.False(chord.IsNoChord);
        Assert.InRange(chord.Root, 0, 11);
        Assert.InRange(chord.BassInterval, 0, 11);
        Assert.True(Enum.IsDefined(chord.Quality), $"quality {(int)chord.Quality} is undefined");
        Assert.Equal(lowestKey % 12, (chord.Root + chord.BassInterval) % 12);
        if (heldMask >= 0)
            Assert.True((heldMask & (1 << chord.Root)) != 0, $"root {chord.Root} is not held in mask {heldMask:X3}");
    }
}
