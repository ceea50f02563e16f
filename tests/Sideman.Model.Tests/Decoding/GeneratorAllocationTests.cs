using Sideman.Model.Decoding;
using Sideman.Music.Patterns;
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
            long before = GC.GetAllocatedBytesForCurrentThread();
            g.Next(bars[i]);
            long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
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
}
