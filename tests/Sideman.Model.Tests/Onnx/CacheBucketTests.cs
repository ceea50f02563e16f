using Sideman.Model.Tests.Decoding;

namespace Sideman.Model.Tests.Onnx;

/// <summary>
/// The cache moves up a bucket every 64 slots, spreading its rows out in place over buffers all buckets share: stepping
/// through seven moves must give the logits one prefill of the same tokens gives.
/// </summary>
[Collection(GeneratorModelCollection.Name)]
public sealed class CacheBucketTests(GeneratorModelFixture fx)
{
    [Fact]
    public void Steps_through_every_bucket_match_one_prefill()
    {
        const int Count = 480;
        var rng = new Random(11);
        int[] tokens = [.. Enumerable.Range(0, Count).Select(_ => rng.Next(fx.Vocabulary.Size))];
        int v = fx.Vocabulary.Size;

        using ITokenModel once = TokenModelLoader.Load(fx.ModelPath);
        var expected = new float[Count * v];
        once.Prefill(tokens, expected);

        using ITokenModel stepped = TokenModelLoader.Load(fx.ModelPath);
        float worst = 0;
        int worstAt = -1;
        for (int i = 0; i < Count; i++)
        {
            ReadOnlySpan<float> got = stepped.Step(tokens[i]);
            for (int k = 0; k < v; k++)
            {
                float d = Math.Abs(got[k] - expected[i * v + k]);
                if (d > worst)
                    (worst, worstAt) = (d, i);
            }
        }
        Assert.True(worst <= 1e-4f, $"logits differ by {worst} at token {worstAt}");
        Assert.Equal(Count, stepped.Length);
    }
}
