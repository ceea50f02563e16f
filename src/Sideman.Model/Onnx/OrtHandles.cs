using System.Runtime.InteropServices;

namespace Sideman.Model.Onnx;

/// <summary>
/// Owns one ONNX Runtime object and releases it exactly once, with the matching Release function,
/// even if the owner forgets to dispose. One small subclass per ORT object type.
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(nint handle)
        : base(0, ownsHandle: true)
    {
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    /// <summary>The raw pointer, for passing to ORT while this handle is alive.</summary>
    public nint Raw => handle;
}

internal sealed class OrtEnvHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseEnv(handle);
        return true;
    }
}

internal sealed class OrtSessionOptionsHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseSessionOptions(handle);
        return true;
    }
}

internal sealed class OrtSessionHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseSession(handle);
        return true;
    }
}

internal sealed class OrtValueHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseValue(handle);
        return true;
    }
}

internal sealed class OrtMemoryInfoHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseMemoryInfo(handle);
        return true;
    }
}

internal sealed class OrtModelMetadataHandle(nint h) : OrtHandle(h)
{
    protected override bool ReleaseHandle()
    {
        OrtLibrary.Api.ReleaseModelMetadata(handle);
        return true;
    }
}
