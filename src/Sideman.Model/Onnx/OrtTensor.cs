using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// ONNX Runtime tensors over our own buffers. The buffers are arrays on the pinned object heap, so
/// they never move and ONNX Runtime reads and writes them in place: no copies, nothing allocated
/// per step. The caller keeps the array alive at least as long as the returned tensor.
/// </summary>
internal static class OrtTensor
{
    /// <summary>A zeroed array that the GC will never move. [main]</summary>
    public static T[] AllocatePinned<T>(int length)
        where T : unmanaged => GC.AllocateArray<T>(Math.Max(1, length), pinned: true);

    /// <summary>A tensor of <paramref name="shape"/> over the start of <paramref name="pinned"/>.</summary>
    public static OrtValue Over<T>(T[] pinned, params long[] shape)
        where T : unmanaged
    {
        long elements = 1;
        foreach (long d in shape)
        {
            elements *= d;
        }
        if (elements > pinned.Length)
        {
            throw new ArgumentException($"a tensor of {elements} elements does not fit a buffer of {pinned.Length}");
        }
        return OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, pinned.AsMemory(0, (int)elements), shape);
    }
}
