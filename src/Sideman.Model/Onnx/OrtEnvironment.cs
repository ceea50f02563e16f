namespace Sideman.Model.Onnx;

/// <summary>
/// The process-wide ONNX Runtime environment and CPU memory descriptor, created on first use and
/// kept for the life of the process (ORT wants one environment shared by all sessions).
/// </summary>
internal static unsafe class OrtEnvironment
{
    private static readonly object Gate = new();
    private static OrtEnvHandle? _env;
    private static OrtMemoryInfoHandle? _cpu;

    public static OrtEnvHandle Env
    {
        get
        {
            EnsureCreated();
            return _env!;
        }
    }

    /// <summary>Describes plain CPU memory: the buffers we hand ORT as tensors.</summary>
    public static OrtMemoryInfoHandle CpuMemory
    {
        get
        {
            EnsureCreated();
            return _cpu!;
        }
    }

    private static void EnsureCreated()
    {
        if (_cpu is not null)
        {
            return;
        }
        lock (Gate)
        {
            if (_cpu is not null)
            {
                return;
            }
            OrtApi api = OrtLibrary.Api;
            ReadOnlySpan<byte> logId = "sideman"u8;
            fixed (byte* id = logId)
            {
                api.Check(api.CreateEnv(OrtEnums.LoggingLevelError, id, out nint env), "creating the ONNX Runtime environment");
                _env = new OrtEnvHandle(env);
            }
            api.Check(api.CreateCpuMemoryInfo(OrtEnums.ArenaAllocator, OrtEnums.MemTypeDefault, out nint info),
                "describing CPU memory for ONNX Runtime");
            _cpu = new OrtMemoryInfoHandle(info);
        }
    }
}
