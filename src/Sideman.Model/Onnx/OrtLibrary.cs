using System.Runtime.InteropServices;

namespace Sideman.Model.Onnx;

/// <summary>
/// Loads ONNX Runtime's native library from OUR folder (next to Sideman.Model.dll), never from the
/// system search path: inside a DAW another plugin may have loaded a different ONNX Runtime, and
/// we bind to our copy only, through its own <c>OrtGetApiBase</c>. Loaded once per process.
/// </summary>
internal static unsafe class OrtLibrary
{
    public const string FileName = "libonnxruntime.so.1";

    /// <summary>The version installer/onnxruntime.lock pins; other versions are refused.</summary>
    public const string ExpectedVersionPrefix = "1.23.";

    private static readonly object Gate = new();
    private static OrtApi? _api;
    private static string? _version;
    private static nint _handle;

    /// <summary>The folder we load the library from: the one holding this assembly.</summary>
    public static string Directory
    {
        get
        {
            string location = typeof(OrtLibrary).Assembly.Location;
            string? dir = string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
            return dir ?? AppContext.BaseDirectory;
        }
    }

    public static string LibraryPath => Path.Combine(Directory, FileName);

    public static string Version
    {
        get
        {
            _ = Api;
            return _version!;
        }
    }

    /// <summary>The function table; loads the library on first use. [any]</summary>
    public static OrtApi Api
    {
        get
        {
            if (_api is { } api)
            {
                return api;
            }
            lock (Gate)
            {
                _api ??= Load();
                return _api;
            }
        }
    }

    private static OrtApi Load()
    {
        string path = LibraryPath;
        if (!File.Exists(path))
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryMissing,
                $"ONNX Runtime library not found: {path}. The build fetches it (installer/fetch-onnxruntime.sh); " +
                "rebuild, or run that script and copy the file next to Sideman.Model.dll.");
        }
        try
        {
            _handle = NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryMissing,
                $"ONNX Runtime library {path} could not be loaded ({e.Message}). The file may be damaged: " +
                "delete it and rebuild to fetch a verified copy.", e);
        }
        if (!NativeLibrary.TryGetExport(_handle, "OrtGetApiBase", out nint getApiBase))
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                $"{path} does not export OrtGetApiBase; it is not ONNX Runtime. Delete it and rebuild.");
        }
        // OrtApiBase is { const OrtApi* (*GetApi)(uint32_t); const char* (*GetVersionString)(void); }.
        void** apiBase = ((delegate* unmanaged[Cdecl]<void**>)getApiBase)();
        var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
        _version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "?";
        if (!_version.StartsWith(ExpectedVersionPrefix, StringComparison.Ordinal))
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                $"{path} is ONNX Runtime {_version}, but Sideman is built and tested against {ExpectedVersionPrefix}x " +
                "(installer/onnxruntime.lock). Delete it and rebuild to fetch the pinned version.");
        }
        var getApi = (delegate* unmanaged[Cdecl]<uint, void*>)apiBase[0];
        void* table = getApi(OrtApiSlots.RequestedApiVersion);
        if (table == null)
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                $"{path} (ONNX Runtime {_version}) does not provide C API version {OrtApiSlots.RequestedApiVersion}.");
        }
        return new OrtApi(table);
    }
}
