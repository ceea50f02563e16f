namespace Sideman.Model;

/// <summary>What a loaded model says about itself (from its ONNX metadata; see models/ONNX_CONTRACT.md).</summary>
public sealed record ModelInfo(
    string Path,
    string ModelVersion,
    string VocabSha256,
    int VocabSize,
    int Layers,
    int Heads,
    int HeadDim,
    int MaxPositions,
    int PadId,
    string RuntimeVersion);
