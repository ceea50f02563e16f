using System.Runtime.InteropServices;

namespace Sideman.Engine.Processing;

/// <summary>
/// A parameter change at a sample inside a block. Blittable, 16 bytes: the interop layer views the
/// host's points as a span of these without copying (a layout test pins it to SmParamPoint).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct ParameterPoint
{
    /// <summary>Host parameter id (<see cref="Parameters.ParameterDefinition.Id"/>).</summary>
    public uint Id;
    public int SampleOffset;
    public double Normalized;

    public ParameterPoint(uint id, int sampleOffset, double normalized)
    {
        Id = id;
        SampleOffset = sampleOffset;
        Normalized = normalized;
    }

    public override readonly string ToString() => $"#{Id} @{SampleOffset} = {Normalized:0.####}";
}
