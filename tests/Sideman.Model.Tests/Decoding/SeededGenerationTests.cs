using Sideman.Model.Decoding;
using Sideman.Model.Tests.Onnx;

namespace Sideman.Model.Tests.Decoding;

/// <summary>The ONNX model and the sampler together: the same seed gives the same token sequence.</summary>
[Collection(TestModelCollection.Name)]
public sealed class SeededGenerationTests(TestModelFixture fx)
{
    [Fact]
    public void SameSeedGivesSameTokensAndOtherSeedsDiffer()
    {
        int[] a = Generate(seed: 11);
        int[] b = Generate(seed: 11);
        int[] c = Generate(seed: 12);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    private int[] Generate(ulong seed)
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        var sampler = new TokenSampler(model.Info.VocabSize);
        var rng = DeterministicRng.For(seed, bar: 0, part: 0);
        var settings = new SamplingSettings(1.2f, 0.98f);
        var tokens = new List<int>();
        ReadOnlySpan<float> logits = model.Prefill(fx.Tokens.AsSpan(0, 4));
        for (int i = 0; i < 60; i++)
        {
            int t = sampler.Sample(logits, [], settings, ref rng);
            tokens.Add(t);
            logits = model.Step(t);
        }
        return [.. tokens];
    }
}
