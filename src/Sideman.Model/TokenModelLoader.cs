namespace Sideman.Model;

/// <summary>Loads a single decoder from an exported .onnx file. For several decoders over one file, use <see cref="TokenModelFile"/>.</summary>
public static class TokenModelLoader
{
    /// <summary>Loads and validates <paramref name="modelPath"/>; throws <see cref="ModelException"/> naming the file and the problem. [main]/[generator]</summary>
    public static ITokenModel Load(string modelPath, TokenModelOptions? options = null)
    {
        using TokenModelFile file = TokenModelFile.Open(modelPath, options);
        return file.CreateDecoder(); // the decoder keeps the weights alive after the file handle goes
    }
}
