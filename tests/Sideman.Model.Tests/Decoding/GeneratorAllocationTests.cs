using Sideman.Model.Decoding;
using Sideman.Model.Originality;
using Sideman.Model.Tokens;
using Sideman.Music.Patterns;
using Sideman.Tests.Shared;
using Xunit.Abstractions;

namespace Sideman.Model.Tests.Decoding;

/// <summary>After the first bar, a bar allocates nothing on the generator thread (the window slides are counted apart).</summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class GeneratorAllocationTests(GeneratorModelFixture fx, ITestOutputHelper output)
{
    [Theory]
    [InlineData(PartRole.Drums)]
    [InlineData(PartRole.Keys)]
    public void Steady_state_bars_allocate_nothing(PartRole part)
    {
        ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        using var g = new PartGenerator(model, fx.Vocabulary, SongFixture.Header(part), new GeneratorSettings { Seed = 2 }, index: null, ownsModel: true);
        var bars = new BarConditioning[80];
        for (int i = 0; i < bars.Length; i++)
            bars[i] = SongFixture.Bar(i);
        // Warm-up: the first bar (prefill) and the JIT.
        for (int i = 0; i < 4; i++)
            g.Next(bars[i]);

        int quietBars = 0, slideBars = 0;
        long slideBytes = 0;
        for (int i = 4; i < bars.Length; i++)
        {
            long slidesBefore = g.Stats.Slides;
            long before = ThreadAllocation.Start();
            g.Next(bars[i]);
            long bytes = ThreadAllocation.Since(before);
            if (g.Stats.Slides != slidesBefore)
            {
                slideBars++;
                slideBytes += bytes;
                continue;
            }
            Assert.True(bytes == 0, $"bar {i} allocated {bytes} bytes");
            quietBars++;
        }
        output.WriteLine($"{part}: {quietBars} bars with 0 bytes; {slideBars} bars with a window slide, {(slideBars > 0 ? slideBytes / slideBars : 0)} bytes each");
        Assert.True(quietBars >= 40, $"only {quietBars} bars without a slide were measured");
    }

    [Theory]
    [InlineData(2)] // a copy is resampled
    [InlineData(1)] // a copy is broken by the perturbation
    public void Bars_the_guard_rejects_and_resamples_or_breaks_allocate_nothing_either(int attempts)
    {
        SongBars(out BarConditioning[] bars, 24);
        // Plant every pair of an unguarded run, so the guarded run of the same seed meets copies. The musical guard is off in
        // both: its own resamples would step around a copy before the originality guard's tries run out (its allocations
        // are MusicalGuardTests').
        var keys = new List<ulong>();
        using (var free = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Bass),
                                            new GeneratorSettings { Seed = 31, MusicalGuard = MusicalGuardSettings.Off }, index: null, ownsModel: true))
        {
            ulong previous = 0;
            foreach (BarConditioning b in bars)
            {
                ulong h = free.Next(b).EventHash;
                if (previous != 0 && h != 0)
                    keys.Add(PairKey.Compute(fx.Vocabulary.Part(PartRole.Bass), previous, h));
                previous = h;
            }
        }
        OriginalityIndex index = OriginalityIndexWriter.InMemory("planted", fx.VocabSha256, keys);
        using var g = new PartGenerator(TokenModelLoader.Load(fx.ModelPath), fx.Vocabulary, SongFixture.Header(PartRole.Bass),
                                        new GeneratorSettings { Seed = 31, GuardAttempts = attempts, MusicalGuard = MusicalGuardSettings.Off }, index, ownsModel: true);
        foreach (BarConditioning b in bars) // first pass: every path runs once (JIT)
            g.Next(b);
        g.Restart();
        GenerationStats before = g.Stats;
        g.Next(bars[0]); // a first bar prefills: not steady state
        int measured = 0;
        for (int i = 1; i < bars.Length; i++)
        {
            long slides = g.Stats.Slides;
            long bytes = ThreadAllocation.Start();
            g.Next(bars[i]);
            bytes = ThreadAllocation.Since(bytes);
            if (g.Stats.Slides != slides)
                continue;
            Assert.True(bytes == 0, $"bar {i} allocated {bytes} bytes");
            measured++;
        }
        GenerationStats s = g.Stats;
        output.WriteLine($"{measured} bars measured; in them {s.GuardRejections - before.GuardRejections} rejections, {s.Perturbations - before.Perturbations} perturbations");
        Assert.True(s.GuardRejections > before.GuardRejections, "the measured run met no copy");
        if (attempts == 1)
            Assert.True(s.Perturbations > before.Perturbations);
        Assert.True(measured >= 15);
    }

    private static void SongBars(out BarConditioning[] bars, int count)
    {
        bars = new BarConditioning[count];
        for (int i = 0; i < count; i++)
            bars[i] = SongFixture.Bar(i);
    }
}
