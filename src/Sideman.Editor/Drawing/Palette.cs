using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>The editor's colours: a dark theme, one accent per meaning (energy amber, on green, mute yellow, lock blue).</summary>
internal static class Palette
{
    public static readonly SKColor Background = new(0x1B, 0x1E, 0x23);
    public static readonly SKColor Panel = new(0x25, 0x2A, 0x31);
    public static readonly SKColor Control = new(0x36, 0x3D, 0x47);
    public static readonly SKColor ControlPressed = new(0x55, 0x5F, 0x6E);
    public static readonly SKColor Track = new(0x1F, 0x23, 0x29);
    public static readonly SKColor Text = new(0xE6, 0xE9, 0xEE);
    public static readonly SKColor TextDim = new(0x9A, 0xA3, 0xAE);
    public static readonly SKColor TextOnAccent = new(0x16, 0x18, 0x1C);
    public static readonly SKColor Accent = new(0xF2, 0xA5, 0x41);
    public static readonly SKColor AccentDim = new(0x7A, 0x58, 0x2A);
    public static readonly SKColor On = new(0x5C, 0xC9, 0x8A);
    public static readonly SKColor Mute = new(0xE5, 0xC0, 0x4B);
    public static readonly SKColor Lock = new(0x6A, 0xA7, 0xF0);
    public static readonly SKColor Warning = new(0xE0, 0x70, 0x4A);
    public static readonly SKColor Focus = new(0x6A, 0xA7, 0xF0);
    public static readonly SKColor GridBar = new(0x4A, 0x52, 0x5E);
    public static readonly SKColor GridBeat = new(0x2F, 0x35, 0x3D);
    public static readonly SKColor Playhead = new(0xFF, 0xFF, 0xFF);
    public static readonly SKColor Overlay = new(0x20, 0x24, 0x2B);
    public static readonly SKColor NoteOff = new(0x5A, 0x60, 0x68);

    /// <summary>Each part's note colour, by <see cref="Sideman.Synth.SoundFont.BandPart"/>.</summary>
    public static readonly SKColor[] PartNotes =
    [
        new(0xE5, 0x7F, 0x6B),
        new(0x6B, 0xB5, 0xE5),
        new(0xB5, 0x8C, 0xE8),
        new(0x6F, 0xD1, 0xB0),
        new(0xE8, 0xC9, 0x6B),
    ];
}
