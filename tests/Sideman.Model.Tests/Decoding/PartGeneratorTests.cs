using Sideman.Model.Decoding;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Music.Time;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The part generator on a real-vocabulary model: determinism, grammar, conditioning, budget, sliding window.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class PartGeneratorTests(GeneratorModelFixture fx, ITestOutputHelper output)
{
    private PartGenerator Create(PartRole part, ulong seed, GeneratorSettings? settings = null, string style = "pop")
    {
        ITokenModel model = TokenModelLoader.Load(fx.ModelPath, new TokenModelOptions { VocabPath = fx.VocabPath });
        settings = (settings ?? new GeneratorSettings()) with { Seed = seed, KeepTranscript = true };
        return new PartGenerator(model, fx.Vocabulary, SongFixture.Header(part, style), settings, index: null, ownsModel: true);
    }

    private int[] Generate(PartRole part, ulong seed, int bars, bool withChords = true, GeneratorSettings? settings = null)
    {
        using PartGenerator g = Create(part, seed, settings);
        for (int i = 0; i < bars; i++)
            g.Next(SongFixture.Bar(i, withChords));
        return g.Transcript.ToArray();
    }

    [Theory]
    [InlineData(PartRole.Drums)]
    [InlineData(PartRole.Bass)]
    [InlineData(PartRole.Keys)]
    public void Same_seed_gives_the_same_tokens_and_another_seed_differs(PartRole part)
    {
        int[] a = Generate(part, seed: 21, bars: 12);
        int[] b = Generate(part, seed: 21, bars: 12);
        int[] c = Generate(part, seed: 22, bars: 12);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Generation_on_parallel_threads_gives_the_sequential_result()
    {
        PartRole[] parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad];
        int[][] sequential = parts.Select(p => Generate(p, 5, 10)).ToArray();
        var parallel = new int[parts.Length][];
        var threads = parts.Select((p, i) => new Thread(() => parallel[i] = Generate(p, 5, 10))).ToArray();
        foreach (var t in threads)
            t.Start();
        foreach (var t in threads)
            t.Join();
        for (int i = 0; i < parts.Length; i++)
            Assert.Equal(sequential[i], parallel[i]);
    }

    [Theory]
    [InlineData(PartRole.Drums, true)]
    [InlineData(PartRole.Bass, true)]
    [InlineData(PartRole.Keys, true)]
    [InlineData(PartRole.Pad, true)]
    [InlineData(PartRole.Arp, true)]
    [InlineData(PartRole.Bass, false)]
    [InlineData(PartRole.Keys, false)]
    public void Every_sequence_decodes_to_a_well_formed_pattern_with_the_callers_conditioning(PartRole part, bool withChords)
    {
        var tokenizer = new PatternTokenizer(fx.Vocabulary);
        using PartGenerator g = Create(part, seed: 77);
        var bars = new List<BarPattern>();
        for (int i = 0; i < 16; i++)
        {
            BarConditioning c = SongFixture.Bar(i, withChords);
            GeneratedBar bar = g.Next(c);
            Assert.Equal(c.BarIndex, bar.BarIndex);
            Assert.Equal(c.TimeSignature, bar.TimeSignature);
            Assert.Equal(c.Section, bar.Section);
            Assert.Equal(c.Energy, bar.Energy);
            if (part == PartRole.Drums)
                Assert.True(bar.Chords.IsEmpty);
            else if (withChords)
                Assert.Equal(c.Chords.ToArray(), bar.Chords.ToArray());
            else
                Assert.True(bar.Chords.Length >= 1 && bar.Chords[0].Tick == 0, "the model must choose a chord at tick 0");
            bars.Add(bar.ToPattern());
        }

        int[] sequence = [.. g.Transcript, fx.Vocabulary.Eos];
        PartPhrase phrase = tokenizer.Decode(sequence); // throws on any grammar error
        Assert.Equal(16, phrase.Bars.Length);
        for (int i = 0; i < bars.Count; i++)
            AssertSameBar(phrase.Bars[i], bars[i]);
        int events = bars.Sum(b => b.Notes.Length + b.Hits.Length);
        output.WriteLine($"{part}: {sequence.Length} tokens, {events} events in 16 bars, stats {g.Stats}");
        Assert.True(events > 0, "a trained model writes some notes in 16 bars");
        // Every event lies inside its bar, in canonical order.
        foreach (BarPattern b in bars)
        {
            int length = b.TimeSignature.TicksPerBar;
            Assert.All(b.Notes.ToArray(), n => Assert.InRange(n.Tick, 0, length - 1));
            Assert.All(b.Hits.ToArray(), h => Assert.InRange(h.Tick, 0, length - 1));
        }
    }

    [Fact]
    public void Generation_slides_past_the_context_and_stays_well_formed()
    {
        var tokenizer = new PatternTokenizer(fx.Vocabulary);
        TimeSignature[] metres = [TimeSignature.FourFour, new(3, 4), new(6, 8), new(5, 4)];
        using PartGenerator g = Create(PartRole.Keys, seed: 3, new GeneratorSettings { Sampling = new SamplingSettings(1.1f, 0.98f) });
        int bars = 0;
        while (g.Transcript.Length < 3 * 512 && bars < 600)
        {
            TimeSignature ts = metres[bars / 4 % metres.Length];
            var c = new BarConditioning(bars, ts, SectionKind.Verse, 2, new[] { new BarChord(0, new ChordSymbol(bars % 12, ChordQuality.Minor7)) });
            g.Next(c);
            Assert.InRange(g.ContextLength, 1, 512);
            bars++;
        }
        GenerationStats s = g.Stats;
        output.WriteLine($"{bars} bars, {g.Transcript.Length} tokens, stats {s}");
        Assert.True(g.Transcript.Length >= 3 * 512, "generation continues well past the 512-token context");
        Assert.True(s.Slides >= 2, $"the window slid {s.Slides} times");
        PartPhrase phrase = tokenizer.Decode([.. g.Transcript, fx.Vocabulary.Eos]);
        Assert.Equal(bars, phrase.Bars.Length);
        for (int i = 0; i < bars; i++)
            Assert.Equal(metres[i / 4 % metres.Length], phrase.Bars[i].TimeSignature);
    }

    [Fact]
    public void Sliding_is_deterministic()
    {
        var settings = new GeneratorSettings { MaxBarTokens = 64, SlideKeepFraction = 0.3 };
        int[] a = Generate(PartRole.Drums, 9, 160, settings: settings);
        int[] b = Generate(PartRole.Drums, 9, 160, settings: settings);
        Assert.True(a.Length > 1024, $"{a.Length} tokens");
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_token_budget_closes_a_bar_and_keeps_it_well_formed()
    {
        var tokenizer = new PatternTokenizer(fx.Vocabulary);
        var settings = new GeneratorSettings { MaxBarTokens = 12, Sampling = new SamplingSettings(1.5f, 1f) };
        using PartGenerator g = Create(PartRole.Keys, 4, settings);
        for (int i = 0; i < 24; i++)
        {
            GeneratedBar bar = g.Next(SongFixture.Bar(i));
            int free = bar.Tokens.Length - PromptLength(bar.Tokens);
            Assert.True(free <= 12, $"bar {i} has {free} free tokens");
        }
        Assert.True(g.Stats.BudgetClosedBars > 0, "a hot sampler on a 12-token budget gets closed at least once");
        tokenizer.Decode([.. g.Transcript, fx.Vocabulary.Eos]);
    }

    [Fact]
    public void Invalid_conditioning_is_refused_with_the_bar_named()
    {
        using PartGenerator g = Create(PartRole.Bass, 1);
        var offGrid = new BarConditioning(7, TimeSignature.FourFour, SectionKind.Verse, 2,
            new[] { new BarChord(0, new ChordSymbol(0, ChordQuality.Major)), new BarChord(30, new ChordSymbol(5, ChordQuality.Major)) });
        var e1 = Assert.Throws<ArgumentException>(() => g.Next(offGrid));
        Assert.Contains("bar 7", e1.Message);
        Assert.Contains("tick 30", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => g.Next(new BarConditioning(8, new TimeSignature(11, 8), SectionKind.Verse, 2)));
        Assert.Contains("11/8", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => g.Next(new BarConditioning(9, TimeSignature.FourFour, SectionKind.Verse, 5)));
        Assert.Contains("energy 5", e3.Message);
        var lateFirst = new BarConditioning(10, TimeSignature.FourFour, SectionKind.Verse, 2, new[] { new BarChord(24, new ChordSymbol(0, ChordQuality.Major)) });
        Assert.Contains("tick 0", Assert.Throws<ArgumentException>(() => g.Next(lateFirst)).Message);
        // After refusals the generator still works.
        Assert.Equal(11, g.Next(SongFixture.Bar(11)).BarIndex);
    }

    [Fact]
    public void Restart_begins_a_new_song_with_the_same_output()
    {
        using PartGenerator g = Create(PartRole.Bass, 12);
        var first = new List<int[]>();
        for (int i = 0; i < 6; i++)
            first.Add(g.Next(SongFixture.Bar(i)).Tokens.ToArray());
        g.Restart();
        for (int i = 0; i < 6; i++)
            Assert.Equal(first[i], g.Next(SongFixture.Bar(i)).Tokens.ToArray());
    }

    [Fact]
    public void Rolled_back_bars_are_rewritten_as_a_fresh_run_with_the_new_conditioning_writes_them()
    {
        BarConditioning Louder(int i) => SongFixture.Bar(i) with { Energy = 4, Section = SectionKind.Chorus };
        using PartGenerator g = Create(PartRole.Keys, 40);
        for (int i = 0; i < 10; i++)
            g.Next(SongFixture.Bar(i));
        int[] before = g.Transcript.ToArray();
        Assert.True(g.RollBack(3));
        Assert.Equal(3, g.Stats.RolledBackBars);
        for (int i = 7; i < 10; i++)
            g.Next(Louder(i));

        using PartGenerator fresh = Create(PartRole.Keys, 40);
        for (int i = 0; i < 10; i++)
            fresh.Next(i < 7 ? SongFixture.Bar(i) : Louder(i));
        Assert.Equal(fresh.Transcript.ToArray(), g.Transcript.ToArray());
        Assert.NotEqual(before, g.Transcript.ToArray());
        new PatternTokenizer(fx.Vocabulary).Decode([.. g.Transcript, fx.Vocabulary.Eos]);
    }

    [Fact]
    public void Bars_that_slid_out_of_the_context_cannot_be_rolled_back()
    {
        using PartGenerator g = Create(PartRole.Drums, 41, new GeneratorSettings { SlideKeepFraction = 0.2 });
        int bars = 0;
        while (g.Stats.Slides == 0)
            g.Next(SongFixture.Bar(bars++));
        int[] kept = g.Transcript.ToArray();
        Assert.False(g.RollBack(bars));
        Assert.Equal(kept, g.Transcript.ToArray());
        Assert.True(g.RollBack(1));
        g.Next(SongFixture.Bar(bars - 1));
    }

    private int PromptLength(ReadOnlySpan<int> barTokens)
    {
        // BAR TS SEC EN, then the given chords (ROOT QUAL [BASS] | NOCHORD, CHG ...), up to the first free token.
        int i = 4;
        while (i < barTokens.Length && fx.Vocabulary[barTokens[i]].Kind is TokenKind.Root or TokenKind.Quality or TokenKind.Bass or TokenKind.ChordChange or TokenKind.NoChord)
            i++;
        return i;
    }

    private static void AssertSameBar(BarPattern expected, BarPattern actual)
    {
        Assert.Equal(expected.TimeSignature, actual.TimeSignature);
        Assert.Equal(expected.Section, actual.Section);
        Assert.Equal(expected.Energy, actual.Energy);
        Assert.Equal(expected.Chords.ToArray(), actual.Chords.ToArray());
        Assert.Equal(expected.Notes.ToArray(), actual.Notes.ToArray());
        Assert.Equal(expected.Hits.ToArray(), actual.Hits.ToArray());
    }
}
