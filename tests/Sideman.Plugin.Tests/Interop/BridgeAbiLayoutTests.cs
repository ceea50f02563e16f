using System.Text.RegularExpressions;
using Sideman.Engine.Parameters;
using Sideman.Engine.Processing;
using Sideman.Music.Midi;
using Sideman.Music.Time;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>
/// Every mirrored struct has the size and field offsets of native/include/sideman/bridge_abi.h on
/// 64-bit (numbers written out from the header by hand), and the engine's view structs are exact
/// layout twins of the ABI structs the interop layer reinterprets.
/// </summary>
public unsafe class BridgeAbiLayoutTests
{
    private static long Offset<T>(T* basePointer, void* field) where T : unmanaged => (byte*)field - (byte*)basePointer;

    [Fact]
    public void SmBusInfo_layout()
    {
        SmBusInfo s = default;
        Assert.Equal(264, sizeof(SmBusInfo));
        Assert.Equal(0, Offset(&s, &s.ChannelCount));
        Assert.Equal(4, Offset(&s, &s.Kind));
        Assert.Equal(8, Offset(&s, s.Name));
    }

    [Fact]
    public void SmPluginDesc_layout()
    {
        SmPluginDesc s = default;
        Assert.Equal(4768, sizeof(SmPluginDesc));
        Assert.Equal(0, Offset(&s, &s.AudioOutputBusCount));
        Assert.Equal(4, Offset(&s, &s.AudioInputBusCount));
        Assert.Equal(8, Offset(&s, &s.EventInputBusCount));
        Assert.Equal(12, Offset(&s, &s.EventOutputBusCount));
        Assert.Equal(16, Offset(&s, &s.SupportsDoublePrecision));
        Assert.Equal(20, Offset(&s, &s.LatencySamples));
        Assert.Equal(24, Offset(&s, &s.TailSamples));
        Assert.Equal(28, Offset(&s, &s.Reserved));
        Assert.Equal(32, Offset(&s, &s.AudioOutputs));
        Assert.Equal(32 + 264, Offset(&s, &s.AudioOutputs[1]));
        Assert.Equal(4256, Offset(&s, s.EventInputName));
        Assert.Equal(4512, Offset(&s, s.EventOutputName));
    }

    [Fact]
    public void SmParamInfo_layout()
    {
        SmParamInfo s = default;
        Assert.Equal(856, sizeof(SmParamInfo));
        Assert.Equal(0, Offset(&s, &s.Id));
        Assert.Equal(4, Offset(&s, &s.StepCount));
        Assert.Equal(8, Offset(&s, &s.DefaultNormalized));
        Assert.Equal(16, Offset(&s, &s.Flags));
        Assert.Equal(20, Offset(&s, &s.MidiController));
        Assert.Equal(24, Offset(&s, s.Title));
        Assert.Equal(280, Offset(&s, s.ShortTitle));
        Assert.Equal(536, Offset(&s, s.Units));
        Assert.Equal(792, Offset(&s, s.StringId));
    }

    [Fact]
    public void SmSetup_layout()
    {
        SmSetup s = default;
        Assert.Equal(24, sizeof(SmSetup));
        Assert.Equal(0, Offset(&s, &s.SampleRate));
        Assert.Equal(8, Offset(&s, &s.MaxBlockSize));
        Assert.Equal(12, Offset(&s, &s.SampleSize));
        Assert.Equal(16, Offset(&s, &s.ProcessMode));
        Assert.Equal(20, Offset(&s, &s.Reserved));
    }

    [Fact]
    public void SmTransport_layout()
    {
        SmTransport s = default;
        Assert.Equal(80, sizeof(SmTransport));
        Assert.Equal(0, Offset(&s, &s.Flags));
        Assert.Equal(4, Offset(&s, &s.TimeSigNumerator));
        Assert.Equal(8, Offset(&s, &s.TimeSigDenominator));
        Assert.Equal(12, Offset(&s, &s.Reserved));
        Assert.Equal(16, Offset(&s, &s.SampleRate));
        Assert.Equal(24, Offset(&s, &s.Tempo));
        Assert.Equal(32, Offset(&s, &s.ProjectTimeMusic));
        Assert.Equal(40, Offset(&s, &s.BarPositionMusic));
        Assert.Equal(48, Offset(&s, &s.CycleStartMusic));
        Assert.Equal(56, Offset(&s, &s.CycleEndMusic));
        Assert.Equal(64, Offset(&s, &s.ProjectTimeSamples));
        Assert.Equal(72, Offset(&s, &s.ContinuousTimeSamples));
    }

    [Fact]
    public void SmEvent_layout()
    {
        SmEvent s = default;
        Assert.Equal(32, sizeof(SmEvent));
        Assert.Equal(0, Offset(&s, &s.SampleOffset));
        Assert.Equal(4, Offset(&s, &s.Kind));
        Assert.Equal(6, Offset(&s, &s.Channel));
        Assert.Equal(8, Offset(&s, &s.Key));
        Assert.Equal(10, Offset(&s, &s.BusIndex));
        Assert.Equal(12, Offset(&s, &s.Value));
        Assert.Equal(16, Offset(&s, &s.Tuning));
        Assert.Equal(20, Offset(&s, &s.NoteId));
        Assert.Equal(24, Offset(&s, &s.Length));
        Assert.Equal(28, Offset(&s, &s.Reserved));
    }

    [Fact]
    public void SmParamPoint_layout()
    {
        SmParamPoint s = default;
        Assert.Equal(16, sizeof(SmParamPoint));
        Assert.Equal(0, Offset(&s, &s.Id));
        Assert.Equal(4, Offset(&s, &s.SampleOffset));
        Assert.Equal(8, Offset(&s, &s.Normalized));
    }

    [Fact]
    public void SmAudioBus_layout()
    {
        SmAudioBus s = default;
        Assert.Equal(24, sizeof(SmAudioBus));
        Assert.Equal(0, Offset(&s, &s.ChannelCount));
        Assert.Equal(4, Offset(&s, &s.Active));
        Assert.Equal(8, Offset(&s, &s.Channels));
        Assert.Equal(16, Offset(&s, &s.SilenceFlags));
    }

    [Fact]
    public void SmProcessBlock_layout()
    {
        SmProcessBlock s = default;
        Assert.Equal(144, sizeof(SmProcessBlock));
        Assert.Equal(0, Offset(&s, &s.NumSamples));
        Assert.Equal(4, Offset(&s, &s.SampleSize));
        Assert.Equal(8, Offset(&s, &s.ProcessMode));
        Assert.Equal(12, Offset(&s, &s.OutputBusCount));
        Assert.Equal(16, Offset(&s, &s.Outputs));
        Assert.Equal(24, Offset(&s, &s.Events));
        Assert.Equal(32, Offset(&s, &s.EventCount));
        Assert.Equal(36, Offset(&s, &s.ParamPointCount));
        Assert.Equal(40, Offset(&s, &s.ParamPoints));
        Assert.Equal(48, Offset(&s, &s.OutEvents));
        Assert.Equal(56, Offset(&s, &s.OutEventCapacity));
        Assert.Equal(60, Offset(&s, &s.OutEventCount));
        Assert.Equal(64, Offset(&s, &s.Transport));
    }

    [Fact]
    public void SmApi_layout_has_every_function_in_header_order()
    {
        SmApi s = default;
        Assert.Equal(240, sizeof(SmApi));
        Assert.Equal(0, Offset(&s, &s.StructSize));
        Assert.Equal(4, Offset(&s, &s.AbiVersion));
        Assert.Equal(8, Offset(&s, &s.Describe));
        Assert.Equal(16, Offset(&s, &s.GetParamCount));
        Assert.Equal(24, Offset(&s, &s.GetParamInfo));
        Assert.Equal(32, Offset(&s, &s.ParamToText));
        Assert.Equal(40, Offset(&s, &s.ParamFromText));
        Assert.Equal(48, Offset(&s, &s.ParamToPlain));
        Assert.Equal(56, Offset(&s, &s.ParamToNormalized));
        Assert.Equal(64, Offset(&s, &s.ProcessorCreate));
        Assert.Equal(72, Offset(&s, &s.ProcessorDestroy));
        Assert.Equal(80, Offset(&s, &s.ProcessorSetup));
        Assert.Equal(88, Offset(&s, &s.ProcessorSetActive));
        Assert.Equal(96, Offset(&s, &s.ProcessorSetProcessing));
        Assert.Equal(104, Offset(&s, &s.ProcessorProcess));
        Assert.Equal(112, Offset(&s, &s.ProcessorSaveState));
        Assert.Equal(120, Offset(&s, &s.ProcessorLoadState));
        Assert.Equal(128, Offset(&s, &s.StateToNormalized));
        Assert.Equal(136, Offset(&s, &s.Log));
        Assert.Equal(144, Offset(&s, &s.ProcessorSetPartSoundFont));
        Assert.Equal(152, Offset(&s, &s.ProcessorGetStatus));
        Assert.Equal(160, Offset(&s, &s.ProcessorSetChart));
        Assert.Equal(168, Offset(&s, &s.ProcessorEditorFrame));
        Assert.Equal(176, Offset(&s, &s.EditorCreate));
        Assert.Equal(184, Offset(&s, &s.EditorDestroy));
        Assert.Equal(192, Offset(&s, &s.EditorSetFrame));
        Assert.Equal(200, Offset(&s, &s.EditorRender));
        Assert.Equal(208, Offset(&s, &s.EditorPointer));
        Assert.Equal(216, Offset(&s, &s.EditorKey));
        Assert.Equal(224, Offset(&s, &s.EditorState));
        Assert.Equal(232, Offset(&s, &s.EditorDescribeLayout));
    }

    [Fact]
    public void Editor_frame_layout_matches_the_header()
    {
        SmEditorFrame f = default;
        Assert.Equal(8, sizeof(SmChord));
        Assert.Equal(16, sizeof(SmRollNote));
        Assert.Equal(16, sizeof(SmEditorInfo));
        Assert.Equal(56, sizeof(SmEditorHost));
        Assert.Equal(39704, sizeof(SmEditorFrame));
        Assert.Equal(0, Offset(&f, &f.Playing));
        Assert.Equal(4, Offset(&f, &f.BeatsPerBar));
        Assert.Equal(8, Offset(&f, &f.PlayheadBar));
        Assert.Equal(16, Offset(&f, &f.PlayheadBeat));
        Assert.Equal(24, Offset(&f, &f.ChordNow));
        Assert.Equal(32, Offset(&f, &f.NextChordCount));
        Assert.Equal(40, Offset(&f, &f.NextChords));
        Assert.Equal(104, Offset(&f, &f.GuardBarsChecked));
        Assert.Equal(112, Offset(&f, &f.GuardCopiesRejected));
        Assert.Equal(120, Offset(&f, &f.ChartRevision));
        Assert.Equal(128, Offset(&f, &f.NoteCounts));
        Assert.Equal(152, Offset(&f, &f.Notes));
        Assert.Equal(30872, Offset(&f, &f.SoundNames));
        Assert.Equal(31512, Offset(&f, &f.Status));
        SmEditorHost h = default;
        Assert.Equal(8, Offset(&h, &h.BeginEdit));
        Assert.Equal(32, Offset(&h, &h.GetParam));
        Assert.Equal(48, Offset(&h, &h.SetPartSoundFont));
    }

    [Fact]
    public void Header_static_asserts_and_version_match_the_mirror()
    {
        string header = File.ReadAllText(RepositoryFiles.Path("native/include/sideman/bridge_abi.h"));
        var asserted = Regex.Matches(header, @"static_assert\(sizeof\((\w+)\) == (\d+)")
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var mirror = new Dictionary<string, int>
        {
            ["SmBusInfo"] = sizeof(SmBusInfo),
            ["SmParamInfo"] = sizeof(SmParamInfo),
            ["SmSetup"] = sizeof(SmSetup),
            ["SmTransport"] = sizeof(SmTransport),
            ["SmEvent"] = sizeof(SmEvent),
            ["SmParamPoint"] = sizeof(SmParamPoint),
            ["SmAudioBus"] = sizeof(SmAudioBus),
            ["SmProcessBlock"] = sizeof(SmProcessBlock),
            ["SmChord"] = sizeof(SmChord),
            ["SmRollNote"] = sizeof(SmRollNote),
            ["SmEditorFrame"] = sizeof(SmEditorFrame),
            ["SmEditorInfo"] = sizeof(SmEditorInfo),
            ["SmEditorHost"] = sizeof(SmEditorHost),
        };
        Assert.NotEmpty(asserted);
        foreach ((string name, int size) in asserted)
            Assert.True(mirror.TryGetValue(name, out int ours) && ours == size, $"{name}: header {size}, mirror {ours}");
        Assert.Matches(@"#define SM_ABI_VERSION " + BridgeAbi.AbiVersion + "u", header);
        // Function table order in the header is the order of the C# fields.
        int tableStart = header.IndexOf("typedef struct SmApi", StringComparison.Ordinal);
        int tableEnd = header.IndexOf("} SmApi;", tableStart, StringComparison.Ordinal);
        string[] functions = Regex.Matches(header[tableStart..tableEnd], @"\(\*(\w+)\)")
            .Select(m => m.Groups[1].Value).ToArray();
        string[] fields = typeof(SmApi).GetFields().Skip(2).Select(f => char.ToLowerInvariant(f.Name[0]) + f.Name[1..]).ToArray();
        Assert.Equal(functions, fields);
    }

    [Fact]
    public void Engine_event_is_a_layout_twin_of_SmEvent()
    {
        Assert.Equal(sizeof(SmEvent), sizeof(MidiEvent));
        var native = new SmEvent { SampleOffset = 11, Kind = BridgeAbi.EventNoteOff, Channel = 5, Key = 77, BusIndex = 1, Value = 0.25f, Tuning = -3.5f, NoteId = 42, Length = 999 };
        MidiEvent view = *(MidiEvent*)&native;
        Assert.Equal(11, view.SampleOffset);
        Assert.Equal(MidiEventKind.NoteOff, view.Kind);
        Assert.Equal(5, view.Channel);
        Assert.Equal(77, view.Key);
        Assert.Equal(1, view.Port);
        Assert.Equal(0.25f, view.Value);
        Assert.Equal(-3.5f, view.Tuning);
        Assert.Equal(42, view.NoteId);
        Assert.Equal(999, view.Length);
    }

    [Fact]
    public void Engine_parameter_point_is_a_layout_twin_of_SmParamPoint()
    {
        Assert.Equal(sizeof(SmParamPoint), sizeof(ParameterPoint));
        var native = new SmParamPoint { Id = 0x7654321, SampleOffset = 99, Normalized = 0.125 };
        ParameterPoint view = *(ParameterPoint*)&native;
        Assert.Equal(new ParameterPoint(0x7654321, 99, 0.125), view);
    }

    [Fact]
    public void Engine_output_bus_is_a_layout_twin_of_SmAudioBus()
    {
        Assert.Equal(sizeof(SmAudioBus), sizeof(OutputBus));
        void* channels = (void*)0x1234;
        var native = new SmAudioBus { ChannelCount = 2, Active = 1, Channels = (void**)channels, SilenceFlags = 0 };
        ref OutputBus view = ref *(OutputBus*)&native;
        Assert.Equal(2, view.ChannelCount);
        Assert.True(view.IsActive);
        Assert.True(view.Channels == channels);
        view.SilenceFlags = 3;
        Assert.Equal(3UL, native.SilenceFlags);
    }

    [Fact]
    public void Engine_transport_is_a_layout_twin_of_SmTransport()
    {
        Assert.Equal(sizeof(SmTransport), sizeof(TransportInfo));
        var native = new SmTransport
        {
            Flags = BridgeAbi.TransportPlaying | BridgeAbi.TransportCycleValid | BridgeAbi.TransportPresent,
            TimeSigNumerator = 7, TimeSigDenominator = 8, SampleRate = 44100, Tempo = 133, ProjectTimeMusic = 17.5,
            BarPositionMusic = 14, CycleStartMusic = 8, CycleEndMusic = 24, ProjectTimeSamples = 123456789, ContinuousTimeSamples = 987654321,
        };
        TransportInfo view = *(TransportInfo*)&native;
        Assert.Equal(TransportFlags.Playing | TransportFlags.CycleValid | TransportFlags.Present, view.Flags);
        Assert.Equal(7, view.TimeSignatureNumerator);
        Assert.Equal(8, view.TimeSignatureDenominator);
        Assert.Equal(44100, view.SampleRate);
        Assert.Equal(133, view.Tempo);
        Assert.Equal(17.5, view.ProjectTimeMusic);
        Assert.Equal(14, view.BarPositionMusic);
        Assert.Equal(8, view.CycleStartMusic);
        Assert.Equal(24, view.CycleEndMusic);
        Assert.Equal(123456789, view.ProjectTimeSamples);
        Assert.Equal(987654321, view.ContinuousTimeSamples);
    }

    [Fact]
    public void Engine_enums_match_the_abi_constants()
    {
        Assert.Equal(BridgeAbi.EventNoteOn, (short)MidiEventKind.NoteOn);
        Assert.Equal(BridgeAbi.EventNoteOff, (short)MidiEventKind.NoteOff);
        Assert.Equal(BridgeAbi.EventPolyPressure, (short)MidiEventKind.PolyPressure);
        Assert.Equal(BridgeAbi.EventController, (short)MidiEventKind.Controller);
        Assert.Equal(BridgeAbi.MidiPitchBend, MidiControllers.PitchBend);
        Assert.Equal(BridgeAbi.MidiChannelPressure, MidiControllers.ChannelPressure);
        Assert.Equal(BridgeAbi.Sample32, (int)SampleFormat.Float32);
        Assert.Equal(BridgeAbi.Sample64, (int)SampleFormat.Float64);
        Assert.Equal(BridgeAbi.ModeOffline, (int)ProcessMode.Offline);
        Assert.Equal(BridgeAbi.ParamCanAutomate, (int)ParameterFlags.Automatable);
        Assert.Equal(BridgeAbi.ParamReadOnly, (int)ParameterFlags.ReadOnly);
        Assert.Equal(BridgeAbi.ParamIsList, (int)ParameterFlags.List);
        Assert.Equal(BridgeAbi.ParamIsHidden, (int)ParameterFlags.Hidden);
        Assert.Equal(BridgeAbi.ParamIsBypass, (int)ParameterFlags.Bypass);
        uint[] abi = [BridgeAbi.TransportPlaying, BridgeAbi.TransportRecording, BridgeAbi.TransportCycleActive, BridgeAbi.TransportTempoValid,
            BridgeAbi.TransportTimeSigValid, BridgeAbi.TransportProjectTimeMusicValid, BridgeAbi.TransportBarPositionValid,
            BridgeAbi.TransportCycleValid, BridgeAbi.TransportContinuousTimeValid, BridgeAbi.TransportPresent];
        TransportFlags[] ours = [TransportFlags.Playing, TransportFlags.Recording, TransportFlags.CycleActive, TransportFlags.TempoValid,
            TransportFlags.TimeSignatureValid, TransportFlags.ProjectTimeMusicValid, TransportFlags.BarPositionValid,
            TransportFlags.CycleValid, TransportFlags.ContinuousTimeValid, TransportFlags.Present];
        Assert.Equal(abi, ours.Select(f => (uint)f).ToArray());
    }
}
