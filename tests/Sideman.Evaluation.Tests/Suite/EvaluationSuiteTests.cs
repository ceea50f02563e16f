using Sideman.Evaluation.Suite;
using Sideman.Evaluation.Tests.Support;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Time;

namespace Sideman.Evaluation.Tests.Suite;

public sealed class EvaluationSuiteTests
{
    [Fact]
    public void The_full_suite_covers_every_style_metre_chart_kind_seed_and_energy()
    {
        IReadOnlyList<string> styles = Repo.Vocabulary.Styles;
        EvaluationSuite full = EvaluationSuite.Full(styles);
        Assert.Equal(27, styles.Count);
        Assert.Equal(styles, full.Cases.Select(c => c.Style).Distinct());
        Assert.Equal([TimeSignature.FourFour, new(3, 4), new(6, 8), new(5, 4)], full.Cases.Select(c => c.Chart.Metre).Distinct());
        Assert.Equal([1UL, 2, 3], full.Cases.Select(c => c.Seed).Distinct());
        Assert.Equal(27 * 3 * 9, full.Cases.Count);
        Assert.Equal([0, 1, 2, 3, 4], full.Cases.Where(c => c.EnergyLadder).Select(c => c.Energy).Distinct().Order());
        Assert.All(full.Cases.Where(c => c.EnergyLadder), c => Assert.Same(EvaluationSuite.Plain, c.Chart));
        Assert.All(full.Cases, c => Assert.Equal(8, SongPlan.Create(c.Request()).Bars.Count));
        // slash chords: a descending line with passing bass notes, and chord-tone slashes
        var slash = SongPlan.Create(full.Cases.First(c => c.Chart == EvaluationSuite.Slash).Request());
        Assert.Equal([0, 11, 9, 7, 5, 4, 2, 11], slash.Bars.Select(b => (b.Chords.Span[0].Chord.Root + b.Chords.Span[0].Chord.BassInterval) % 12));
        Assert.All(new[] { EvaluationSuite.Waltz, EvaluationSuite.SixEight, EvaluationSuite.FiveFour },
            chart => Assert.Contains(chart.Bars, b => b.Contains('/')));
    }

    [Fact]
    public void The_quick_suite_is_shorter_and_both_are_fixed()
    {
        EvaluationSuite quick = EvaluationSuite.Quick(Repo.Vocabulary.Styles);
        Assert.Equal(27 * 9, quick.Cases.Count);
        Assert.All(quick.Cases, c => Assert.Equal((4, 1UL), (c.Bars, c.Seed)));
        Assert.Equal("C | C/B | Am | Am/G", EvaluationSuite.Slash.Text(4));
        Assert.Equal(EvaluationSuite.Full(["pop", "jazz_ballad"]).Cases, EvaluationSuite.Full(["pop", "jazz_ballad"]).Cases);
        Assert.Equal(66, EvaluationSuite.Full(["jazz_ballad"]).Cases[0].Bpm);
        Assert.Equal(110, EvaluationSuite.TempoOf("no_such_style"));
    }
}
