using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sideman.Model.Onnx;

/// <summary>
/// <see cref="ITokenModel"/> over an ONNX model that follows models/ONNX_CONTRACT.md, run by ONNX
/// Runtime through our own binding. Every buffer ORT reads or writes is ours, pinned and allocated
/// at load; the tensors for a one-token step are bound once, so <see cref="Step"/> allocates
/// nothing. The model returns the new tokens' keys/values and we write them into the cache.
/// </summary>
internal sealed unsafe class OnnxTokenModel : ITokenModel
{
    private const int SmallestBucket = 64;

    private readonly OrtSession _session;
    private readonly int _layers;
    private readonly int _heads;
    private readonly int _headDim;
    private readonly int _vocab;

    private readonly Utf8NameTable _inputNames;
    private readonly Utf8NameTable _outputNames;
    private readonly nint[] _inputs;
    private readonly nint[] _outputs;

    private readonly long[] _tokenBuffer;
    private readonly long[] _pastLengthBuffer;
    private readonly float[] _logitsBuffer;
    private readonly float[][] _newKeyBuffers;
    private readonly float[][] _newValueBuffers;

    private readonly OrtValueHandle _stepTokens;
    private readonly OrtValueHandle _pastLength;
    private readonly OrtValueHandle _stepLogits;
    private readonly OrtValueHandle[] _stepNewKeys;
    private readonly OrtValueHandle[] _stepNewValues;

    private readonly KvCacheBucket[] _buckets;
    private int _bucket;
    private bool _disposed;

    private OnnxTokenModel(OrtSession session, ModelInfo info, int capacity)
    {
        _session = session;
        Info = info;
        Capacity = capacity;
        _layers = info.Layers;
        _heads = info.Heads;
        _headDim = info.HeadDim;
        _vocab = info.VocabSize;
        int width = _heads * _headDim;

        _inputNames = new Utf8NameTable(OnnxContract.InputNames(_layers));
        _outputNames = new Utf8NameTable(OnnxContract.OutputNames(_layers));
        _inputs = OrtTensor.AllocatePinned<nint>(_inputNames.Count);
        _outputs = OrtTensor.AllocatePinned<nint>(_outputNames.Count);

        _tokenBuffer = OrtTensor.AllocatePinned<long>(capacity);
        _pastLengthBuffer = OrtTensor.AllocatePinned<long>(1);
        _logitsBuffer = OrtTensor.AllocatePinned<float>(capacity * _vocab);
        _newKeyBuffers = new float[_layers][];
        _newValueBuffers = new float[_layers][];
        _stepNewKeys = new OrtValueHandle[_layers];
        _stepNewValues = new OrtValueHandle[_layers];

        _stepTokens = OrtTensor.Int64(_tokenBuffer, [1, 1]);
        _pastLength = OrtTensor.Int64(_pastLengthBuffer, [1]);
        _stepLogits = OrtTensor.Float(_logitsBuffer, [1, 1, _vocab]);
        for (int l = 0; l < _layers; l++)
        {
            _newKeyBuffers[l] = OrtTensor.AllocatePinned<float>(capacity * width);
            _newValueBuffers[l] = OrtTensor.AllocatePinned<float>(capacity * width);
            _stepNewKeys[l] = OrtTensor.Float(_newKeyBuffers[l], [1, _heads, 1, _headDim]);
            _stepNewValues[l] = OrtTensor.Float(_newValueBuffers[l], [1, _heads, 1, _headDim]);
        }

        var buckets = new List<KvCacheBucket>();
        for (int c = Math.Min(SmallestBucket, capacity); ; c = Math.Min(c * 2, capacity))
        {
            buckets.Add(new KvCacheBucket(_layers, _heads, _headDim, c));
            if (c == capacity)
            {
                break;
            }
        }
        _buckets = [.. buckets];
    }

    public ModelInfo Info { get; }

    public int Length { get; private set; }

    public int Capacity { get; }

    /// <summary>A decoder over <paramref name="session"/> (shared: each decoder holds a reference) with its own cache and buffers.</summary>
    public static OnnxTokenModel Create(OrtSession session, ModelInfo info, int maxContext)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxContext, 1);
        session.AddRef();
        OnnxTokenModel? model = null;
        try
        {
            model = new OnnxTokenModel(session, info, Math.Min(maxContext, info.MaxPositions));
            model.SelfTest();
            return model;
        }
        catch
        {
            if (model is not null)
            {
                model.Dispose();
            }
            else
            {
                session.Release();
            }
            throw;
        }
    }

    public ReadOnlySpan<float> Step(int token)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        CheckToken(token);
        EnsureRoom(1);
        _tokenBuffer[0] = token;
        Run(1, _stepTokens, _stepLogits, _stepNewKeys, _stepNewValues);
        return CheckedLogits(1).Slice(0, _vocab);
    }

    public ReadOnlySpan<float> Prefill(ReadOnlySpan<int> tokens) => Prefill(tokens, Span<float>.Empty);

    public ReadOnlySpan<float> Prefill(ReadOnlySpan<int> tokens, Span<float> allLogits)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int s = tokens.Length;
        if (s == 0)
        {
            throw new ArgumentException("Prefill needs at least one token.", nameof(tokens));
        }
        if (!allLogits.IsEmpty && allLogits.Length < s * _vocab)
        {
            throw new ArgumentException($"allLogits holds {allLogits.Length} floats; {s} tokens need {s * _vocab}.", nameof(allLogits));
        }
        foreach (int t in tokens)
        {
            CheckToken(t);
        }
        EnsureRoom(s);
        for (int i = 0; i < s; i++)
        {
            _tokenBuffer[i] = tokens[i];
        }
        if (s == 1)
        {
            Run(1, _stepTokens, _stepLogits, _stepNewKeys, _stepNewValues);
        }
        else
        {
            RunChunk(s);
        }
        ReadOnlySpan<float> logits = CheckedLogits(s);
        if (!allLogits.IsEmpty)
        {
            logits.CopyTo(allLogits);
        }
        return logits.Slice((s - 1) * _vocab, _vocab);
    }

    public void Rewind(int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if ((uint)length > (uint)Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"can only rewind to 0..{Length} tokens");
        }
        // The keys/values past the new length stay in their slots (finite, as the contract asks) and are masked out.
        Length = length;
    }

    public void Reset()
    {
        Length = 0;
        _bucket = 0;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var b in _buckets)
        {
            b.Dispose();
        }
        _stepTokens.Dispose();
        _pastLength.Dispose();
        _stepLogits.Dispose();
        foreach (var h in _stepNewKeys)
        {
            h.Dispose();
        }
        foreach (var h in _stepNewValues)
        {
            h.Dispose();
        }
        _session.Release();
    }

    /// <summary>A multi-token chunk: tensors shaped for this chunk over the same buffers, released afterwards.</summary>
    private void RunChunk(int s)
    {
        var tokens = OrtTensor.Int64(_tokenBuffer, [1, s]);
        var logits = OrtTensor.Float(_logitsBuffer, [1, s, _vocab]);
        var keys = new OrtValueHandle[_layers];
        var values = new OrtValueHandle[_layers];
        try
        {
            for (int l = 0; l < _layers; l++)
            {
                keys[l] = OrtTensor.Float(_newKeyBuffers[l], [1, _heads, s, _headDim]);
                values[l] = OrtTensor.Float(_newValueBuffers[l], [1, _heads, s, _headDim]);
            }
            Run(s, tokens, logits, keys, values);
        }
        finally
        {
            tokens.Dispose();
            logits.Dispose();
            foreach (var h in keys)
            {
                h?.Dispose();
            }
            foreach (var h in values)
            {
                h?.Dispose();
            }
        }
    }

    /// <summary>One ORT run for <paramref name="s"/> new tokens, then the new keys/values go into the cache.</summary>
    private void Run(int s, OrtValueHandle tokens, OrtValueHandle logits, OrtValueHandle[] newKeys, OrtValueHandle[] newValues)
    {
        KvCacheBucket bucket = BucketFor(Length + s);
        _pastLengthBuffer[0] = Length;
        _inputs[0] = tokens.Raw;
        _inputs[1] = _pastLength.Raw;
        _outputs[0] = logits.Raw;
        for (int l = 0; l < _layers; l++)
        {
            _inputs[2 + l] = bucket.KeyTensors[l].Raw;
            _inputs[2 + _layers + l] = bucket.ValueTensors[l].Raw;
            _outputs[1 + l] = newKeys[l].Raw;
            _outputs[1 + _layers + l] = newValues[l].Raw;
        }
        nint* inputs = (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_inputs));
        nint* outputs = (nint*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_outputs));
        _session.Run(_inputNames.Pointers, inputs, _inputNames.Count, _outputNames.Pointers, outputs, _outputNames.Count);
        if (_outputs[0] != logits.Raw)
        {
            // ORT allocated its own output instead of writing into ours: the graph's shapes are not the contract's.
            throw OnnxContract.Mismatch(_session.Path, "its outputs do not fit the shapes the contract gives them");
        }

        int width = _headDim * s;
        for (int l = 0; l < _layers; l++)
        {
            for (int h = 0; h < _heads; h++)
            {
                int dst = (h * bucket.Capacity + Length) * _headDim;
                _newKeyBuffers[l].AsSpan(h * width, width).CopyTo(bucket.Keys[l].AsSpan(dst, width));
                _newValueBuffers[l].AsSpan(h * width, width).CopyTo(bucket.Values[l].AsSpan(dst, width));
            }
        }
        Length += s;
    }

    /// <summary>The smallest cache bucket that holds <paramref name="needed"/> tokens; moves the context there if it grew out of the current one.</summary>
    private KvCacheBucket BucketFor(int needed)
    {
        KvCacheBucket current = _buckets[_bucket];
        if (needed <= current.Capacity)
        {
            return current;
        }
        int next = _bucket;
        while (_buckets[next].Capacity < needed)
        {
            next++;
        }
        KvCacheBucket target = _buckets[next];
        int rows = Length * _headDim;
        for (int l = 0; l < _layers; l++)
        {
            for (int h = 0; h < _heads; h++)
            {
                current.Keys[l].AsSpan(h * current.Capacity * _headDim, rows).CopyTo(target.Keys[l].AsSpan(h * target.Capacity * _headDim));
                current.Values[l].AsSpan(h * current.Capacity * _headDim, rows).CopyTo(target.Values[l].AsSpan(h * target.Capacity * _headDim));
            }
        }
        _bucket = next;
        return target;
    }

    private ReadOnlySpan<float> CheckedLogits(int s)
    {
        ReadOnlySpan<float> logits = _logitsBuffer.AsSpan(0, s * _vocab);
        foreach (float x in logits)
        {
            if (!float.IsFinite(x))
            {
                throw new ModelException(ModelErrorKind.RuntimeFailure,
                    $"model {_session.Path} produced a non-finite logit at context length {Length}; the model file is damaged or mis-trained.");
            }
        }
        return logits;
    }

    private void CheckToken(int token)
    {
        if ((uint)token >= (uint)_vocab)
        {
            throw new ArgumentOutOfRangeException(nameof(token), token, $"token id must be in 0..{_vocab - 1}");
        }
    }

    private void EnsureRoom(int s)
    {
        if (Length + s > Capacity)
        {
            throw new InvalidOperationException(
                $"the context would hold {Length + s} tokens but the cache holds {Capacity}; Reset and prefill a shorter window.");
        }
    }

    /// <summary>Runs one step at load so a graph that does not fit the contract fails here, with the file's name, not mid-song.</summary>
    private void SelfTest()
    {
        try
        {
            Step(Info.PadId < _vocab ? Info.PadId : 0);
        }
        catch (ModelException e) when (e.Kind == ModelErrorKind.RuntimeFailure)
        {
            throw OnnxContract.Mismatch(_session.Path, "a test run failed: " + e.Message);
        }
        finally
        {
            Reset();
        }
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"OnnxTokenModel({Info.Path}, {Length}/{Capacity})");
}
