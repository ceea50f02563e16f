using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The text chord chart and song plan of `sideman generate`.</summary>
public sealed class ChordChartTests
{
    [Theory]
    [InlineData("C", 0, ChordQuality.Major, 0)]
    [InlineData("Am7", 9, ChordQuality.Minor7, 0)]
    [InlineData("F#m7b5", 6, ChordQuality.HalfDiminished7, 0)]
    [InlineData("Bbmaj7", 10, ChordQuality.Major7, 0)]
    [InlineData("Ebm", 3, ChordQuality.Minor, 0)]
    [InlineData("G7sus4", 7, ChordQuality.Dominant7Sus4, 0)]
    [InlineData("Bdim7", 11, ChordQuality.Diminished7, 0)]
    [InlineData("C/E", 0, ChordQuality.Major, 4)]
    [InlineData("D7/F#", 2, ChordQuality.Dominant7, 4)]
    [InlineData("E7alt", 4, ChordQuality.Dominant7Altered, 0)]
    [InlineData("A13", 9, ChordQuality.Dominant13, 0)]
    [InlineData("Cb", 11, ChordQuality.Major, 0)]
    [InlineData("G11", 7, ChordQuality.Dominant9, 0)]
    [InlineData("Fmaj13", 5, ChordQuality.Major9, 0)]
    [InlineData("E7b9", 4, ChordQuality.Dominant7Altered, 0)]
    [InlineData("E7#9/G#", 4, ChordQuality.Dominant7Altered, 4)]
    [InlineData("Dm13", 2, ChordQuality.Minor9, 0)]
    public void Chord_symbols_parse(string text, int root, ChordQuality quality, int bass)
    {
        Assert.Equal(new ChordSymbol(root, quality, bass), ChordSymbolParser.Parse(text));
    }

    [Fact]
    public void No_chord_and_bad_symbols()
    {
        Assert.True(ChordSymbolParser.Parse("N.C.").IsNoChord);
        Assert.Contains("note name", Assert.Throws<FormatException>(() => ChordSymbolParser.Parse("H7")).Message);
        Assert.Contains("quality 'xyz'", Assert.Throws<FormatException>(() => ChordSymbolParser.Parse("Cxyz")).Message);
        Assert.Contains("slash bass", Assert.Throws<FormatException>(() => ChordSymbolParser.Parse("C/Q")).Message);
    }

    [Fact]
    public void A_chart_splits_bars_shares_them_evenly_and_repeats_with_percent()
    {
        BarChord[][] bars = ChordChart.Parse("C | Am | F G7 |\n%\n| Dm7 G7 C", TimeSignature.FourFour);
        Assert.Equal(5, bars.Length);
        Assert.Equal([new BarChord(0, new ChordSymbol(5, ChordQuality.Major)), new BarChord(48, new ChordSymbol(7, ChordQuality.Dominant7))], bars[2]);
        Assert.Same(bars[2], bars[3]);
        Assert.Equal([0, 36, 60], bars[4].Select(c => c.Tick));
        // Two chords split at the second beat group, where the training data puts them.
        Assert.Equal([0, 48], ChordChart.Parse("C F", new TimeSignature(3, 4))[0].Select(c => c.Tick)); // beat 3
        Assert.Equal([0, 36], ChordChart.Parse("C F", new TimeSignature(6, 8))[0].Select(c => c.Tick)); // 4th eighth
        Assert.Equal([0, 72], ChordChart.Parse("C F", new TimeSignature(5, 4))[0].Select(c => c.Tick)); // beat 4 (3+2)
        Assert.Equal([0, 72], ChordChart.Parse("C F", new TimeSignature(12, 8))[0].Select(c => c.Tick)); // 3rd dotted quarter
        Assert.Equal([0, 48], ChordChart.Parse("C F", new TimeSignature(7, 8))[0].Select(c => c.Tick)); // 4+3 eighths
        Assert.Equal([0, 12], ChordChart.Parse("C F", new TimeSignature(1, 4))[0].Select(c => c.Tick)); // one beat: its middle
    }

    [Fact]
    public void Chart_errors_name_the_bar()
    {
        Assert.Contains("bar 2", Assert.Throws<FormatException>(() => ChordChart.Parse("C | Xm | G", TimeSignature.FourFour)).Message);
        Assert.Contains("no bars", Assert.Throws<FormatException>(() => ChordChart.Parse(" | | ", TimeSignature.FourFour)).Message);
        Assert.Contains("do not fit", Assert.Throws<FormatException>(() => ChordChart.Parse("C D E F G A B C D", TimeSignature.FourFour)).Message);
        Assert.Contains("bar 1", Assert.Throws<FormatException>(() => ChordChart.Parse("% | C", TimeSignature.FourFour)).Message);
    }

    [Fact]
    public void The_plan_expands_energy_sections_fills_and_repeats()
    {
        SongPlan plan = SongPlan.Create(new SongRequest
        {
            Chart = "Am | F | C | G", Repeat = 3, Energy = "0..4", Sections = "intro:2,verse:4,chorus:4", Fills = true, Bpm = 90,
        });
        Assert.Equal(12, plan.Bars.Count);
        Assert.Equal(9, plan.KeyTonic); // the first chord's root
        Assert.Equal([0, 0, 1, 1, 1, 2, 2, 3, 3, 3, 4, 4], plan.Bars.Select(b => b.Energy));
        SectionKind[] s = [.. plan.Bars.Select(b => b.Section)];
        Assert.Equal([SectionKind.Intro, SectionKind.Fill, SectionKind.Verse, SectionKind.Verse, SectionKind.Verse, SectionKind.Fill,
                      SectionKind.Chorus, SectionKind.Chorus, SectionKind.Chorus, SectionKind.Chorus, SectionKind.Chorus, SectionKind.Chorus], s);
        Assert.Equal(plan.Bars[0].Chords.ToArray(), plan.Bars[4].Chords.ToArray());
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), plan.Bars.Select(b => b.BarIndex));
        Assert.Equal(12 * 4 * 60.0 / 90, plan.Seconds, 9);
        Assert.Equal(2, SongPlan.Create(new SongRequest { Chart = "Am", Key = "D" }).KeyTonic);
        Assert.Throws<FormatException>(() => SongPlan.Create(new SongRequest { Chart = "C", Energy = "5" }));
        Assert.Throws<FormatException>(() => SongPlan.Create(new SongRequest { Chart = "C", Sections = "verse:x" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SongPlan.Create(new SongRequest { Chart = "C", Bpm = 5 }));
    }
}
