using System.Reflection;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// Makes the ONNX Runtime package's managed API bind to OUR copy of the native library, the one
/// shipped beside Sideman.Model.dll, never one the system search path or the host finds: inside a
/// DAW another plugin may already have loaded a different ONNX Runtime. The library is loaded once
/// per process by full path and handed to the package through its DllImport resolver.
/// </summary>
internal static class OrtNativeLibrary
{
    /// <summary>The name the package's P/Invokes ask for.</summary>
    public const string ImportName = "onnxruntime";

    private static readonly object Gate = new();
    private static nint _handle;
    private static string? _path;
    private static string? _version;
    private static bool _registered;

    /// <summary>The file we loaded (after <see cref="EnsureLoaded"/>).</summary>
    public static string Path
    {
        get
        {
            EnsureLoaded();
            return _path!;
        }
    }

    /// <summary>The native library's own version string.</summary>
    public static string Version
    {
        get
        {
            EnsureLoaded();
            return _version!;
        }
    }

    /// <summary>The library file for this process's platform: libonnxruntime.so, onnxruntime.dll or libonnxruntime.dylib.</summary>
    public static string FileName =>
        OperatingSystem.IsWindows() ? "onnxruntime.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib" : "libonnxruntime.so";

    /// <summary>
    /// Where the library can be: beside our assembly (a publish for one runtime identifier) or in the
    /// package's runtimes/&lt;rid&gt;/native/ folder below it (a build for any runtime).
    /// </summary>
    public static IReadOnlyList<string> Candidates()
    {
        string location = typeof(OrtNativeLibrary).Assembly.Location;
        string dir = (string.IsNullOrEmpty(location) ? null : System.IO.Path.GetDirectoryName(location)) ?? AppContext.BaseDirectory;
        return [System.IO.Path.Combine(dir, FileName), System.IO.Path.Combine(dir, "runtimes", RuntimeId, "native", FileName)];
    }

    /// <summary>Loads our copy and registers the resolver, before any ONNX Runtime type is used. [any]</summary>
    public static void EnsureLoaded()
    {
        if (_version is not null)
        {
            return;
        }
        lock (Gate)
        {
            if (_version is not null)
            {
                return;
            }
            string path = Candidates().FirstOrDefault(File.Exists)
                ?? throw new ModelException(ModelErrorKind.RuntimeLibraryMissing,
                    $"ONNX Runtime library not found: looked for {string.Join(" and ", Candidates())}. It comes from the " +
                    "Microsoft.ML.OnnxRuntime package at build time: rebuild, or reinstall Sideman.");
            try
            {
                _handle = NativeLibrary.Load(path);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                throw new ModelException(ModelErrorKind.RuntimeLibraryMissing,
                    $"ONNX Runtime library {path} could not be loaded ({e.Message}). The file may be damaged: rebuild, or reinstall Sideman.", e);
            }
            _path = path;
            if (!_registered)
            {
                Register();
                _registered = true;
            }
            _version = CheckVersion(path);
        }
    }

    /// <summary>The handle for the package's P/Invokes; other names go the default way.</summary>
    public static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        _ = assembly;
        _ = searchPath;
        return libraryName == ImportName ? _handle : 0;
    }

    private static void Register()
    {
        // The package has a resolver of its own that searches the usual places; ours must be the only one.
        OrtEnv.DisableDllImportResolver = true;
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(OrtEnv).Assembly, Resolve);
        }
        catch (InvalidOperationException e)
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                "another component registered how the ONNX Runtime package finds its native library before Sideman could; " +
                "Sideman would not know which copy it runs, so it does not load the model.", e);
        }
    }

    private static string CheckVersion(string path)
    {
        string version;
        try
        {
            var options = new EnvironmentCreationOptions
            {
                logId = "sideman",
                logLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
            };
            OrtEnv env = OrtEnv.IsCreated ? OrtEnv.Instance() : OrtEnv.CreateInstanceWithOptions(ref options);
            version = env.GetVersionString();
        }
        catch (Exception e) when (e is TypeInitializationException or EntryPointNotFoundException or OnnxRuntimeException)
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                $"{path} does not work with the ONNX Runtime package Sideman is built with ({e.GetBaseException().Message}). " +
                "Rebuild, or reinstall Sideman.", e);
        }
        // The native file and the managed API come from one package release; a different file was put there by hand.
        Version? managed = typeof(OrtEnv).Assembly.GetName().Version;
        string expected = managed is null ? string.Empty : $"{managed.Major}.{managed.Minor}.";
        if (!version.StartsWith(expected, StringComparison.Ordinal))
        {
            throw new ModelException(ModelErrorKind.RuntimeLibraryIncompatible,
                $"{path} is ONNX Runtime {version}, but Sideman is built with the {expected}x package (Directory.Packages.props). " +
                "Rebuild, or reinstall Sideman.");
        }
        return version;
    }

    private static string RuntimeId
    {
        get
        {
            string os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux";
            string arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                var other => other.ToString().ToLowerInvariant(),
            };
            return os + "-" + arch;
        }
    }
}
