using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Sideman.Model.Tokens;
using Sideman.Model.Tests.Tokens;

namespace Sideman.Model.Tests.Decoding;

/// <summary>
/// A small model over the real vocabulary with 512 positions, made by make_generator_test_model.py
/// (beside this file) into build/generator-test-model/ when missing or stale, with Debian's python3-torch.
/// </summary>
public sealed class GeneratorModelFixture
{
    private static readonly object Gate = new();

    /// <summary>Same list and order as SOURCES in make_generator_test_model.py.</summary>
    private static readonly string[] Sources =
    [
        "models/training/model.py", "models/training/export_onnx.py", "models/training/train.py",
        "models/training/token_dataset.py", "models/training/vocab_info.py", "models/training/originality_index.py",
        "models/training/generate.py", "models/training/prompts.py", "models/training/sideman_data/tokenizer.py",
        "models/training/sideman_data/grammar.py",
        "models/vocab.json",
        "tests/fixtures/tokens/corpus_samples.json",
        "tests/Sideman.Model.Tests/Decoding/make_generator_test_model.py",
        "tests/Sideman.Model.Tests/Decoding/sampler_parity.py",
    ];

    public GeneratorModelFixture()
    {
        Directory = Path.Combine(RepoFiles.Root, "build", "generator-test-model");
        lock (Gate)
        {
            if (!IsFresh())
            {
                Generate();
            }
        }
        ModelPath = Path.Combine(Directory, "generator.onnx");
        VocabPath = RepoFiles.VocabPath;
        Vocabulary = Vocabulary.Load(VocabPath);
        VocabSha256 = VocabFingerprint.OfFile(VocabPath);
    }

    public string Directory { get; }
    public string ModelPath { get; }
    public string VocabPath { get; }
    public string VocabSha256 { get; }
    public Vocabulary Vocabulary { get; }
    public string PairKeysPath => Path.Combine(Directory, "pair_keys.json");

    /// <summary>The Python sampler's greedy generations for a few charts (sampler_parity.py).</summary>
    public string SamplerParityPath => Path.Combine(Directory, "sampler_parity.json");

    /// <summary>The corpus samples' pair index, written by models/training/originality_index.py.</summary>
    public string PythonIndexPath => Path.Combine(Directory, "corpus_samples.fingerprints");

    private bool IsFresh()
    {
        string info = Path.Combine(Directory, "info.json");
        if (!File.Exists(info) || !File.Exists(Path.Combine(Directory, "generator.onnx")))
        {
            return false;
        }
        using var doc = JsonDocument.Parse(File.ReadAllBytes(info));
        if (!doc.RootElement.TryGetProperty("source_hash", out JsonElement recorded))
        {
            return false;
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string name in Sources)
        {
            sha.AppendData(File.ReadAllBytes(Path.Combine(RepoFiles.Root, name)));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset()) == recorded.GetString();
    }

    private void Generate()
    {
        string script = Path.Combine(RepoFiles.Root, "tests", "Sideman.Model.Tests", "Decoding", "make_generator_test_model.py");
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
public sealed class GeneratorModelCollection : ICollectionFixture<GeneratorModelFixture>
{
    public const string Name = "generator model (real vocabulary)";
}
