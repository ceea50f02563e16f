namespace Sideman.Model.Onnx;

/// <summary>
/// One loaded and validated model file: the ONNX Runtime session (weights loaded once) and what the model
/// says about itself. Decoders created from it share the session and have their own caches.
/// </summary>
internal sealed class OnnxModelFile : IDisposable
{
    private OnnxModelFile(OnnxSession session, ModelInfo info)
    {
        Session = session;
        Info = info;
    }

    public OnnxSession Session { get; }

    public ModelInfo Info { get; }

    public static OnnxModelFile Open(string path, TokenModelOptions options)
    {
        OnnxSession session = OnnxSession.Open(path, options.IntraOpThreads);
        try
        {
            ModelInfo info = OnnxContract.Validate(session, OrtNativeLibrary.Version);
            if (info.Layers < 1 || info.Heads < 1 || info.HeadDim < 1 || info.VocabSize < 2 || info.MaxPositions < 1)
            {
                throw OnnxContract.Mismatch(session.Path, $"its metadata describes an empty model ({info})");
            }
            if (options.VocabPath is { } vocabPath)
            {
                string actual = VocabFingerprint.OfFile(vocabPath);
                if (!string.Equals(actual, info.VocabSha256, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ModelException(ModelErrorKind.VocabularyMismatch,
                        $"model file {session.Path} was trained with a different vocabulary than {Path.GetFullPath(vocabPath)} " +
                        $"(model expects vocab sha256 {Short(info.VocabSha256)}, the file has {Short(actual)}). " +
                        "Install the model and vocab.json from the same release, or re-export the model.");
                }
            }
            return new OnnxModelFile(session, info);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    public ITokenModel CreateDecoder(int maxContext) => OnnxTokenModel.Create(Session, Info, maxContext);

    public void Dispose() => Session.Dispose();

    private static string Short(string sha) => sha.Length > 12 ? sha[..12] + "…" : (sha.Length == 0 ? "(none)" : sha);
}
