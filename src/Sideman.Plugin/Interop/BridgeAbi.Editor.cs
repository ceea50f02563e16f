// Managed mirror of the editor's part of native/include/sideman/bridge_abi.h (ABI 4); the layout tests pin it.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sideman.Plugin.Interop;

internal static class EditorAbi
{
    public const int Parts = 5;
    public const int NextChords = 8;
    public const int RollNotes = 384;
    public const int SoundNameCapacity = 64;

    public const int Bgra = 0;
    public const int Rgba = 1;

    public const int PointerDown = 0;
    public const int PointerDrag = 1;
    public const int PointerUp = 2;
    public const int PointerWheel = 3;

    public const int WantsKeys = 1;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmChord
{
    public short Root;
    public short Quality;
    public short BassInterval;
    public short Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmRollNote
{
    public int Bar;
    public float StartBeat;
    public float LengthBeats;
    public byte Pitch;
    public byte Velocity;
    public ushort Reserved;
}

[InlineArray(EditorAbi.NextChords)]
internal struct SmChordArray
{
    private SmChord _first;
}

[InlineArray(EditorAbi.RollNotes)]
internal struct SmRollNoteArray
{
    private SmRollNote _first;
}

[InlineArray(EditorAbi.Parts)]
internal struct SmPartNotes
{
    private SmRollNoteArray _first;
}

[InlineArray(EditorAbi.SoundNameCapacity)]
internal struct SmSoundName
{
    private ushort _first;
}

[InlineArray(EditorAbi.Parts)]
internal struct SmSoundNames
{
    private SmSoundName _first;
}

[InlineArray(EditorAbi.Parts)]
internal struct SmPartCounts
{
    private int _first;
}

[InlineArray(BridgeAbi.StatusCapacity)]
internal struct SmStatusText
{
    private ushort _first;
}

/// <summary>What the band is doing now, as the processor answers message Sideman.EditorFrame.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct SmEditorFrame
{
    public int Playing;
    public int BeatsPerBar;
    public long PlayheadBar;
    public double PlayheadBeat;
    public SmChord ChordNow;
    public int NextChordCount;
    public int Reserved;
    public SmChordArray NextChords;
    public long GuardBarsChecked;
    public long GuardCopiesRejected;
    public long ChartRevision;
    public SmPartCounts NoteCounts;
    public int Reserved2;
    public SmPartNotes Notes;
    public SmSoundNames SoundNames;
    public SmStatusText Status;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmEditorInfo
{
    public int DefaultWidth;
    public int DefaultHeight;
    public int MinWidth;
    public int MinHeight;
}

/// <summary>The bridge's callbacks for one editor (the controller behind the view).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmEditorHost
{
    public nint Context;
    public delegate* unmanaged[Cdecl]<nint, uint, int> BeginEdit;
    public delegate* unmanaged[Cdecl]<nint, uint, double, int> PerformEdit;
    public delegate* unmanaged[Cdecl]<nint, uint, int> EndEdit;
    public delegate* unmanaged[Cdecl]<nint, uint, double> GetParam;
    public delegate* unmanaged[Cdecl]<nint, ushort*, ushort*, int, int> SetChart;
    public delegate* unmanaged[Cdecl]<nint, int, ushort*, int> SetPartSoundFont;
}
