using SkiaSharp;

namespace Sideman.Editor.Layout;

/// <summary>One control's place, in logical units (pixels at scale 1): what is drawn there is what a click there does.</summary>
public readonly record struct Control(ControlKind Kind, int Index, SKRect Bounds);
