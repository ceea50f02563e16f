using Xunit.Abstractions;

namespace Sideman.Model.Tests.Onnx;

/// <summary>The C# runtime's logits match PyTorch's for the same tokens, in one pass and step by step with the cache.</summary>
[Collection(TestModelCollection.Name)]
public sealed class OnnxParityTests(TestModelFixture fx, ITestOutputHelper output)
{
    private const float Tolerance = 1e-4f;

    [Fact]
    public void FullSequencePrefillMatchesPyTorch()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        var all = new float[fx.Tokens.Length * fx.VocabSize];
        ReadOnlySpan<float> last = model.Prefill(fx.Tokens, all);

        float diff = MaxAbsDiff(all, fx.FullLogits);
        output.WriteLine($"prefill of {fx.Tokens.Length} tokens: max |C# - PyTorch| = {diff:E2}");
        Assert.True(diff <= Tolerance, $"max abs diff {diff} exceeds {Tolerance}");
        Assert.Equal(all.AsSpan(all.Length - fx.VocabSize).ToArray(), last.ToArray());
        Assert.Equal(fx.Tokens.Length, model.Length);
    }

    [Fact]
    public void StepByStepWithCacheMatchesPyTorch()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        int v = fx.VocabSize;
        var got = new float[fx.Tokens.Length * v];
        model.Prefill(fx.Tokens.AsSpan(0, fx.Prefill), got);
        for (int i = fx.Prefill; i < fx.Tokens.Length; i++)
        {
            model.Step(fx.Tokens[i]).CopyTo(got.AsSpan(i * v, v));
        }

        float vsFull = MaxAbsDiff(got, fx.FullLogits);
        float vsStepped = MaxAbsDiff(got, fx.SteppedLogits);
        output.WriteLine($"prefill {fx.Prefill} + {fx.Tokens.Length - fx.Prefill} steps (crossing cache buckets): " +
                         $"max diff vs PyTorch full pass {vsFull:E2}, vs PyTorch cached decoding {vsStepped:E2}");
        Assert.True(vsFull <= Tolerance, $"vs full pass: {vsFull}");
        Assert.True(vsStepped <= Tolerance, $"vs cached decoding: {vsStepped}");
    }

    [Fact]
    public void UnevenChunksMatchOnePass()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        int v = fx.VocabSize;
        var got = new float[fx.Tokens.Length * v];
        int[] chunks = [5, 1, 17, 2, 40, 1, 9];
        int at = 0;
        foreach (int c in chunks)
        {
            int n = Math.Min(c, fx.Tokens.Length - at);
            model.Prefill(fx.Tokens.AsSpan(at, n), got.AsSpan(at * v, n * v));
            at += n;
        }
        while (at < fx.Tokens.Length)
        {
            model.Step(fx.Tokens[at]).CopyTo(got.AsSpan(at * v, v));
            at++;
        }
        float diff = MaxAbsDiff(got, fx.FullLogits);
        output.WriteLine($"chunks {string.Join("+", chunks)} then steps: max diff {diff:E2}");
        Assert.True(diff <= Tolerance, $"max abs diff {diff}");
    }

    [Fact]
    public void SameInputsGiveBitIdenticalLogitsAcrossResetsAndInstances()
    {
        float[] first = RunSequence(out ITokenModel a);
        a.Reset();
        float[] again = RunOn(a);
        a.Dispose();
        float[] other = RunSequence(out ITokenModel b);
        b.Dispose();

        Assert.Equal(first, again);
        Assert.Equal(first, other);
    }

    [Fact]
    public void VocabularyHashAgreesWithPython()
    {
        Assert.Equal(fx.VocabSha256, VocabFingerprint.OfFile(fx.VocabPath));
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath, new TokenModelOptions { VocabPath = fx.VocabPath });
        Assert.Equal(fx.VocabSha256, model.Info.VocabSha256);
        Assert.Equal(fx.VocabSize, model.Info.VocabSize);
    }

    private float[] RunSequence(out ITokenModel model)
    {
        model = TokenModelLoader.Load(fx.ModelPath);
        return RunOn(model);
    }

    private float[] RunOn(ITokenModel model)
    {
        var result = new List<float>();
        result.AddRange(model.Prefill(fx.Tokens.AsSpan(0, fx.Prefill)).ToArray());
        for (int i = fx.Prefill; i < fx.Tokens.Length; i++)
        {
            result.AddRange(model.Step(fx.Tokens[i]).ToArray());
        }
        return [.. result];
    }

    private static float MaxAbsDiff(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        Assert.Equal(b.Length, a.Length);
        float max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }
}
