using System.Runtime.InteropServices;
using System.Text;

namespace Sideman.Model.Onnx;

/// <summary>
/// One loaded ONNX model: its ORT session, its input/output names and its custom metadata.
/// Loading turns every failure into a <see cref="ModelException"/> that names the file.
/// </summary>
internal sealed unsafe class OrtSession : IDisposable
{
    private readonly OrtSessionHandle _session;

    private OrtSession(string path, OrtSessionHandle session, string[] inputs, string[] outputs, Dictionary<string, string> metadata)
    {
        Path = path;
        _session = session;
        InputNames = inputs;
        OutputNames = outputs;
        Metadata = metadata;
    }

    public string Path { get; }

    public IReadOnlyList<string> InputNames { get; }

    public IReadOnlyList<string> OutputNames { get; }

    /// <summary>The model's metadata_props entries we asked for (missing keys are absent).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Loads <paramref name="path"/>; <paramref name="metadataKeys"/> are the metadata entries to read. [main]/[generator]</summary>
    public static OrtSession Open(string path, int intraOpThreads, IEnumerable<string> metadataKeys)
    {
        string full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new ModelException(ModelErrorKind.ModelFileMissing,
                $"model file {full} does not exist. Reinstall Sideman, or pass the path of an exported .onnx model.");
        }
        OrtApi api = OrtLibrary.Api;
        OrtEnvHandle env = OrtEnvironment.Env;

        api.Check(api.CreateSessionOptions(out nint rawOptions), "creating ONNX Runtime session options");
        using var options = new OrtSessionOptionsHandle(rawOptions);
        api.Check(api.SetIntraOpNumThreads(options.Raw, Math.Max(1, intraOpThreads)), "setting intra-op threads");
        api.Check(api.SetInterOpNumThreads(options.Raw, 1), "setting inter-op threads");
        api.Check(api.SetGraphOptimizationLevel(options.Raw, OrtEnums.GraphOptimizationAll), "setting graph optimizations");
        // Worker threads that spin while idle would burn a core the DAW needs.
        fixed (byte* key = "session.intra_op.allow_spinning"u8)
        fixed (byte* value = "0"u8)
        {
            api.Check(api.AddSessionConfigEntry(options.Raw, key, value), "disabling thread spinning");
        }

        nint rawSession;
        nint status;
        if (OperatingSystem.IsWindows())
        {
            fixed (char* p = full)
            {
                status = api.CreateSession(env.Raw, p, options.Raw, out rawSession);
            }
        }
        else
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(full + "\0");
            fixed (byte* p = utf8)
            {
                status = api.CreateSession(env.Raw, p, options.Raw, out rawSession);
            }
        }
        api.Check(status, $"model file {full} could not be loaded (damaged, truncated or not an ONNX model; " +
            "reinstall Sideman or export the model again)", ModelErrorKind.ModelFileDamaged);
        var session = new OrtSessionHandle(rawSession);
        try
        {
            api.Check(api.GetAllocatorWithDefaultOptions(out nint allocator), "getting ONNX Runtime's allocator");
            string[] inputs = ReadNames(api, session.Raw, allocator, input: true);
            string[] outputs = ReadNames(api, session.Raw, allocator, input: false);
            var metadata = ReadMetadata(api, session.Raw, allocator, metadataKeys);
            return new OrtSession(full, session, inputs, outputs, metadata);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Runs the model. Arrays are raw name pointers and OrtValue pointers; outputs are preallocated. [generator]</summary>
    public void Run(byte** inputNames, nint* inputs, int inputCount, byte** outputNames, nint* outputs, int outputCount)
    {
        OrtApi api = OrtLibrary.Api;
        nint status = api.Run(_session.Raw, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs);
        if (status != 0)
        {
            api.Check(status, $"running model {Path}");
        }
    }

    /// <summary>Keeps the native session alive for one more user (a decoder sharing it). Pair with <see cref="Release"/>.</summary>
    public void AddRef()
    {
        bool added = false;
        _session.DangerousAddRef(ref added);
        if (!added)
        {
            throw new ObjectDisposedException(Path);
        }
    }

    public void Release() => _session.DangerousRelease();

    /// <summary>Drops the owner's reference; ORT's session is released when the last user has released too.</summary>
    public void Dispose() => _session.Dispose();

    private static string[] ReadNames(OrtApi api, nint session, nint allocator, bool input)
    {
        nuint count;
        api.Check(input ? api.SessionGetInputCount(session, out count) : api.SessionGetOutputCount(session, out count),
            "reading the model's input/output count");
        var names = new string[(int)count];
        for (nuint i = 0; i < count; i++)
        {
            byte* p;
            api.Check(input ? api.SessionGetInputName(session, i, allocator, out p) : api.SessionGetOutputName(session, i, allocator, out p),
                "reading the model's input/output names");
            names[(int)i] = Marshal.PtrToStringUTF8((nint)p) ?? string.Empty;
            api.Check(api.AllocatorFree(allocator, p), "freeing a name string");
        }
        return names;
    }

    private static Dictionary<string, string> ReadMetadata(OrtApi api, nint session, nint allocator, IEnumerable<string> keys)
    {
        api.Check(api.SessionGetModelMetadata(session, out nint raw), "reading the model's metadata");
        using var metadata = new OrtModelMetadataHandle(raw);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string key in keys)
        {
            byte[] k = Encoding.UTF8.GetBytes(key + "\0");
            byte* value;
            fixed (byte* kp = k)
            {
                api.Check(api.LookupCustomMetadata(metadata.Raw, allocator, kp, out value), "reading model metadata " + key);
            }
            if (value != null)
            {
                result[key] = Marshal.PtrToStringUTF8((nint)value) ?? string.Empty;
                api.Check(api.AllocatorFree(allocator, value), "freeing a metadata string");
            }
        }
        return result;
    }
}
