using System.Globalization;

namespace Sideman.Model.Onnx;

/// <summary>
/// The names and metadata of models/ONNX_CONTRACT.md (version 1), and the checks that a loaded
/// model follows them. Kept in one place so the exporter's side of the contract has one mirror here.
/// </summary>
internal static class OnnxContract
{
    public const string Version = "1";

    public const string Tokens = "tokens";
    public const string PastLength = "past_length";
    public const string Logits = "logits";

    public const string KeyContract = "sideman.contract";
    public const string KeyModelVersion = "sideman.model_version";
    public const string KeyVocabSha = "sideman.vocab_sha256";
    public const string KeyVocabSize = "sideman.vocab_size";
    public const string KeyLayers = "sideman.n_layers";
    public const string KeyHeads = "sideman.n_heads";
    public const string KeyHeadDim = "sideman.head_dim";
    public const string KeyMaxPositions = "sideman.max_positions";
    public const string KeyPadId = "sideman.pad_id";

    public static string CacheKey(int layer) => "cache_key." + layer.ToString(CultureInfo.InvariantCulture);

    public static string CacheValue(int layer) => "cache_value." + layer.ToString(CultureInfo.InvariantCulture);

    public static string NewKey(int layer) => "new_key." + layer.ToString(CultureInfo.InvariantCulture);

    public static string NewValue(int layer) => "new_value." + layer.ToString(CultureInfo.InvariantCulture);

    /// <summary>Inputs in the order we bind them: tokens, past_length, cache keys, cache values.</summary>
    public static string[] InputNames(int layers)
    {
        var names = new List<string> { Tokens, PastLength };
        for (int i = 0; i < layers; i++)
        {
            names.Add(CacheKey(i));
        }
        for (int i = 0; i < layers; i++)
        {
            names.Add(CacheValue(i));
        }
        return [.. names];
    }

    /// <summary>Outputs in the order we bind them: logits, new keys, new values.</summary>
    public static string[] OutputNames(int layers)
    {
        var names = new List<string> { Logits };
        for (int i = 0; i < layers; i++)
        {
            names.Add(NewKey(i));
        }
        for (int i = 0; i < layers; i++)
        {
            names.Add(NewValue(i));
        }
        return [.. names];
    }

    /// <summary>Checks metadata and names; returns what the model says about itself.</summary>
    public static ModelInfo Validate(OnnxSession session, string runtimeVersion)
    {
        string file = session.Path;
        var md = session.Metadata;
        if (!md.TryGetValue(KeyContract, out string? contract))
        {
            throw Mismatch(file, $"it has no '{KeyContract}' metadata; it was not exported by models/training/export_onnx.py");
        }
        if (contract != Version)
        {
            throw Mismatch(file, $"it follows ONNX contract version {contract}, this Sideman reads version {Version}");
        }
        int layers = Int(md, KeyLayers, file);
        var info = new ModelInfo(
            file,
            md.GetValueOrDefault(KeyModelVersion, "?"),
            md.GetValueOrDefault(KeyVocabSha, string.Empty),
            Int(md, KeyVocabSize, file),
            layers,
            Int(md, KeyHeads, file),
            Int(md, KeyHeadDim, file),
            Int(md, KeyMaxPositions, file),
            Int(md, KeyPadId, file),
            runtimeVersion);
        ExpectExactly(file, "inputs", session.InputNames, InputNames(layers));
        ExpectExactly(file, "outputs", session.OutputNames, OutputNames(layers));
        return info;
    }

    private static void ExpectExactly(string file, string what, IReadOnlyList<string> actual, string[] expected)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToArray();
        var extra = actual.Except(expected, StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0)
        {
            throw Mismatch(file, $"its {what} differ from the contract (missing: [{string.Join(", ", missing)}], " +
                $"unexpected: [{string.Join(", ", extra)}])");
        }
    }

    private static int Int(IReadOnlyDictionary<string, string> md, string key, string file)
    {
        if (!md.TryGetValue(key, out string? s) || !int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) || v < 0)
        {
            throw Mismatch(file, $"metadata '{key}' is missing or not a non-negative integer");
        }
        return v;
    }

    public static ModelException Mismatch(string file, string problem) =>
        new(ModelErrorKind.ContractMismatch,
            $"model file {file} does not follow Sideman's ONNX contract (models/ONNX_CONTRACT.md): {problem}. " +
            "Export it again with models/training/export_onnx.py.");
}
