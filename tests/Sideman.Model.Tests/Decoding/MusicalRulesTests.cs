using Sideman.Model.Decoding;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The musical guard's rules on hand-made bars (the fixture the Python rules are tested on too), and its watch.</summary>
public sealed class MusicalRulesTests
{
    private static readonly Vocabulary V = Vocabulary.Load(RepoFiles.VocabPath);
    private static readonly IReadOnlyList<MusicalGuardCase> Cases = MusicalGuardCase.Load(V);

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (MusicalGuardCase c in Cases)
            data.Add(c.Name);
        return data;
    }

    private static MusicalGuardCase Case(string name) => Cases.Single(c => c.Name == name);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Each_fixture_bar_gets_the_hand_worked_verdict(string name)
    {
        MusicalGuardCase c = Case(name);
        GeneratedBar bar = c.Decode(V);
        var rules = new MusicalRules(c.Header);
        MusicalVerdict verdict = rules.Check(bar.Chords, bar.Notes, bar.TimeSignature, c.Memory, c.Grace);
        Assert.True(c.Expected == verdict, $"{c.Name} ({c.Why}): expected {c.Expected}, got {verdict}");
        if (c.MemoryAfter is { } after)
            Assert.Equal(after, rules.Remember(bar.Chords, bar.Notes, bar.TimeSignature, c.Memory, verdict));
    }

    public static TheoryData<string> RepairCaseNames()
    {
        var data = new TheoryData<string>();
        foreach (MusicalGuardCase c in Cases.Where(c => c.HasRepair))
            data.Add(c.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(RepairCaseNames))]
    public void The_beat_one_repair_gives_the_hand_worked_pitch(string name)
    {
        MusicalGuardCase c = Case(name);
        GeneratedBar bar = c.Decode(V);
        int[] body = [.. c.Tokens];
        bool repaired = new BeatOneRepair(V).TryRepair(body, bar.Chords[0].Chord, PartRoles.RegisterCentre(c.Header.Part));
        Assert.Equal(c.Repair is not null, repaired);
        int[] changed = Enumerable.Range(0, body.Length).Where(i => body[i] != c.Tokens[i]).ToArray();
        if (c.Repair is null)
        {
            Assert.Empty(changed);
            return;
        }
        Assert.Single(changed);
        Assert.Equal(c.Repair, V[body[changed[0]]].Name);
        GeneratedBar fixedBar = c.Decode(V);
        new BarDecoder(V).Decode(body, c.Header, fixedBar);
        Assert.False(new MusicalRules(c.Header).Check(fixedBar.Chords, fixedBar.Notes, fixedBar.TimeSignature, c.Memory, c.Grace).BeatOneMiss);
    }

    [Fact]
    public void A_song_starts_on_the_one_and_then_at_most_one_bar_in_six_may_miss()
    {
        var plain = new ChordSymbol(0, ChordQuality.Major);
        int grace = MusicalGuardSettings.Default.BeatOneGrace;
        MusicalMemory memory = MusicalMemory.SongStart;
        var tolerated = new List<bool>();
        for (int bar = 0; bar < 12; bar++)
        {
            bool allowed = MusicalRules.MissTolerated(plain, memory, grace);
            tolerated.Add(allowed);
            // The bass misses whenever the guard lets it: the most it can miss.
            memory = memory with { Misses = (byte)((memory.Misses << 1) | (allowed ? 1 : 0)) };
        }

        Assert.Equal(5, grace);
        Assert.Equal([false, false, false, false, false, true, false, false, false, false, false, true], tolerated);
        Assert.False(MusicalRules.MissTolerated(new ChordSymbol(0, ChordQuality.Major, 11), default, grace)); // C/B: never
    }

    [Fact]
    public void Score_weighs_beat_one_over_strong_beats_over_the_key()
    {
        Assert.Equal(0, new MusicalVerdict(true, false, 0, 0).Score); // a tolerated miss is no fault
        Assert.Equal(4, new MusicalVerdict(true, true, 0, 0).Score);
        Assert.Equal(2 * 3 + 2, new MusicalVerdict(false, false, 3, 2).Score);
        Assert.Equal(MusicalRule.BeatOne | MusicalRule.OutOfKey, new MusicalVerdict(true, true, 0, 1).Broken);
        Assert.Equal(MusicalRule.None, new MusicalVerdict(true, false, 0, 0).Broken);
    }

    [Theory]
    [InlineData(4, 4, new[] { 0, 48 })]
    [InlineData(3, 4, new[] { 0 })]
    [InlineData(6, 8, new[] { 0, 36 })]
    [InlineData(5, 4, new[] { 0, 72 })]
    [InlineData(12, 8, new[] { 0, 72 })]
    [InlineData(7, 8, new[] { 0 })]
    public void Strong_beats_are_beat_one_and_each_further_beat_group(int numerator, int denominator, int[] strong)
    {
        var ts = new TimeSignature(numerator, denominator);
        int[] found = Enumerable.Range(0, ts.TicksPerBar).Where(t => MetreAccents.IsStrong(ts, t)).ToArray();
        Assert.Equal(strong, found);
    }

    [Fact]
    public void Drums_have_no_rules()
    {
        Assert.Throws<ArgumentException>(() => new MusicalRules(PartHeader.Create("rock", PartRole.Drums, 0, 4)));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_watch_stops_a_try_only_where_the_whole_bar_check_finds_that_rule_broken(string name)
    {
        MusicalGuardCase c = Case(name);
        GeneratedBar bar = c.Decode(V);
        var rules = new MusicalRules(c.Header);
        MusicalVerdict verdict = rules.Check(bar.Chords, bar.Notes, bar.TimeSignature, c.Memory, c.Grace);
        MusicalRule stopped = Watch(c, rules, bar, out _);
        if (stopped != MusicalRule.None)
            Assert.True((verdict.Broken & stopped) != 0, $"{c.Name}: the watch stopped for {stopped}, the bar breaks {verdict.Broken}");
        // Beat one is decided by the first position after tick 0, so the watch never misses a beat-one fault that has one.
        bool laterPosition = bar.Notes.ToArray().Any(n => n.Tick > 0);
        if (verdict.BeatOneFault && laterPosition && (verdict.StrongBeatNotes == 0))
            Assert.Equal(MusicalRule.BeatOne, stopped);
    }

    [Fact]
    public void The_watch_stops_at_the_token_that_breaks_the_rule()
    {
        MusicalGuardCase miss = Case("bass rests on one after a miss");
        Assert.Equal(MusicalRule.BeatOne, Watch(miss, new MusicalRules(miss.Header), miss.Decode(V), out int at));
        Assert.Equal("POS_24", V[miss.Tokens[at]].Name);

        MusicalGuardCase seventh = Case("major seventh over the V chord");
        Assert.Equal(MusicalRule.StrongBeat, Watch(seventh, new MusicalRules(seventh.Header), seventh.Decode(V), out at));
        Assert.Equal("P+0_7", V[seventh.Tokens[at]].Name);

        // A first miss is let through, so the watch must not stop it.
        MusicalGuardCase first = Case("bass rests on one, first miss");
        Assert.Equal(MusicalRule.None, Watch(first, new MusicalRules(first.Header), first.Decode(V), out _));
    }

    /// <summary>Feeds the case's event tokens to a watch over its decoded chords; the rule it stopped for and the token index.</summary>
    private static MusicalRule Watch(MusicalGuardCase c, MusicalRules rules, GeneratedBar bar, out int at)
    {
        var watch = new MusicalWatch(V);
        watch.Begin(rules, bar.Chords.ToArray(), bar.TimeSignature, c.Memory, c.Grace);
        int pos = V.Range(TokenKind.Position).First;
        int first = Array.FindIndex(c.Tokens, t => t >= pos && t < pos + V.Range(TokenKind.Position).Count);
        for (at = Math.Max(first, 0); first >= 0 && at < c.Tokens.Length; at++)
        {
            MusicalRule r = watch.Observe(c.Tokens[at]);
            if (r != MusicalRule.None)
                return r;
        }
        return MusicalRule.None;
    }
}
