using Sideman.Model.Tests.Onnx;

namespace Sideman.Model.Tests.Decoding;

/// <summary>ITokenModel.Rewind: dropping the newest tokens equals having fed only the prefix.</summary>
[Collection(TestModelCollection.Name)]
public sealed class RewindTests(TestModelFixture fx)
{
    [Theory]
    [InlineData(60, 30)]   // inside one cache bucket
    [InlineData(100, 40)]  // back below the bucket the context had grown into (64 -> 128)
    [InlineData(20, 0)]    // to the empty context
    public void Rewind_then_step_equals_a_fresh_prefill_of_the_prefix(int fed, int keep)
    {
        int[] tokens = fx.Tokens;
        using ITokenModel rewound = TokenModelLoader.Load(fx.ModelPath);
        using ITokenModel fresh = TokenModelLoader.Load(fx.ModelPath);

        rewound.Prefill(tokens.AsSpan(0, fed));
        rewound.Rewind(keep);
        Assert.Equal(keep, rewound.Length);
        if (keep > 0)
            fresh.Prefill(tokens.AsSpan(0, keep));

        // Continue both with different tokens than were dropped, several steps.
        for (int i = 0; i < 12; i++)
        {
            int t = tokens[(keep + 7 * i + 3) % tokens.Length];
            float[] a = rewound.Step(t).ToArray();
            float[] b = fresh.Step(t).ToArray();
            float max = 0;
            for (int j = 0; j < a.Length; j++)
                max = Math.Max(max, Math.Abs(a[j] - b[j]));
            Assert.True(max <= 1e-5f, $"step {i}: max |rewound - fresh| = {max}");
        }
        Assert.Equal(fresh.Length, rewound.Length);
    }

    [Fact]
    public void Rewind_refuses_to_go_forward()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        model.Prefill(fx.Tokens.AsSpan(0, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Rewind(11));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Rewind(-1));
        Assert.Equal(10, model.Length);
    }
}
