namespace Sideman.Model.Onnx;

/// <summary>
/// Positions of the functions we call in ONNX Runtime's <c>OrtApi</c> function table
/// (onnxruntime_c_api.h). The table only ever grows at the end, so these positions hold for every
/// version at or above <see cref="RequestedApiVersion"/>, including the pinned 1.23.
/// </summary>
internal static class OrtApiSlots
{
    /// <summary>The API version we ask <c>GetApi</c> for: every slot below exists in it.</summary>
    public const uint RequestedApiVersion = 13;

    public const int GetErrorCode = 1;
    public const int GetErrorMessage = 2;
    public const int CreateEnv = 3;
    public const int CreateSession = 7;
    public const int Run = 9;
    public const int CreateSessionOptions = 10;
    public const int SetSessionGraphOptimizationLevel = 23;
    public const int SetIntraOpNumThreads = 24;
    public const int SetInterOpNumThreads = 25;
    public const int SessionGetInputCount = 30;
    public const int SessionGetOutputCount = 31;
    public const int SessionGetInputName = 36;
    public const int SessionGetOutputName = 37;
    public const int CreateTensorWithDataAsOrtValue = 49;
    public const int CreateCpuMemoryInfo = 69;
    public const int AllocatorFree = 76;
    public const int GetAllocatorWithDefaultOptions = 78;
    public const int ReleaseEnv = 92;
    public const int ReleaseStatus = 93;
    public const int ReleaseMemoryInfo = 94;
    public const int ReleaseSession = 95;
    public const int ReleaseValue = 96;
    public const int ReleaseSessionOptions = 100;
    public const int SessionGetModelMetadata = 111;
    public const int ModelMetadataLookupCustomMetadataMap = 116;
    public const int ReleaseModelMetadata = 118;
    public const int AddSessionConfigEntry = 130;
}
