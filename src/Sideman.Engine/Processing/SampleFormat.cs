namespace Sideman.Engine.Processing;

/// <summary>The host's audio sample type. Values match the ABI's SM_SAMPLE_*.</summary>
public enum SampleFormat
{
    Float32 = 0,
    Float64 = 1,
}
