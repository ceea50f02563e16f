using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// One loaded ONNX model: its ONNX Runtime session, its input/output names and its custom metadata,
/// shared by the decoders made from it (each holds a reference; the session goes with the last).
/// Every ONNX Runtime failure becomes a <see cref="ModelException"/> that names the file.
/// </summary>
internal sealed class OnnxSession : IDisposable
{
    private readonly object _gate = new();
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private int _references = 1;
    private bool _ownerDisposed;

    private OnnxSession(string path, SessionOptions options, InferenceSession session)
    {
        Path = path;
        _options = options;
        _session = session;
        InputNames = [.. session.InputNames];
        OutputNames = [.. session.OutputNames];
        Metadata = new Dictionary<string, string>(session.ModelMetadata.CustomMetadataMap, StringComparer.Ordinal);
    }

    public string Path { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The model's metadata_props entries.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Loads <paramref name="path"/> with our own copy of ONNX Runtime. [main]/[generator]</summary>
    public static OnnxSession Open(string path, int intraOpThreads)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelException(ModelErrorKind.ModelFileMissing,
                $"model file {full} does not exist. Reinstall Sideman, or pass the path of an exported .onnx model.");
        }
        OrtNativeLibrary.EnsureLoaded();
        var options = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, intraOpThreads),
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        InferenceSession? session = null;
        try
        {
            // Worker threads that spin while idle would burn a core the DAW needs.
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
            try
            {
                session = new InferenceSession(full, options);
            }
            catch (OnnxRuntimeException e)
            {
                throw Failure(e, $"model file {full} could not be loaded (damaged, truncated or not an ONNX model; " +
                    "reinstall Sideman or export the model again)", ModelErrorKind.ModelFileDamaged);
            }
            return new OnnxSession(full, options, session);
        }
        catch
        {
            session?.Dispose();
            options.Dispose();
            throw;
        }
    }

    /// <summary>A binding of this session's inputs and outputs to tensors, for <see cref="Run"/>.</summary>
    public OrtIoBinding CreateBinding() => _session.CreateIoBinding();

    /// <summary>Runs the model on what <paramref name="binding"/> holds; outputs land in the bound buffers. Allocates nothing. [generator]</summary>
    public void Run(RunOptions runOptions, OrtIoBinding binding)
    {
        try
        {
            _session.RunWithBinding(runOptions, binding);
        }
        catch (OnnxRuntimeException e)
        {
            throw Failure(e, $"running model {Path}", ModelErrorKind.RuntimeFailure);
        }
    }

    /// <summary>Keeps the session alive for one more user (a decoder sharing it). Pair with <see cref="Release"/>.</summary>
    public void AddRef()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_ownerDisposed || _references == 0, this);
            _references++;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            if (_references == 0 || --_references > 0)
            {
                return;
            }
        }
        _session.Dispose();
        _options.Dispose();
    }

    /// <summary>Drops the owner's reference; the session is released when the last decoder has released too.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_ownerDisposed)
            {
                return;
            }
            _ownerDisposed = true;
        }
        Release();
    }

    /// <summary>ONNX Runtime's own message, after what we were doing.</summary>
    public static ModelException Failure(OnnxRuntimeException e, string what, ModelErrorKind kind) =>
        new(kind, $"{what}: ONNX Runtime error: {e.Message}", e);

    public override string ToString() => $"OnnxSession({Path})";
}
