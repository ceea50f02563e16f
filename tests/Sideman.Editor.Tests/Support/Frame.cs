using System.Runtime.InteropServices;
using SkiaSharp;

namespace Sideman.Editor.Tests.Support;

/// <summary>A caller-owned pixel buffer, as the bridge will own one: unmanaged memory, RGBA, rows padded like a window system's.</summary>
public sealed unsafe class Frame : IDisposable
{
    public Frame(int width, int height, int extraStrideBytes = 16)
    {
        Width = width;
        Height = height;
        Stride = width * 4 + extraStrideBytes;
        Pixels = (nint)NativeMemory.AllocZeroed((nuint)(Stride * height));
    }

    public int Width { get; }
    public int Height { get; }
    public int Stride { get; }
    public nint Pixels { get; }

    public void Render(EditorView view, float scale) => view.Render(Pixels, Width, Height, Stride, scale, EditorPixelFormat.Rgba8888);

    /// <summary>The pixel at (x, y) as RGBA.</summary>
    public SKColor At(int x, int y)
    {
        byte* p = (byte*)Pixels + y * Stride + x * 4;
        return new SKColor(p[0], p[1], p[2], p[3]);
    }

    /// <summary>The picture as tightly packed RGBA rows.</summary>
    public byte[] Rgba()
    {
        var bytes = new byte[Width * Height * 4];
        for (int y = 0; y < Height; y++)
            new ReadOnlySpan<byte>((byte*)Pixels + y * Stride, Width * 4).CopyTo(bytes.AsSpan(y * Width * 4));
        return bytes;
    }

    public byte[] EncodePng()
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKImage image = SKImage.FromPixels(info, Pixels, Stride);
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public void Dispose() => NativeMemory.Free((void*)Pixels);
}
