namespace Sideman.Model.Tests.Onnx;

/// <summary>Several decoders over one loaded file: independent caches, shared weights, safe disposal order.</summary>
[Collection(TestModelCollection.Name)]
public sealed class SharedModelFileTests(TestModelFixture fx)
{
    [Fact]
    public void InterleavedDecodersMatchSeparateLoads()
    {
        float[] aloneA = Run(TokenModelLoader.Load(fx.ModelPath), fx.Tokens.AsSpan(0, 40));
        float[] aloneB = Run(TokenModelLoader.Load(fx.ModelPath), fx.Tokens.AsSpan(40, 40));

        using TokenModelFile file = TokenModelFile.Open(fx.ModelPath);
        using ITokenModel a = file.CreateDecoder();
        using ITokenModel b = file.CreateDecoder();
        var gotA = new List<float>();
        var gotB = new List<float>();
        for (int i = 0; i < 40; i++)
        {
            gotA.AddRange(a.Step(fx.Tokens[i]).ToArray());
            gotB.AddRange(b.Step(fx.Tokens[40 + i]).ToArray());
        }
        Assert.Equal(aloneA, gotA);
        Assert.Equal(aloneB, gotB);
    }

    [Fact]
    public async Task DecodersOnTwoThreadsAtOnceMatchSequentialRuns()
    {
        float[] expectedA = Run(TokenModelLoader.Load(fx.ModelPath), fx.Tokens.AsSpan(0, 60));
        float[] expectedB = Run(TokenModelLoader.Load(fx.ModelPath), fx.Tokens.AsSpan(20, 60));
        using TokenModelFile file = TokenModelFile.Open(fx.ModelPath);
        int[] tokens = fx.Tokens;
        Task<float[]> ta = Task.Run(() => Run(file.CreateDecoder(), tokens.AsSpan(0, 60)));
        Task<float[]> tb = Task.Run(() => Run(file.CreateDecoder(), tokens.AsSpan(20, 60)));
        Assert.Equal(expectedA, await ta);
        Assert.Equal(expectedB, await tb);
    }

    [Fact]
    public void DecoderOutlivesTheDisposedFile()
    {
        TokenModelFile file = TokenModelFile.Open(fx.ModelPath);
        ITokenModel decoder = file.CreateDecoder();
        file.Dispose();
        float[] got = Run(decoder, fx.Tokens.AsSpan(0, 10));
        float[] expected = fx.FullLogits.AsSpan(0, 10 * fx.VocabSize).ToArray();
        Assert.Equal(expected.Length, got.Length);
        for (int i = 0; i < got.Length; i++)
        {
            Assert.True(Math.Abs(got[i] - expected[i]) <= 1e-4f, $"logit {i}");
        }
        Assert.Throws<ObjectDisposedException>(() => file.CreateDecoder());
    }

    /// <summary>Steps through <paramref name="tokens"/> one at a time, disposing the decoder afterwards.</summary>
    private static float[] Run(ITokenModel model, ReadOnlySpan<int> tokens)
    {
        using (model)
        {
            var all = new List<float>();
            foreach (int t in tokens)
            {
                all.AddRange(model.Step(t).ToArray());
            }
            return [.. all];
        }
    }
}
