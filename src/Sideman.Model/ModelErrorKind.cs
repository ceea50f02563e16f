namespace Sideman.Model;

/// <summary>What went wrong when loading or running the model; lets callers react without parsing messages.</summary>
public enum ModelErrorKind
{
    /// <summary>The ONNX Runtime native library is missing next to our assemblies, or cannot be loaded.</summary>
    RuntimeLibraryMissing,
    /// <summary>The native library loaded but is not a version we can use.</summary>
    RuntimeLibraryIncompatible,
    /// <summary>The model file does not exist or cannot be read.</summary>
    ModelFileMissing,
    /// <summary>The model file exists but is not a valid ONNX model (truncated, corrupt, wrong format).</summary>
    ModelFileDamaged,
    /// <summary>The model is valid ONNX but does not follow models/ONNX_CONTRACT.md (names, shapes, metadata).</summary>
    ContractMismatch,
    /// <summary>The model was trained with another vocabulary than the vocab.json in use.</summary>
    VocabularyMismatch,
    /// <summary>ONNX Runtime failed while running the model.</summary>
    RuntimeFailure,
}
