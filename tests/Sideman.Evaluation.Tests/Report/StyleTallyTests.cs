using Sideman.Evaluation.Metrics;
using Sideman.Evaluation.Report;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Patterns;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Report;

public sealed class StyleTallyTests
{
    /// <summary>A 4/4 pop song of two bars (C, F): bass on beat 1 in <paramref name="bassBars"/> of them, a backbeat in <paramref name="backbeatBars"/>.</summary>
    internal static HeardSong Song(string style, ulong seed, int bassBars, int backbeatBars, int energy = 2, bool ladder = false)
    {
        SongBar[] bars = Bars(FourFour, energy, "C", "F");
        var hits = new List<SongHit>();
        for (int b = 0; b < 2; b++)
        {
            hits.Add(Hit(b, 0, "kick"));
            if (b < backbeatBars)
                hits.AddRange([Hit(b, 24, "snare"), Hit(b, 72, "snare")]);
        }
        var bass = new List<SongNote>();
        for (int b = 0; b < 2; b++)
            bass.Add(Note(bars, b, b < bassBars ? 0 : 24, b == 0 ? 0 : 5));
        return new HeardSong($"{style} {seed}", style, seed, 0, bars, hits, new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Bass] = bass }, ladder);
    }

    [Fact]
    public void Seeds_are_kept_apart_and_the_worst_seed_is_the_lowest()
    {
        var tally = new StyleTally("pop");
        tally.Add(Song("pop", 1, bassBars: 2, backbeatBars: 1));
        tally.Add(Song("pop", 2, bassBars: 0, backbeatBars: 2));
        tally.Add(Song("pop", 3, bassBars: 1, backbeatBars: 0));
        tally.Add(Song("pop", 1, bassBars: 2, backbeatBars: 1));

        Assert.Equal(4, tally.Songs);
        Assert.Equal(8, tally.Bars);
        Assert.Equal(new Ratio(4, 4), tally.BassBySeed[1].All);
        Assert.Equal((2UL, new Ratio(0, 2)), tally.WorstBassSeed);
        Assert.Equal((3UL, new Ratio(0, 2)), tally.WorstBackbeatSeed);
        Assert.Equal(new Ratio(4, 8), tally.Drums.Backbeat);
        Assert.Equal(new Ratio(5, 8), tally.Bass.All);
        Assert.Equal(StyleFamily.Backbeat, tally.Family);
        Assert.Throws<ArgumentException>(() => tally.Add(Song("rock", 1, 2, 2)));
    }

    [Fact]
    public void The_evaluation_keeps_styles_in_order_and_pools_accents_without_drums_of_styles_with_no_kit()
    {
        var tally = new EvaluationTally();
        tally.Add(Song("hymn", 1, 2, 2));
        tally.Add(Song("pop", 1, 2, 2));
        tally.Add(Song("hymn", 2, 2, 2));
        Assert.Equal(["hymn", "pop"], tally.Styles.Select(s => s.Style));
        Assert.Equal(3, tally.Songs);
        AccentProfile pooled = tally.Accents[FourFour];
        Assert.Equal(2, pooled.Kicks);          // pop's two kicks, none of the hymn's
        Assert.Equal(6, pooled.Bars);
        Assert.Equal(4, tally.Style("hymn")!.Accents[FourFour].Bars);
        Assert.Null(tally.Style("rock"));
    }
}
