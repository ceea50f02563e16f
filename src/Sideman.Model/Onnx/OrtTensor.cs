using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sideman.Model.Onnx;

/// <summary>
/// Creates ORT tensors over our own buffers. The buffers are arrays on the pinned object heap, so
/// they never move and ORT reads and writes them in place: no copies, nothing allocated per call.
/// The caller keeps the array alive at least as long as the returned handle.
/// </summary>
internal static unsafe class OrtTensor
{
    /// <summary>A zeroed array that the GC will never move. [main]</summary>
    public static T[] AllocatePinned<T>(int length)
        where T : unmanaged => GC.AllocateArray<T>(Math.Max(1, length), pinned: true);

    public static OrtValueHandle Float(float[] pinned, ReadOnlySpan<long> shape) =>
        Create(pinned, sizeof(float), OrtEnums.ElementFloat, shape);

    public static OrtValueHandle Int64(long[] pinned, ReadOnlySpan<long> shape) =>
        Create(pinned, sizeof(long), OrtEnums.ElementInt64, shape);

    private static OrtValueHandle Create<T>(T[] pinned, int elementSize, int elementType, ReadOnlySpan<long> shape)
        where T : unmanaged
    {
        long elements = 1;
        foreach (long d in shape)
        {
            elements *= d;
        }
        if (elements > pinned.Length)
        {
            throw new ArgumentException($"tensor of {elements} elements does not fit a buffer of {pinned.Length}");
        }
        OrtApi api = OrtLibrary.Api;
        void* data = Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
        nint value;
        fixed (long* s = shape)
        {
            api.Check(api.CreateTensorWithData(OrtEnvironment.CpuMemory.Raw, data, (nuint)(elements * elementSize), s,
                (nuint)shape.Length, elementType, out value), "creating a tensor over a preallocated buffer");
        }
        return new OrtValueHandle(value);
    }
}
