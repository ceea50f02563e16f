// Managed mirror of native/include/sideman/bridge_abi.h. Keep the two in lockstep:
// tests/Sideman.Plugin.Tests/BridgeAbiLayoutTests.cs pins every size and offset.
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sideman.Plugin.Interop;

internal static class BridgeAbi
{
    public const uint AbiVersion = 4;
    public const int StringCapacity = 128;
    public const int IdCapacity = 64;
    public const int MaxBuses = 16;

    public const int Ok = 0;
    public const int False = 1;
    public const int InvalidArgument = 2;
    public const int Error = 3;

    public const int BusMain = 0;
    public const int BusAux = 1;

    public const int ParamCanAutomate = 1;
    public const int ParamReadOnly = 2;
    public const int ParamIsList = 4;
    public const int ParamIsHidden = 8;
    public const int ParamIsBypass = 16;

    public const int MidiChannelPressure = 128;
    public const int MidiPitchBend = 129;

    public const int Sample32 = 0;
    public const int Sample64 = 1;
    public const int ModeRealtime = 0;
    public const int ModePrefetch = 1;
    public const int ModeOffline = 2;

    public const uint TransportPlaying = 1u << 0;
    public const uint TransportRecording = 1u << 1;
    public const uint TransportCycleActive = 1u << 2;
    public const uint TransportTempoValid = 1u << 3;
    public const uint TransportTimeSigValid = 1u << 4;
    public const uint TransportProjectTimeMusicValid = 1u << 5;
    public const uint TransportBarPositionValid = 1u << 6;
    public const uint TransportCycleValid = 1u << 7;
    public const uint TransportContinuousTimeValid = 1u << 8;
    public const uint TransportPresent = 1u << 31;

    public const short EventNoteOn = 1;
    public const short EventNoteOff = 2;
    public const short EventPolyPressure = 3;
    public const short EventController = 4;

    /// <summary>Room a bridge should give processorGetStatus (UTF-16 units, terminator included).</summary>
    public const int StatusCapacity = 4096;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmBusInfo
{
    public int ChannelCount;
    public int Kind;
    public fixed ushort Name[BridgeAbi.StringCapacity];
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmPluginDesc
{
    public int AudioOutputBusCount;
    public int AudioInputBusCount;
    public int EventInputBusCount;
    public int EventOutputBusCount;
    public int SupportsDoublePrecision;
    public int LatencySamples;
    public int TailSamples;
    public int Reserved;
    public SmBusInfoArray AudioOutputs;
    public fixed ushort EventInputName[BridgeAbi.StringCapacity];
    public fixed ushort EventOutputName[BridgeAbi.StringCapacity];
}

[InlineArray(BridgeAbi.MaxBuses)]
internal struct SmBusInfoArray
{
    private SmBusInfo _first;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmParamInfo
{
    public uint Id;
    public int StepCount;
    public double DefaultNormalized;
    public int Flags;
    public int MidiController;
    public fixed ushort Title[BridgeAbi.StringCapacity];
    public fixed ushort ShortTitle[BridgeAbi.StringCapacity];
    public fixed ushort Units[BridgeAbi.StringCapacity];
    public fixed byte StringId[BridgeAbi.IdCapacity];
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmSetup
{
    public double SampleRate;
    public int MaxBlockSize;
    public int SampleSize;
    public int ProcessMode;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmTransport
{
    public uint Flags;
    public int TimeSigNumerator;
    public int TimeSigDenominator;
    public int Reserved;
    public double SampleRate;
    public double Tempo;
    public double ProjectTimeMusic;
    public double BarPositionMusic;
    public double CycleStartMusic;
    public double CycleEndMusic;
    public long ProjectTimeSamples;
    public long ContinuousTimeSamples;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmEvent
{
    public int SampleOffset;
    public short Kind;
    public short Channel;
    public short Key;
    public short BusIndex;
    public float Value;
    public float Tuning;
    public int NoteId;
    public int Length;
    public int Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct SmParamPoint
{
    public uint Id;
    public int SampleOffset;
    public double Normalized;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmAudioBus
{
    public int ChannelCount;
    public int Active;
    public void** Channels;
    public ulong SilenceFlags;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmProcessBlock
{
    public int NumSamples;
    public int SampleSize;
    public int ProcessMode;
    public int OutputBusCount;
    public SmAudioBus* Outputs;
    public SmEvent* Events;
    public int EventCount;
    public int ParamPointCount;
    public SmParamPoint* ParamPoints;
    public SmEvent* OutEvents;
    public int OutEventCapacity;
    public int OutEventCount;
    public SmTransport Transport;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SmApi
{
    public uint StructSize;
    public uint AbiVersion;

    public delegate* unmanaged[Cdecl]<SmPluginDesc*, int> Describe;
    public delegate* unmanaged[Cdecl]<int> GetParamCount;
    public delegate* unmanaged[Cdecl]<int, SmParamInfo*, int> GetParamInfo;
    public delegate* unmanaged[Cdecl]<uint, double, ushort*, int, int> ParamToText;
    public delegate* unmanaged[Cdecl]<uint, ushort*, double*, int> ParamFromText;
    public delegate* unmanaged[Cdecl]<uint, double, double> ParamToPlain;
    public delegate* unmanaged[Cdecl]<uint, double, double> ParamToNormalized;

    public delegate* unmanaged[Cdecl]<nint*, int> ProcessorCreate;
    public delegate* unmanaged[Cdecl]<nint, void> ProcessorDestroy;
    public delegate* unmanaged[Cdecl]<nint, SmSetup*, int> ProcessorSetup;
    public delegate* unmanaged[Cdecl]<nint, int, int> ProcessorSetActive;
    public delegate* unmanaged[Cdecl]<nint, int, int> ProcessorSetProcessing;

    public delegate* unmanaged[Cdecl]<nint, SmProcessBlock*, int> ProcessorProcess;

    public delegate* unmanaged[Cdecl]<nint, byte*, long, long> ProcessorSaveState;
    public delegate* unmanaged[Cdecl]<nint, byte*, long, ushort*, int, int> ProcessorLoadState;

    public delegate* unmanaged[Cdecl]<byte*, long, double*, int, ushort*, int, int> StateToNormalized;

    public delegate* unmanaged[Cdecl]<ushort*, void> Log;

    public delegate* unmanaged[Cdecl]<nint, int, ushort*, ushort*, int, int> ProcessorSetPartSoundFont;
    public delegate* unmanaged[Cdecl]<nint, ushort*, int, int> ProcessorGetStatus;

    public delegate* unmanaged[Cdecl]<nint, ushort*, ushort*, int, int> ProcessorSetChart;

    public delegate* unmanaged[Cdecl]<nint, SmEditorFrame*, long, ushort*, int, int*, int> ProcessorEditorFrame;

    public delegate* unmanaged[Cdecl]<SmEditorHost*, SmEditorInfo*, nint*, int> EditorCreate;
    public delegate* unmanaged[Cdecl]<nint, void> EditorDestroy;
    public delegate* unmanaged[Cdecl]<nint, SmEditorFrame*, ushort*, int> EditorSetFrame;
    public delegate* unmanaged[Cdecl]<nint, byte*, int, int, int, float, int, int, int> EditorRender;
    public delegate* unmanaged[Cdecl]<nint, int, float, float, float, int> EditorPointer;
    public delegate* unmanaged[Cdecl]<nint, int, uint, int> EditorKey;
    public delegate* unmanaged[Cdecl]<nint, int> EditorState;
    public delegate* unmanaged[Cdecl]<nint, byte*, int, int> EditorDescribeLayout;
}
