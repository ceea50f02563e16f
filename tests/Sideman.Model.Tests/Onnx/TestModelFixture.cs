using System.Diagnostics;
using System.Text.Json;

namespace Sideman.Model.Tests.Onnx;

/// <summary>
/// The tiny model and PyTorch reference logits made by models/training/make_test_model.py into
/// build/test-model/. If they are missing (a fresh clone) or stale (the training sources changed
/// since), they are made once, here, with /usr/bin/python3 (Debian's python3-torch and python3-onnx).
/// </summary>
public sealed class TestModelFixture
{
    private static readonly object Gate = new();

    public TestModelFixture()
    {
        RepoRoot = FindRepoRoot();
        Directory = Path.Combine(RepoRoot, "build", "test-model");
        lock (Gate)
        {
            if (!IsFresh())
            {
                Generate();
            }
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "parity.json")));
        JsonElement r = doc.RootElement;
        ModelPath = Path.Combine(Directory, r.GetProperty("model").GetString()!);
        VocabPath = Path.Combine(Directory, r.GetProperty("vocab").GetString()!);
        VocabSha256 = r.GetProperty("vocab_sha256").GetString()!;
        VocabSize = r.GetProperty("vocab_size").GetInt32();
        Prefill = r.GetProperty("prefill").GetInt32();
        Tokens = r.GetProperty("tokens").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        FullLogits = r.GetProperty("full_logits").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
        SteppedLogits = r.GetProperty("stepped_logits").EnumerateArray().Select(e => (float)e.GetDouble()).ToArray();
    }

    public string RepoRoot { get; }

    public string Directory { get; }

    public string ModelPath { get; }

    public string VocabPath { get; }

    public string VocabSha256 { get; }

    public int VocabSize { get; }

    public int Prefill { get; }

    public int[] Tokens { get; }

    /// <summary>PyTorch's full-sequence logits, [tokens × vocab].</summary>
    public float[] FullLogits { get; }

    /// <summary>PyTorch's logits fed prefill-then-steps through its own cache, [tokens × vocab].</summary>
    public float[] SteppedLogits { get; }

    public string ForeignModelPath => Path.Combine(Directory, "no_contract.onnx");

    /// <summary>Same file list and order as SOURCES in make_test_model.py.</summary>
    private static readonly string[] Sources =
        ["model.py", "export_onnx.py", "train.py", "token_dataset.py", "synthetic_data.py", "vocab_info.py", "make_test_model.py"];

    private bool IsFresh()
    {
        string parity = Path.Combine(Directory, "parity.json");
        if (!File.Exists(parity))
        {
            return false;
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(parity));
        if (!doc.RootElement.TryGetProperty("source_hash", out JsonElement recorded))
        {
            return false;
        }
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (string name in Sources)
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(RepoRoot, "models", "training", name)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset()) == recorded.GetString();
    }

    private static string FindRepoRoot()
    {
        for (string? d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, "Plugin.sln")))
            {
                return d;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Plugin.sln) above " + AppContext.BaseDirectory);
    }

    private void Generate()
    {
        string script = Path.Combine(RepoRoot, "models", "training", "make_test_model.py");
        var psi = new ProcessStartInfo("/usr/bin/python3", [script, Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process p = Process.Start(psi)!;
        Task<string> err = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} failed ({p.ExitCode}); install python3-torch and python3-onnx (installer/deps.sh).\n{stdout}\n{err.Result}");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TestModelCollection : ICollectionFixture<TestModelFixture>
{
    public const string Name = "tiny ONNX model";
}
