namespace Sideman.Model.Onnx;

/// <summary>The few C enum values of onnxruntime_c_api.h that we pass (values are ABI).</summary>
internal static class OrtEnums
{
    public const int LoggingLevelError = 3;          // OrtLoggingLevel: ORT_LOGGING_LEVEL_ERROR
    public const int GraphOptimizationAll = 99;      // GraphOptimizationLevel: ORT_ENABLE_ALL
    public const int ArenaAllocator = 1;             // OrtAllocatorType: OrtArenaAllocator
    public const int MemTypeDefault = 0;             // OrtMemType: OrtMemTypeDefault
    public const int ElementFloat = 1;               // ONNXTensorElementDataType: FLOAT
    public const int ElementInt64 = 7;               // ONNXTensorElementDataType: INT64

    /// <summary>OrtErrorCode values, in order, for messages.</summary>
    public static string ErrorCodeName(int code) => code switch
    {
        0 => "OK",
        1 => "FAIL",
        2 => "INVALID_ARGUMENT",
        3 => "NO_SUCHFILE",
        4 => "NO_MODEL",
        5 => "ENGINE_ERROR",
        6 => "RUNTIME_EXCEPTION",
        7 => "INVALID_PROTOBUF",
        8 => "MODEL_LOADED",
        9 => "NOT_IMPLEMENTED",
        10 => "INVALID_GRAPH",
        11 => "EP_FAIL",
        _ => "error " + code.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
