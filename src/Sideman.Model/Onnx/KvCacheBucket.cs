using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// One capacity of the key/value cache: per layer, ONNX Runtime tensors shaped [1, heads, capacity, head_dim] over the
/// start of the model's one set of cache buffers (sized for the largest capacity, shared by every bucket). The model
/// keeps a bucket every <see cref="OnnxTokenModel.BucketStep"/> slots so attention cost follows the context in use;
/// moving up a bucket spreads the valid rows out to the new capacity's stride in place, so the buckets cost no memory
/// beyond the largest one's.
/// </summary>
internal sealed class KvCacheBucket : IDisposable
{
    public KvCacheBucket(float[][] keys, float[][] values, int heads, int headDim, int capacity)
    {
        Capacity = capacity;
        KeyTensors = new OrtValue[keys.Length];
        ValueTensors = new OrtValue[values.Length];
        for (int l = 0; l < keys.Length; l++)
        {
            KeyTensors[l] = OrtTensor.Over(keys[l], 1, heads, capacity, headDim);
            ValueTensors[l] = OrtTensor.Over(values[l], 1, heads, capacity, headDim);
        }
    }

    /// <summary>Slots per head: in this bucket head h's slot s is at (h * Capacity + s) * head_dim of each buffer.</summary>
    public int Capacity { get; }

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
