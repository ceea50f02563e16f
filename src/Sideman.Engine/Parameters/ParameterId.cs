using System.Text;

namespace Sideman.Engine.Parameters;

/// <summary>
/// The numeric id hosts see for a parameter: FNV-1a 32-bit over the UTF-8 string id, masked to
/// 31 bits (VST3 reserves the top bit). Deterministic across runs, machines and versions, unlike
/// <see cref="string.GetHashCode()"/>; never an index, so reordering declarations changes nothing.
/// </summary>
public static class ParameterId
{
    private const uint OffsetBasis = 2166136261;
    private const uint Prime = 16777619;

    public static uint FromString(string stringId)
    {
        ArgumentNullException.ThrowIfNull(stringId);
        uint hash = OffsetBasis;
        foreach (byte b in Encoding.UTF8.GetBytes(stringId))
        {
            hash ^= b;
            hash *= Prime;
        }
        return hash & 0x7FFF_FFFF;
    }
}
