using Sideman.Music.Time;
using Sideman.Music.Patterns;

namespace Sideman.Music.Tests.Patterns;

public sealed class ChordQualityInfoTests
{
    [Fact]
    public void Every_interval_spells_back_to_itself()
    {
        foreach (ChordQuality q in Enum.GetValues<ChordQuality>())
        {
            for (int iv = 0; iv < 12; iv++)
            {
                var (d, a) = ChordQualityInfo.Spell(q, iv);
                Assert.Equal(iv, ((ChordQualityInfo.Semitones(q, d, a) % 12) + 12) % 12);
            }
        }
    }

    [Fact]
    public void Chord_tones_sit_in_the_odd_slots_unaltered()
    {
        foreach (ChordQuality q in Enum.GetValues<ChordQuality>())
        {
            var ivs = ChordQualityInfo.Intervals(q).ToArray();
            Assert.Equal((1, 0), ChordQualityInfo.Spell(q, 0));
            int fifth = ivs.First(iv => iv is 6 or 7 or 8);
            Assert.Equal((5, 0), ChordQualityInfo.Spell(q, fifth));
            int[] thirds = q switch
            {
                ChordQuality.Sus4 or ChordQuality.Dominant7Sus4 => [5],
                ChordQuality.Sus2 => [2],
                _ => ivs.Where(iv => iv is 3 or 4).ToArray(),
            };
            foreach (int third in thirds.Take(1))
                Assert.Equal((3, 0), ChordQualityInfo.Spell(q, third));
            int seventh = q == ChordQuality.Diminished7 ? 9 : ivs.FirstOrDefault(iv => iv is 10 or 11);
            if (seventh != 0)
                Assert.Equal((7, 0), ChordQualityInfo.Spell(q, seventh));
        }
    }

    [Fact]
    public void Names_round_trip_and_order_is_stable()
    {
        Assert.Equal(ChordQualityInfo.Count, Enum.GetValues<ChordQuality>().Length);
        foreach (ChordQuality q in Enum.GetValues<ChordQuality>())
        {
            Assert.True(ChordQualityInfo.TryParse(ChordQualityInfo.Name(q), out var back));
            Assert.Equal(q, back);
        }
        Assert.Equal("dom7", ChordQualityInfo.Name(ChordQuality.Dominant7));
        Assert.False(ChordQualityInfo.TryParse("major", out _));
    }

    [Fact]
    public void Bar_pattern_reports_the_chord_at_a_tick()
    {
        var bar = new BarPattern(TimeSignature.FourFour, SectionKind.Verse, 2,
            [new BarChord(0, new ChordSymbol(0, ChordQuality.Major)), new BarChord(48, new ChordSymbol(7, ChordQuality.Dominant7))], [], []);
        Assert.Equal(0, bar.ChordAt(47).Root);
        Assert.Equal(7, bar.ChordAt(48).Root);
        Assert.Equal(96, bar.TimeSignature.TicksPerBar);
        Assert.Equal(144, new TimeSignature(12, 8).TicksPerBar);
    }
}
