namespace Sideman.Editor;

/// <summary>The byte order of the caller's pixels: BGRA (X11's and Windows' usual 32-bit visuals) or RGBA. Alpha is opaque.</summary>
public enum EditorPixelFormat
{
    Bgra8888,
    Rgba8888,
}
