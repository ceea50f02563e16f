using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace Sideman.Model.Onnx;

/// <summary>
/// <see cref="ITokenModel"/> over an ONNX model that follows models/ONNX_CONTRACT.md, run by ONNX
/// Runtime. Every buffer ONNX Runtime reads or writes is ours, pinned and allocated at load, and
/// wrapped in tensors once. Each cache bucket has an <see cref="OrtIoBinding"/> for one-token steps,
/// bound once at load (binding a name allocates, so a step only picks the bucket's binding), and a
/// multi-token chunk is bound afresh in a binding of its own; <see cref="Step"/> allocates nothing.
/// The model returns the new tokens' keys/values and we write them into the cache.
/// </summary>
internal sealed class OnnxTokenModel : ITokenModel
{
    /// <summary>Cache capacities are multiples of this (the last one is the model's capacity).</summary>
    public const int BucketStep = 64;

    private readonly OnnxSession _session;
    private readonly int _layers;
    private readonly int _heads;
    private readonly int _headDim;
    private readonly int _vocab;

    private readonly string[] _cacheKeyNames;
    private readonly string[] _cacheValueNames;
    private readonly string[] _newKeyNames;
    private readonly string[] _newValueNames;

    private readonly long[] _tokenBuffer;
    private readonly long[] _pastLengthBuffer;
    private readonly float[] _logitsBuffer;
    private readonly float[][] _newKeyBuffers;
    private readonly float[][] _newValueBuffers;

    private readonly OrtValue _stepTokens;
    private readonly OrtValue _pastLength;
    private readonly OrtValue _stepLogits;
    private readonly OrtValue[] _stepNewKeys;
    private readonly OrtValue[] _stepNewValues;

    private readonly float[][] _cacheKeys; // per layer, for the largest capacity; every bucket lies over its start
    private readonly float[][] _cacheValues;
    private readonly KvCacheBucket[] _buckets;
    private readonly OrtIoBinding[] _stepBindings;
    private readonly OrtIoBinding _chunkBinding;
    private readonly RunOptions _runOptions;
    private int _bucket;
    private bool _disposed;

    private OnnxTokenModel(OnnxSession session, ModelInfo info, int capacity)
    {
        _session = session;
        Info = info;
        Capacity = capacity;
        _layers = info.Layers;
        _heads = info.Heads;
        _headDim = info.HeadDim;
        _vocab = info.VocabSize;
        int width = _heads * _headDim;

        _cacheKeyNames = new string[_layers];
        _cacheValueNames = new string[_layers];
        _newKeyNames = new string[_layers];
        _newValueNames = new string[_layers];
        for (int l = 0; l < _layers; l++)
        {
            _cacheKeyNames[l] = OnnxContract.CacheKey(l);
            _cacheValueNames[l] = OnnxContract.CacheValue(l);
            _newKeyNames[l] = OnnxContract.NewKey(l);
            _newValueNames[l] = OnnxContract.NewValue(l);
        }

        _tokenBuffer = OrtTensor.AllocatePinned<long>(capacity);
        _pastLengthBuffer = OrtTensor.AllocatePinned<long>(1);
        _logitsBuffer = OrtTensor.AllocatePinned<float>(capacity * _vocab);
        _newKeyBuffers = new float[_layers][];
        _newValueBuffers = new float[_layers][];
        _stepNewKeys = new OrtValue[_layers];
        _stepNewValues = new OrtValue[_layers];

        _stepTokens = OrtTensor.Over(_tokenBuffer, 1, 1);
        _pastLength = OrtTensor.Over(_pastLengthBuffer, 1);
        _stepLogits = OrtTensor.Over(_logitsBuffer, 1, 1, _vocab);
        for (int l = 0; l < _layers; l++)
        {
            _newKeyBuffers[l] = OrtTensor.AllocatePinned<float>(capacity * width);
            _newValueBuffers[l] = OrtTensor.AllocatePinned<float>(capacity * width);
            _stepNewKeys[l] = OrtTensor.Over(_newKeyBuffers[l], 1, _heads, 1, _headDim);
            _stepNewValues[l] = OrtTensor.Over(_newValueBuffers[l], 1, _heads, 1, _headDim);
        }

        _cacheKeys = new float[_layers][];
        _cacheValues = new float[_layers][];
        for (int l = 0; l < _layers; l++)
        {
            _cacheKeys[l] = OrtTensor.AllocatePinned<float>(capacity * width);
            _cacheValues[l] = OrtTensor.AllocatePinned<float>(capacity * width);
        }
        var buckets = new List<KvCacheBucket>();
        for (int c = Math.Min(BucketStep, capacity); ; c = Math.Min(c + BucketStep, capacity))
        {
            buckets.Add(new KvCacheBucket(_cacheKeys, _cacheValues, _heads, _headDim, c));
            if (c == capacity)
            {
                break;
            }
        }
        _buckets = [.. buckets];

        _runOptions = new RunOptions();
        _stepBindings = new OrtIoBinding[_buckets.Length];
        for (int b = 0; b < _buckets.Length; b++)
        {
            _stepBindings[b] = BindStep(_buckets[b]);
        }
        // past_length is one buffer whose value changes; its tensor is bound for good.
        _chunkBinding = session.CreateBinding();
        _chunkBinding.BindInput(OnnxContract.PastLength, _pastLength);
    }

    public ModelInfo Info { get; }

    public int Length { get; private set; }

    public int Capacity { get; }

    /// <summary>A decoder over <paramref name="session"/> (shared: each decoder holds a reference) with its own cache and buffers.</summary>
    public static OnnxTokenModel Create(OnnxSession session, ModelInfo info, int maxContext)
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
        RunStep();
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
            RunStep();
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
        foreach (var b in _stepBindings)
        {
            b.Dispose();
        }
        _chunkBinding.Dispose();
        _runOptions.Dispose();
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

    /// <summary>A binding of every input and output to the one-token tensors and <paramref name="bucket"/>'s cache.</summary>
    private OrtIoBinding BindStep(KvCacheBucket bucket)
    {
        OrtIoBinding binding = _session.CreateBinding();
        binding.BindInput(OnnxContract.Tokens, _stepTokens);
        binding.BindInput(OnnxContract.PastLength, _pastLength);
        binding.BindOutput(OnnxContract.Logits, _stepLogits);
        for (int l = 0; l < _layers; l++)
        {
            binding.BindInput(_cacheKeyNames[l], bucket.KeyTensors[l]);
            binding.BindInput(_cacheValueNames[l], bucket.ValueTensors[l]);
            binding.BindOutput(_newKeyNames[l], _stepNewKeys[l]);
            binding.BindOutput(_newValueNames[l], _stepNewValues[l]);
        }
        return binding;
    }

    /// <summary>One token (in <see cref="_tokenBuffer"/>[0]) through the bucket's step binding: nothing allocated.</summary>
    private void RunStep()
    {
        KvCacheBucket bucket = BucketFor(Length + 1);
        Run(1, bucket, _stepBindings[_bucket]);
    }

    /// <summary>A multi-token chunk: tensors shaped for this chunk over the same buffers, bound for this run and released afterwards.</summary>
    private void RunChunk(int s)
    {
        KvCacheBucket bucket = BucketFor(Length + s);
        var made = new List<OrtValue>(2 + 2 * _layers);
        try
        {
            _chunkBinding.BindInput(OnnxContract.Tokens, Made(made, OrtTensor.Over(_tokenBuffer, 1, s)));
            _chunkBinding.BindOutput(OnnxContract.Logits, Made(made, OrtTensor.Over(_logitsBuffer, 1, s, _vocab)));
            for (int l = 0; l < _layers; l++)
            {
                _chunkBinding.BindInput(_cacheKeyNames[l], bucket.KeyTensors[l]);
                _chunkBinding.BindInput(_cacheValueNames[l], bucket.ValueTensors[l]);
                _chunkBinding.BindOutput(_newKeyNames[l], Made(made, OrtTensor.Over(_newKeyBuffers[l], 1, _heads, s, _headDim)));
                _chunkBinding.BindOutput(_newValueNames[l], Made(made, OrtTensor.Over(_newValueBuffers[l], 1, _heads, s, _headDim)));
            }
            Run(s, bucket, _chunkBinding);
        }
        finally
        {
            foreach (OrtValue v in made)
            {
                v.Dispose();
            }
        }
    }

    private static OrtValue Made(List<OrtValue> made, OrtValue value)
    {
        made.Add(value);
        return value;
    }

    /// <summary>One run for <paramref name="s"/> new tokens through <paramref name="binding"/>, then the new keys/values go into <paramref name="bucket"/>.</summary>
    private void Run(int s, KvCacheBucket bucket, OrtIoBinding binding)
    {
        _pastLengthBuffer[0] = Length;
        _session.Run(_runOptions, binding);

        int width = _headDim * s;
        for (int l = 0; l < _layers; l++)
        {
            for (int h = 0; h < _heads; h++)
            {
                int dst = (h * bucket.Capacity + Length) * _headDim;
                _newKeyBuffers[l].AsSpan(h * width, width).CopyTo(_cacheKeys[l].AsSpan(dst, width));
                _newValueBuffers[l].AsSpan(h * width, width).CopyTo(_cacheValues[l].AsSpan(dst, width));
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
        // One set of buffers: spread each head's rows out to the larger stride in place, the last head first, so no head's
        // rows are overwritten before they have moved (a head's new start is past every lower head's old rows).
        int rows = Length * _headDim;
        for (int l = 0; l < _layers; l++)
        {
            for (int h = _heads - 1; h > 0; h--)
            {
                int from = h * current.Capacity * _headDim, to = h * target.Capacity * _headDim;
                _cacheKeys[l].AsSpan(from, rows).CopyTo(_cacheKeys[l].AsSpan(to));
                _cacheValues[l].AsSpan(from, rows).CopyTo(_cacheValues[l].AsSpan(to));
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
