using Sideman.Model.Decoding;
using Sideman.Tests.Shared;

namespace Sideman.Model.Tests.Decoding;

public sealed class TokenSamplerTests
{
    private static readonly float[] Logits = [2.0f, 1.0f, 0.5f, 3.0f, -1.0f, 0.0f];

    [Fact]
    public void SameSeedGivesSameTokens()
    {
        Assert.Equal(Draw(123, 200), Draw(123, 200));
        Assert.NotEqual(Draw(123, 200), Draw(124, 200));
    }

    [Fact]
    public void ZeroTemperatureIsGreedyAndRespectsTheMask()
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(1);
        Assert.Equal(3, s.Sample(Logits, [], new SamplingSettings(0, 1), ref rng));
        bool[] mask = [true, true, true, false, true, true];
        Assert.Equal(0, s.Sample(Logits, mask, new SamplingSettings(0, 1), ref rng));
    }

    [Fact]
    public void MaskedTokensAreNeverDrawn()
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(5);
        bool[] mask = [false, true, true, false, true, false];
        for (int i = 0; i < 2000; i++)
        {
            int t = s.Sample(Logits, mask, new SamplingSettings(1.5f, 1), ref rng);
            Assert.True(mask[t], $"drew masked token {t}");
        }
    }

    [Fact]
    public void MaskThatAllowsNothingIsAnError()
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(5);
        Assert.Throws<InvalidOperationException>(() => s.Sample(Logits, new bool[Logits.Length], SamplingSettings.Default, ref rng));
    }

    [Fact]
    public void TopPKeepsOnlyTheNucleus()
    {
        // Softmax of Logits: token 3 ≈ 0.60, token 0 ≈ 0.22, token 1 ≈ 0.08 ... top-p 0.5 keeps token 3 alone,
        // 0.7 keeps {3, 0}.
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(77);
        var seen = new HashSet<int>();
        for (int i = 0; i < 1000; i++)
        {
            seen.Add(s.Sample(Logits, [], new SamplingSettings(1, 0.5f), ref rng));
        }
        Assert.Equal([3], seen.Order());
        seen.Clear();
        for (int i = 0; i < 1000; i++)
        {
            seen.Add(s.Sample(Logits, [], new SamplingSettings(1, 0.7f), ref rng));
        }
        Assert.Equal([0, 3], seen.Order());
    }

    [Fact]
    public void FrequenciesFollowTheSoftmaxAtTemperatureOne()
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(2024);
        var counts = new int[Logits.Length];
        const int n = 60_000;
        for (int i = 0; i < n; i++)
        {
            counts[s.Sample(Logits, [], new SamplingSettings(1, 1), ref rng)]++;
        }
        double z = Logits.Sum(l => Math.Exp(l));
        for (int t = 0; t < Logits.Length; t++)
        {
            double expected = Math.Exp(Logits[t]) / z;
            Assert.InRange(counts[t] / (double)n, expected - 0.01, expected + 0.01);
        }
    }

    [Fact]
    public void SamplingAllocatesNothing()
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(3);
        bool[] mask = [true, true, false, true, true, true];
        s.Sample(Logits, mask, SamplingSettings.Default, ref rng);
        long before = ThreadAllocation.Start();
        int sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += s.Sample(Logits, mask, SamplingSettings.Default, ref rng);
        }
        Assert.Equal(0, ThreadAllocation.Since(before));
        Assert.True(sum > 0);
    }

    private static int[] Draw(ulong seed, int n)
    {
        var s = new TokenSampler(Logits.Length);
        var rng = new DeterministicRng(seed);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = s.Sample(Logits, [], SamplingSettings.Default, ref rng);
        }
        return result;
    }
}
