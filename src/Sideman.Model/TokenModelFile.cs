using Sideman.Model.Onnx;

namespace Sideman.Model;

/// <summary>
/// A model file loaded once (weights in memory once) from which several decoders can be made, e.g.
/// one per part, each with its own KV cache. Decoders may run on different threads at the same
/// time. Disposing the file while decoders live is safe: the weights go when the last one is disposed.
/// </summary>
public sealed class TokenModelFile : IDisposable
{
    private readonly OnnxModelFile _file;
    private readonly TokenModelOptions _options;

    private TokenModelFile(OnnxModelFile file, TokenModelOptions options)
    {
        _file = file;
        _options = options;
    }

    public ModelInfo Info => _file.Info;

    /// <summary>Loads and validates <paramref name="path"/>; throws <see cref="ModelException"/> naming the file and the problem. [main]/[generator]</summary>
    public static TokenModelFile Open(string path, TokenModelOptions? options = null)
    {
        options ??= new TokenModelOptions();
        return new TokenModelFile(OnnxModelFile.Open(path, options), options);
    }

    /// <summary>A new decoder with an empty context of up to <see cref="TokenModelOptions.MaxContext"/> tokens. [main]/[generator]</summary>
    public ITokenModel CreateDecoder() => _file.CreateDecoder(_options.MaxContext);

    public void Dispose() => _file.Dispose();
}
