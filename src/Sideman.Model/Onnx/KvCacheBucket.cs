using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// Key/value cache storage for one capacity: per layer, a key and a value buffer shaped
/// [1, heads, capacity, head_dim], with their ONNX Runtime tensors made once. The model keeps several
/// buckets (64, 128, ... up to the max context) so attention cost follows the context actually in
/// use; moving up a bucket copies the valid prefix once.
/// </summary>
internal sealed class KvCacheBucket : IDisposable
{
    public KvCacheBucket(int layers, int heads, int headDim, int capacity)
    {
        Capacity = capacity;
        Keys = new float[layers][];
        Values = new float[layers][];
        KeyTensors = new OrtValue[layers];
        ValueTensors = new OrtValue[layers];
        for (int l = 0; l < layers; l++)
        {
            Keys[l] = OrtTensor.AllocatePinned<float>(heads * capacity * headDim);
            Values[l] = OrtTensor.AllocatePinned<float>(heads * capacity * headDim);
            KeyTensors[l] = OrtTensor.Over(Keys[l], 1, heads, capacity, headDim);
            ValueTensors[l] = OrtTensor.Over(Values[l], 1, heads, capacity, headDim);
        }
    }

    public int Capacity { get; }

    public float[][] Keys { get; }

    public float[][] Values { get; }

    public OrtValue[] KeyTensors { get; }

    public OrtValue[] ValueTensors { get; }

    public void Dispose()
    {
        foreach (var t in KeyTensors)
        {
            t.Dispose();
        }
        foreach (var t in ValueTensors)
        {
            t.Dispose();
        }
    }
}
