using Sideman.Evaluation.Human;
using Sideman.Evaluation.Report;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Tests.Support;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using static Sideman.Evaluation.Tests.Support.HandMade;

namespace Sideman.Evaluation.Tests.Report;

/// <summary>Each bound of issue 11 holds on a tally that meets it and fails, with its figure, on one that does not.</summary>
public sealed class StyleBoundsTests
{
    /// <summary>Human pop: three takes of 40 bars, every bar kick on 1 and 3, snare on 2 and 4 (2 kicks, backbeat 100%).</summary>
    private static HumanBaseline Human()
    {
        var songs = new List<HeardSong>();
        for (int take = 0; take < 3; take++)
        {
            SongBar[] bars = Bars([.. Enumerable.Repeat(FourFour, 40)]);
            var hits = new List<SongHit>();
            for (int b = 0; b < bars.Length; b++)
                hits.AddRange([Hit(b, 0, "kick"), Hit(b, 48, "kick"), Hit(b, 24, "snare"), Hit(b, 72, "snare")]);
            songs.Add(Drums("pop", null, bars, [.. hits]));
        }
        songs.Add(Drums("country", null, Bars(FourFour), Hit(0, 0, "kick"), Hit(0, 24, "snare"))); // one take: not covered
        return HumanBaseline.Measure(songs, [FourFour, new TimeSignature(6, 8)]);
    }

    /// <summary>A style's songs at every energy 0..4 with growing parts, plus one 6/8 song.</summary>
    private static EvaluationTally Tally(string style, int kicksPerBar, bool backbeat, bool bassOnOne, int outOfKeyNotes, bool sixEightOnOneAndFour)
    {
        var tally = new EvaluationTally();
        for (int energy = 0; energy <= 4; energy++)
        {
            SongBar[] bars = Bars(FourFour, energy, "C", "F");
            var hits = new List<SongHit>();
            var bass = new List<SongNote>();
            var keys = new List<SongNote>();
            for (int b = 0; b < 2; b++)
            {
                for (int k = 0; k < kicksPerBar; k++)
                    hits.Add(Hit(b, k * 12, "kick", 110));
                if (backbeat)
                    hits.AddRange([Hit(b, 24, "snare"), Hit(b, 72, "snare")]);
                for (int h = 0; h <= energy; h++)
                    hits.Add(Hit(b, 6 + 12 * h, "hh_closed", 40));
                int root = b == 0 ? 0 : 5;
                bass.Add(Note(bars, b, bassOnOne ? 0 : 24, root, velocity: 100));
                for (int n = 0; n <= energy; n++)
                    bass.Add(Note(bars, b, 30 + 6 * n, root, velocity: 60));
                for (int n = 0; n <= energy + 4; n++)
                    keys.Add(Note(bars, b, 6 * n, n < outOfKeyNotes && b == 0 && energy == 0 ? 6 : root, velocity: 50));
            }
            tally.Add(new HeardSong("e" + energy, style, 1, 0, bars, hits,
                new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Bass] = bass, [PartRole.Keys] = keys, [PartRole.Pad] = keys, [PartRole.Arp] = keys },
                energyLadder: true));
        }
        var sixEight = new TimeSignature(6, 8);
        SongBar[] six = [new SongBar(0, 0, sixEight, 2, [new BarChord(0, new ChordSymbol(0, ChordQuality.Major))])];
        SongHit[] kicks = sixEightOnOneAndFour ? [Hit(0, 0, "kick"), Hit(0, 36, "kick")] : [Hit(0, 0, "kick"), Hit(0, 24, "kick"), Hit(0, 48, "kick")];
        tally.Add(new HeardSong("6/8", style, 1, 0, six, kicks,
            new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Bass] = [Note(six, 0, 0, 0, velocity: 100)] }));
        return tally;
    }

    private static BoundResult One(IReadOnlyList<BoundResult> results, string bound) => Assert.Single(results, r => r.Bound == bound);

    [Fact]
    public void A_band_that_plays_like_the_humans_meets_every_bound()
    {
        IReadOnlyList<BoundResult> results = StyleBounds.Check(Tally("pop", 2, backbeat: true, bassOnOne: true, 0, true), Human());
        Assert.All(results, r => Assert.True(r.Holds, r.Text));
        Assert.Equal(["backbeat", "kicks", "bass beat 1", "out of key", "density", "beat 1 accent", "6/8 kick"], results.Select(r => r.Bound).Distinct());
        Assert.Equal(5, results.Count(r => r.Bound == "density"));   // drums, bass, keys, pad, arp
        Assert.Equal(4, results.Count(r => r.Bound == "out of key"));
    }

    [Fact]
    public void No_backbeat_too_many_kicks_a_late_bass_and_a_6_8_waltz_kick_each_fail_with_their_figure()
    {
        IReadOnlyList<BoundResult> results = StyleBounds.Check(Tally("pop", 4, backbeat: false, bassOnOne: false, 0, false), Human());

        BoundResult backbeat = One(results, "backbeat");
        Assert.False(backbeat.Holds);
        Assert.Equal(0, backbeat.Figure);
        Assert.Contains(">= 0.80", backbeat.Limit);
        BoundResult kicks = One(results, "kicks");
        Assert.False(kicks.Holds);
        Assert.Equal(4, kicks.Figure);
        Assert.Equal("1.40..2.60", kicks.Limit);
        BoundResult bass = One(results, "bass beat 1");
        Assert.False(bass.Holds);
        Assert.Equal("pop seed 1", bass.Subject);
        Assert.Equal(1.0 / 11, bass.Figure, 9);  // only the 6/8 bar
        Assert.False(One(results, "6/8 kick").Holds);
        Assert.Contains("1 0 1 0 1 0", One(results, "6/8 kick").Text);
    }

    [Fact]
    public void Out_of_key_notes_over_two_percent_fail_and_a_style_groove_does_not_cover_uses_the_pooled_backbeat()
    {
        IReadOnlyList<BoundResult> results = StyleBounds.Check(Tally("country", 2, backbeat: true, bassOnOne: true, outOfKeyNotes: 3, true), Human());
        BoundResult keys = Assert.Single(results, r => r.Bound == "out of key" && r.Subject == "country keys");
        Assert.False(keys.Holds);
        Assert.Equal(3.0 / 70, keys.Figure, 9);
        Assert.Contains("Groove's backbeat styles", One(results, "backbeat").Text);
        Assert.DoesNotContain(results, r => r.Bound == "kicks");  // one human take of country: not covered
    }

    [Fact]
    public void Styles_without_a_kit_have_no_drum_bounds()
    {
        IReadOnlyList<BoundResult> results = StyleBounds.Check(Tally("hymn", 4, backbeat: false, bassOnOne: true, 0, false), Human());
        Assert.DoesNotContain(results, r => r.Bound is "backbeat" or "kicks" or "6/8 kick");
        Assert.DoesNotContain(results, r => r.Subject == "hymn drums");
        Assert.All(results, r => Assert.True(r.Holds, r.Text));
    }

    [Fact]
    public void Density_that_stalls_or_beat_one_that_is_not_the_strongest_fails()
    {
        EvaluationTally tally = Tally("pop", 2, backbeat: true, bassOnOne: true, 0, true);
        SongBar[] loud = Bars(FourFour, 4, "C");
        tally.Add(new HeardSong("loud 2", "pop", 1, 0, loud, [Hit(0, 24, "crash", 127), .. Enumerable.Range(0, 40).Select(i => Hit(0, 24, "snare", 127))],
            new Dictionary<PartRole, IReadOnlyList<SongNote>> { [PartRole.Bass] = [] }, energyLadder: true)); // a bass that plays nothing
        IReadOnlyList<BoundResult> results = StyleBounds.Check(tally, Human());
        Assert.False(Assert.Single(results, r => r.Bound == "beat 1 accent" && r.Subject == "4/4").Holds);
        Assert.True(Assert.Single(results, r => r.Bound == "beat 1 accent" && r.Subject == "6/8").Holds);
        Assert.False(Assert.Single(results, r => r.Subject == "pop bass" && r.Bound == "density").Holds); // a bar of E4 without bass
        Assert.True(Assert.Single(results, r => r.Subject == "pop drums" && r.Bound == "density").Holds);
    }
}
