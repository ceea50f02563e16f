using System.Runtime.InteropServices;

namespace Sideman.Model.Onnx;

/// <summary>
/// Typed access to ONNX Runtime's C function table. Every status-returning call goes through
/// <see cref="Check"/>, which turns a failed status into a <see cref="ModelException"/> carrying ORT's
/// own message and releases the status. Calls are plain unmanaged function pointers: no delegates,
/// no marshalling, no managed allocation on success.
/// </summary>
internal sealed unsafe class OrtApi
{
    private readonly void** _table;

    public OrtApi(void* table)
    {
        _table = (void**)table;
    }

    private void* Slot(int index) => _table[index];

    /// <summary>Throws if <paramref name="status"/> is an error; <paramref name="what"/> says what we were doing.</summary>
    public void Check(nint status, string what, ModelErrorKind kind = ModelErrorKind.RuntimeFailure)
    {
        if (status == 0)
        {
            return;
        }
        var getCode = (delegate* unmanaged[Cdecl]<nint, int>)Slot(OrtApiSlots.GetErrorCode);
        var getMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)Slot(OrtApiSlots.GetErrorMessage);
        var release = (delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseStatus);
        int code = getCode(status);
        string message = Marshal.PtrToStringUTF8((nint)getMessage(status)) ?? "(no message)";
        release(status);
        throw new ModelException(kind, $"{what}: ONNX Runtime error {OrtEnums.ErrorCodeName(code)}: {message}");
    }

    public nint CreateEnv(int logLevel, byte* logId, out nint env)
    {
        nint h;
        var f = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)Slot(OrtApiSlots.CreateEnv);
        nint status = f(logLevel, logId, &h);
        env = h;
        return status;
    }

    public nint CreateSessionOptions(out nint options)
    {
        nint h;
        var f = (delegate* unmanaged[Cdecl]<nint*, nint>)Slot(OrtApiSlots.CreateSessionOptions);
        nint status = f(&h);
        options = h;
        return status;
    }

    public nint SetGraphOptimizationLevel(nint options, int level) =>
        ((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(OrtApiSlots.SetSessionGraphOptimizationLevel))(options, level);

    public nint SetIntraOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(OrtApiSlots.SetIntraOpNumThreads))(options, threads);

    public nint SetInterOpNumThreads(nint options, int threads) =>
        ((delegate* unmanaged[Cdecl]<nint, int, nint>)Slot(OrtApiSlots.SetInterOpNumThreads))(options, threads);

    public nint AddSessionConfigEntry(nint options, byte* key, byte* value) =>
        ((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)Slot(OrtApiSlots.AddSessionConfigEntry))(options, key, value);

    /// <summary><paramref name="path"/> is ORTCHAR_T*: UTF-8 on Linux/macOS, UTF-16 on Windows.</summary>
    public nint CreateSession(nint env, void* path, nint options, out nint session)
    {
        nint h;
        var f = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)Slot(OrtApiSlots.CreateSession);
        nint status = f(env, path, options, &h);
        session = h;
        return status;
    }

    public nint SessionGetInputCount(nint session, out nuint count)
    {
        nuint n;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(OrtApiSlots.SessionGetInputCount))(session, &n);
        count = n;
        return status;
    }

    public nint SessionGetOutputCount(nint session, out nuint count)
    {
        nuint n;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)Slot(OrtApiSlots.SessionGetOutputCount))(session, &n);
        count = n;
        return status;
    }

    public nint SessionGetInputName(nint session, nuint index, nint allocator, out byte* name)
    {
        byte* p;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)Slot(OrtApiSlots.SessionGetInputName))(
            session, index, allocator, &p);
        name = p;
        return status;
    }

    public nint SessionGetOutputName(nint session, nuint index, nint allocator, out byte* name)
    {
        byte* p;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)Slot(OrtApiSlots.SessionGetOutputName))(
            session, index, allocator, &p);
        name = p;
        return status;
    }

    public nint GetAllocatorWithDefaultOptions(out nint allocator)
    {
        nint a;
        nint status = ((delegate* unmanaged[Cdecl]<nint*, nint>)Slot(OrtApiSlots.GetAllocatorWithDefaultOptions))(&a);
        allocator = a;
        return status;
    }

    public nint AllocatorFree(nint allocator, void* p) =>
        ((delegate* unmanaged[Cdecl]<nint, void*, nint>)Slot(OrtApiSlots.AllocatorFree))(allocator, p);

    public nint SessionGetModelMetadata(nint session, out nint metadata)
    {
        nint m;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nint*, nint>)Slot(OrtApiSlots.SessionGetModelMetadata))(session, &m);
        metadata = m;
        return status;
    }

    public nint LookupCustomMetadata(nint metadata, nint allocator, byte* key, out byte* value)
    {
        byte* v;
        nint status = ((delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)Slot(OrtApiSlots.ModelMetadataLookupCustomMetadataMap))(
            metadata, allocator, key, &v);
        value = v;
        return status;
    }

    public nint CreateCpuMemoryInfo(int allocatorType, int memType, out nint info)
    {
        nint h;
        nint status = ((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)Slot(OrtApiSlots.CreateCpuMemoryInfo))(allocatorType, memType, &h);
        info = h;
        return status;
    }

    public nint CreateTensorWithData(nint memoryInfo, void* data, nuint byteLength, long* shape, nuint rank, int elementType, out nint value)
    {
        nint h;
        var f = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)Slot(OrtApiSlots.CreateTensorWithDataAsOrtValue);
        nint status = f(memoryInfo, data, byteLength, shape, rank, elementType, &h);
        value = h;
        return status;
    }

    public nint Run(nint session, byte** inputNames, nint* inputs, nuint inputCount, byte** outputNames, nuint outputCount, nint* outputs)
    {
        var f = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)Slot(OrtApiSlots.Run);
        return f(session, 0, inputNames, inputs, inputCount, outputNames, outputCount, outputs);
    }

    public void ReleaseEnv(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseEnv))(h);

    public void ReleaseSessionOptions(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseSessionOptions))(h);

    public void ReleaseSession(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseSession))(h);

    public void ReleaseValue(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseValue))(h);

    public void ReleaseMemoryInfo(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseMemoryInfo))(h);

    public void ReleaseModelMetadata(nint h) => ((delegate* unmanaged[Cdecl]<nint, void>)Slot(OrtApiSlots.ReleaseModelMetadata))(h);
}
