using Sideman.Music.Patterns;

namespace Sideman.Music.Tests.Patterns;

public sealed class ChordRelativePitchTests
{
    private static readonly int KeysCentre = PartRoles.RegisterCentre(PartRole.Keys);

    [Theory]
    [InlineData(0, ChordQuality.Major, 64)] // E over C
    [InlineData(0, ChordQuality.Minor, 63)] // Eb over Cm
    [InlineData(0, ChordQuality.Sus4, 65)] // F over Csus4
    [InlineData(9, ChordQuality.Minor7, 60)] // C over Am7
    public void Slot_three_is_the_chords_third(int root, ChordQuality q, int midi)
    {
        var p = ChordRelativePitch.FromMidi(midi, new ChordSymbol(root, q), KeysCentre);
        Assert.NotNull(p);
        Assert.Equal(3, p!.Value.Degree);
        Assert.Equal(0, p.Value.Alteration);
    }

    [Fact]
    public void A_generated_third_follows_the_chord_the_player_holds()
    {
        var third = ChordRelativePitch.FromMidi(64, new ChordSymbol(0, ChordQuality.Major), KeysCentre)!.Value;
        Assert.Equal(63, third.ToMidi(new ChordSymbol(0, ChordQuality.Minor), KeysCentre));
        Assert.Equal(65, third.ToMidi(new ChordSymbol(0, ChordQuality.Sus4), KeysCentre));
        Assert.Equal(61, third.ToMidi(new ChordSymbol(9, ChordQuality.Major), KeysCentre)); // C# over A
    }

    [Fact]
    public void Seventh_slot_is_flat_on_dominant_and_natural_on_major_seventh()
    {
        var b7 = ChordRelativePitch.FromMidi(70, new ChordSymbol(0, ChordQuality.Dominant7), KeysCentre)!.Value;
        Assert.Equal((7, 0), (b7.Degree, b7.Alteration));
        Assert.Equal(71, b7.ToMidi(new ChordSymbol(0, ChordQuality.Major7), KeysCentre));
        var blue = ChordRelativePitch.FromMidi(70, new ChordSymbol(0, ChordQuality.Major), KeysCentre)!.Value;
        Assert.Equal((7, -1), (blue.Degree, blue.Alteration)); // b7 over a major triad
    }

    [Fact]
    public void Every_note_in_range_round_trips_for_every_chord_and_register()
    {
        int checkedNotes = 0;
        foreach (ChordQuality q in Enum.GetValues<ChordQuality>())
        {
            foreach (PartRole part in Enum.GetValues<PartRole>().Where(PartRoles.IsPitched))
            {
                int centre = PartRoles.RegisterCentre(part);
                for (int root = 0; root < 12; root++)
                {
                    var chord = new ChordSymbol(root, q);
                    for (int midi = 0; midi < 128; midi++)
                    {
                        var p = ChordRelativePitch.FromMidi(midi, chord, centre);
                        if (p is null)
                        {
                            Assert.True(Math.Abs(midi - centre) > 30, $"{midi} out of range over {chord} in {part}");
                            continue;
                        }
                        Assert.Equal(midi, p.Value.ToMidi(chord, centre));
                        checkedNotes++;
                    }
                }
            }
        }
        Assert.True(checkedNotes > 24 * 5 * 12 * 70);
    }

    [Fact]
    public void Reference_root_sits_in_the_window_around_the_centre()
    {
        for (int pc = 0; pc < 12; pc++)
        {
            int r = ChordRelativePitch.ReferenceRoot(pc, 43);
            Assert.InRange(r, 37, 48);
            Assert.Equal(pc, r % 12);
        }
    }

    [Fact]
    public void No_chord_has_no_pitch()
    {
        Assert.Null(ChordRelativePitch.FromMidi(60, ChordSymbol.NoChord, KeysCentre));
        Assert.Throws<InvalidOperationException>(() => new ChordRelativePitch(0, 1, 0).ToMidi(ChordSymbol.NoChord, KeysCentre));
    }
}
