using Sideman.Model.Onnx;

namespace Sideman.Model;

/// <summary>Loads a token model from an exported .onnx file (the only place that knows the implementation).</summary>
public static class TokenModelLoader
{
    /// <summary>Loads and validates <paramref name="modelPath"/>; throws <see cref="ModelException"/> naming the file and the problem. [main]/[generator]</summary>
    public static ITokenModel Load(string modelPath, TokenModelOptions? options = null) =>
        OnnxTokenModel.Load(modelPath, options ?? new TokenModelOptions());
}
