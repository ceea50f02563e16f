using System.Text.Json;
using Sideman.Model.Decoding;
using Sideman.Model.Originality;
using Sideman.Model.Tests.Tokens;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The generator with an originality index: planted copies are rejected, resampled or broken, and never emitted.</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class OriginalityGuardTests(GeneratorModelFixture fx, ITestOutputHelper output)
{
    private const int Bars = 24;

    private (int[] Transcript, List<int[]> BarTokens, GenerationStats Stats) Run(PartRole part, ulong seed, OriginalityIndex? index, int attempts = 8, int bars = Bars)
    {
        ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        // The originality guard alone: the musical guard would resample bars on its own streams and change what is copied.
        var settings = new GeneratorSettings
        {
            Seed = seed, GuardAttempts = attempts, KeepTranscript = true, MusicalGuard = MusicalGuardSettings.Off,
        };
        using var g = new PartGenerator(model, fx.Vocabulary, SongFixture.Header(part), settings, index, ownsModel: true);
        var barTokens = new List<int[]>();
        for (int i = 0; i < bars; i++)
            barTokens.Add(g.Next(SongFixture.Bar(i)).Tokens.ToArray());
        return (g.Transcript.ToArray(), barTokens, g.Stats);
    }

    /// <summary>Index keys of every consecutive pair of non-empty bars in a sequence (computed from the tokens, independently of the generator).</summary>
    private List<ulong> PairKeys(PartRole part, int[] transcript)
    {
        int[] sequence = [.. transcript, fx.Vocabulary.Eos];
        var hashes = new ulong[2048];
        int n = BarFingerprint.BarHashes(fx.Vocabulary, sequence, hashes);
        var keys = new List<ulong>();
        for (int i = 1; i < n; i++)
        {
            if (hashes[i - 1] != 0 && hashes[i] != 0)
                keys.Add(PairKey.Compute(fx.Vocabulary.Part(part), hashes[i - 1], hashes[i]));
        }
        return keys;
    }

    [Theory]
    [InlineData(PartRole.Bass)]
    [InlineData(PartRole.Drums)]
    public void A_planted_copy_is_rejected_and_resampled(PartRole part)
    {
        var free = Run(part, 31, index: null);
        List<ulong> planted = PairKeys(part, free.Transcript);
        Assert.True(planted.Count >= 4, "the unguarded run must have pairs to plant");
        OriginalityIndex index = OriginalityIndexWriter.InMemory("planted", fx.VocabSha256, planted);

        var guarded = Run(part, 31, index);
        output.WriteLine($"{part}: planted {planted.Count} pairs; guarded stats {guarded.Stats}");
        Assert.NotEqual(free.Transcript, guarded.Transcript);
        Assert.True(guarded.Stats.GuardRejections > 0);
        Assert.Equal(0, guarded.Stats.CopiesEmitted);
        Assert.DoesNotContain(PairKeys(part, guarded.Transcript), index.Contains);
        // The first bar has no predecessor, so it cannot be a copy: it is unchanged.
        Assert.Equal(free.BarTokens[0], guarded.BarTokens[0]);
        new PatternTokenizer(fx.Vocabulary).Decode([.. guarded.Transcript, fx.Vocabulary.Eos]);
    }

    [Fact]
    public void When_every_attempt_copies_one_velocity_moves_by_one_bucket()
    {
        const PartRole part = PartRole.Keys;
        var free = Run(part, 8, index: null);
        List<ulong> planted = PairKeys(part, free.Transcript);
        OriginalityIndex index = OriginalityIndexWriter.InMemory("planted", fx.VocabSha256, planted);

        var guarded = Run(part, 8, index, attempts: 1);
        output.WriteLine($"planted {planted.Count}; stats {guarded.Stats}");
        Assert.True(guarded.Stats.Perturbations > 0);
        Assert.Equal(guarded.Stats.GuardRejections, guarded.Stats.Perturbations); // one attempt: every rejection is broken
        Assert.Equal(0, guarded.Stats.CopiesEmitted);
        Assert.DoesNotContain(PairKeys(part, guarded.Transcript), index.Contains);

        // The first perturbed bar is the unguarded bar with one velocity one bucket quieter or louder.
        int first = Enumerable.Range(1, Bars - 1).First(i => !free.BarTokens[i].SequenceEqual(guarded.BarTokens[i]));
        int[] a = free.BarTokens[first], b = guarded.BarTokens[first];
        Assert.Equal(a.Length, b.Length);
        int[] diffs = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToArray();
        Assert.Single(diffs);
        Assert.Equal(TokenKind.Velocity, fx.Vocabulary[a[diffs[0]]].Kind);
        Assert.Equal(TokenKind.Velocity, fx.Vocabulary[b[diffs[0]]].Kind);
        Assert.Equal(1, Math.Abs(a[diffs[0]] - b[diffs[0]]));
    }

    [Fact]
    public void A_copy_in_a_bar_where_the_window_slid_is_resampled_from_the_slid_context()
    {
        // Find a bar in which the window slides (inside the bar), in an unguarded run.
        var settings = new GeneratorSettings { Seed = 6, SlideKeepFraction = 0.3, BarLineHeadroom = 4 };
        var hashes = new List<ulong>();
        int target = -1;
        using (var free = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Keys), settings, null, ownsModel: true))
        {
            for (int i = 0; i < 200 && target < 0; i++)
            {
                long inside = free.Stats.SlidesInsideBars;
                hashes.Add(free.Next(SongFixture.Bar(i)).EventHash);
                if (free.Stats.SlidesInsideBars > inside && i > 0 && hashes[i - 1] != 0 && hashes[i] != 0)
                    target = i;
            }
            output.WriteLine($"free run: {free.Stats}");
        }
        Assert.True(target > 0, $"no bar with a slide inside it in {hashes.Count} bars");

        // Plant only that bar's pair: the guarded run is identical up to it, then must reject it after the slide.
        int part = fx.Vocabulary.Part(PartRole.Keys);
        OriginalityIndex index = OriginalityIndexWriter.InMemory("one pair", fx.VocabSha256, [PairKey.Compute(part, hashes[target - 1], hashes[target])]);
        int[] Run()
        {
            using var g = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Keys),
                                            settings with { KeepTranscript = true }, index, ownsModel: true);
            for (int i = 0; i <= target + 4; i++)
            {
                GeneratedBar bar = g.Next(SongFixture.Bar(i));
                if (i < target)
                    Assert.Equal(hashes[i], bar.EventHash);
                if (i == target)
                {
                    Assert.Equal(2, bar.Attempts);
                    Assert.NotEqual(hashes[target], bar.EventHash);
                }
                Assert.InRange(g.ContextLength, 1, 512);
            }
            Assert.Equal(1, g.Stats.GuardRejections);
            return [.. g.Transcript];
        }
        int[] a = Run();
        Assert.Equal(a, Run());
        new PatternTokenizer(fx.Vocabulary).Decode([.. a, fx.Vocabulary.Eos]);
        output.WriteLine($"bar {target} had a slide inside it and was resampled");
    }

    [Fact]
    public void The_breaker_skips_changes_the_index_also_holds_and_finally_drops_the_events()
    {
        Vocabulary v = fx.Vocabulary;
        int part = v.Part(PartRole.Drums);
        int[] body = [v.Id("POS_0"), v.Id("DRUM_kick"), v.Id("VEL_4"), v.Id("POS_24"), v.Id("DRUM_snare"), v.Id("VEL_5")];
        const ulong previous = 0x1234;
        ulong Key(int[] tokens) => PairKey.Compute(part, previous, BarFingerprint.Hash(tokens));
        int[] With(int at, int token)
        {
            int[] copy = [.. body];
            copy[at] = token;
            return copy;
        }
        var breaker = new CopyBreaker(v);

        // The original and the first two candidates (last velocity -1, +1) are "in the training data".
        var keys = new List<ulong> { Key(body), Key(With(5, body[5] - 1)), Key(With(5, body[5] + 1)) };
        var index = OriginalityIndexWriter.InMemory("t", fx.VocabSha256, keys);
        int[] work = [.. body];
        var (length, hash) = breaker.Break(work, 0, index, part, previous);
        Assert.Equal(body.Length, length);
        Assert.Equal(With(2, body[2] - 1), work); // the next candidate: the earlier velocity, one quieter
        Assert.Equal(BarFingerprint.Hash(work), hash);
        Assert.False(index.ContainsPair(part, previous, hash));

        // Every one-bucket change is held too: the events go, and an empty bar (hash 0) is never a copy.
        keys.Add(Key(With(2, body[2] - 1)));
        keys.Add(Key(With(2, body[2] + 1)));
        index = OriginalityIndexWriter.InMemory("t", fx.VocabSha256, keys);
        work = [.. body];
        (length, hash) = breaker.Break(work, 0, index, part, previous);
        Assert.Equal(0, length);
        Assert.Equal(0UL, hash);
    }

    [Fact]
    public void Against_the_models_own_training_pairs_the_guard_emits_no_copy()
    {
        // The test model was trained on these sequences, so it tends to reproduce their bars.
        using var doc = JsonDocument.Parse(File.ReadAllBytes(RepoFiles.Fixture("tokens", "corpus_samples.json")));
        var keys = new List<ulong>();
        foreach (JsonElement s in doc.RootElement.GetProperty("samples").EnumerateArray())
        {
            int part = fx.Vocabulary.Id("PART_" + s.GetProperty("part").GetString());
            ulong[] h = s.GetProperty("bar_hashes").EnumerateArray().Select(e => ulong.Parse(e.GetString()!)).ToArray();
            for (int i = 1; i < h.Length; i++)
            {
                if (h[i - 1] != 0 && h[i] != 0)
                    keys.Add(PairKey.Compute(part, h[i - 1], h[i]));
            }
        }
        OriginalityIndex index = OriginalityIndexWriter.InMemory("corpus samples", fx.VocabSha256, keys);
        long unguardedCopies = 0;
        foreach (PartRole part in new[] { PartRole.Drums, PartRole.Bass, PartRole.Keys })
        {
            for (ulong seed = 1; seed <= 3; seed++)
            {
                var free = Run(part, seed, null, bars: 16);
                unguardedCopies += PairKeys(part, free.Transcript).Count(index.Contains);
                var guarded = Run(part, seed, index, bars: 16);
                Assert.DoesNotContain(PairKeys(part, guarded.Transcript), index.Contains);
                Assert.Equal(0, guarded.Stats.CopiesEmitted);
            }
        }
        output.WriteLine($"{keys.Count} training pairs; copied pairs without the guard: {unguardedCopies}; with it: 0");
    }
}
