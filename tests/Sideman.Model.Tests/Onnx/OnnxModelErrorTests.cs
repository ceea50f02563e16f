using Sideman.Tests.Shared;
namespace Sideman.Model.Tests.Onnx;

/// <summary>Bad model files, bad vocabularies and bad calls give clear errors and lose nothing.</summary>
[Collection(TestModelCollection.Name)]
public sealed class OnnxModelErrorTests(TestModelFixture fx) : IDisposable
{
    private readonly string _tmp = Directory.CreateTempSubdirectory("sideman-model-tests-").FullName;

    public void Dispose() => Directory.Delete(_tmp, recursive: true);

    [Fact]
    public void MissingFileNamesTheFile()
    {
        string path = Path.Combine(_tmp, "nowhere.onnx");
        var e = Assert.Throws<ModelException>(() => TokenModelLoader.Load(path));
        Assert.Equal(ModelErrorKind.ModelFileMissing, e.Kind);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void TruncatedFileIsReportedAsDamaged()
    {
        byte[] bytes = File.ReadAllBytes(fx.ModelPath);
        string path = Path.Combine(_tmp, "truncated.onnx");
        File.WriteAllBytes(path, bytes.AsSpan(0, bytes.Length / 2).ToArray());
        var e = Assert.Throws<ModelException>(() => TokenModelLoader.Load(path));
        Assert.Equal(ModelErrorKind.ModelFileDamaged, e.Kind);
        Assert.Contains(path, e.Message);
        Assert.Contains("ONNX Runtime error", e.Message);
    }

    [Fact]
    public void GarbageFileIsReportedAsDamaged()
    {
        string path = Path.Combine(_tmp, "garbage.onnx");
        var rng = new Random(5);
        var bytes = new byte[4096];
        rng.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelException>(() => TokenModelLoader.Load(path));
        Assert.Equal(ModelErrorKind.ModelFileDamaged, e.Kind);
        Assert.Contains(path, e.Message);
    }

    [Fact]
    public void OnnxModelWithoutTheContractIsRejected()
    {
        var e = Assert.Throws<ModelException>(() => TokenModelLoader.Load(fx.ForeignModelPath));
        Assert.Equal(ModelErrorKind.ContractMismatch, e.Kind);
        Assert.Contains(fx.ForeignModelPath, e.Message);
        Assert.Contains("sideman.contract", e.Message);
    }

    [Fact]
    public void DifferentVocabularyIsRejectedNamingBothFiles()
    {
        string vocab = Path.Combine(_tmp, "vocab.json");
        File.WriteAllText(vocab, File.ReadAllText(fx.VocabPath).Replace("SYN_1\"", "SYN_X\"", StringComparison.Ordinal));
        var e = Assert.Throws<ModelException>(() => TokenModelLoader.Load(fx.ModelPath, new TokenModelOptions { VocabPath = vocab }));
        Assert.Equal(ModelErrorKind.VocabularyMismatch, e.Kind);
        Assert.Contains(vocab, e.Message);
        Assert.Contains(fx.ModelPath, e.Message);
    }

    [Fact]
    public void OutOfRangeTokenIsRejectedAndContextKept()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        float[] before = model.Prefill(fx.Tokens.AsSpan(0, 4)).ToArray();
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(fx.VocabSize));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Step(-1));
        Assert.Equal(4, model.Length);

        using ITokenModel reference = TokenModelLoader.Load(fx.ModelPath);
        reference.Prefill(fx.Tokens.AsSpan(0, 4));
        Assert.Equal(reference.Step(fx.Tokens[4]).ToArray(), model.Step(fx.Tokens[4]).ToArray());
        Assert.NotEmpty(before);
    }

    [Fact]
    public void FullContextThrowsWithoutLosingTheCache()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath, new TokenModelOptions { MaxContext = 16 });
        Assert.Equal(16, model.Capacity);
        model.Prefill(fx.Tokens.AsSpan(0, 15));
        var e = Assert.Throws<InvalidOperationException>(() => model.Prefill(fx.Tokens.AsSpan(15, 2)));
        Assert.Contains("16", e.Message);
        Assert.Equal(15, model.Length);

        int v = fx.VocabSize;
        float[] last = model.Step(fx.Tokens[15]).ToArray();
        float[] expected = fx.FullLogits.AsSpan(15 * v, v).ToArray();
        for (int i = 0; i < v; i++)
        {
            Assert.True(Math.Abs(last[i] - expected[i]) <= 1e-4f, $"logit {i}: {last[i]} vs {expected[i]}");
        }
        Assert.Throws<InvalidOperationException>(() => model.Step(fx.Tokens[16]));
    }

    [Fact]
    public void StepAllocatesNoManagedMemoryInSteadyState()
    {
        using ITokenModel model = TokenModelLoader.Load(fx.ModelPath);
        model.Prefill(fx.Tokens.AsSpan(0, fx.Prefill));
        for (int i = 0; i < 3; i++)
        {
            model.Step(fx.Tokens[fx.Prefill + i]);
        }
        long before = ThreadAllocation.Start();
        float checksum = 0;
        for (int i = fx.Prefill + 3; i < fx.Prefill + 50; i++)
        {
            checksum += model.Step(fx.Tokens[i])[0];
        }
        long allocated = ThreadAllocation.Since(before);
        Assert.Equal(0, allocated);
        Assert.True(float.IsFinite(checksum));
    }
}
