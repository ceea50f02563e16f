using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Plugin.Interop;
using Sideman.Plugin.Tests.Support;

namespace Sideman.Plugin.Tests.Interop;

/// <summary>The exported functions, called through the very pointers GetApi hands the bridge.</summary>
public unsafe class BridgeExportsTests
{
    [Fact]
    public void GetApi_fills_every_function_and_the_abi_version()
    {
        Assert.Equal(BridgeAbi.Ok, ExportedApi.Load(out SmApi api));
        Assert.Equal(4u, api.AbiVersion);
        var pointers = new nint[]
        {
            (nint)api.Describe, (nint)api.GetParamCount, (nint)api.GetParamInfo, (nint)api.ParamToText, (nint)api.ParamFromText,
            (nint)api.ParamToPlain, (nint)api.ParamToNormalized, (nint)api.ProcessorCreate, (nint)api.ProcessorDestroy,
            (nint)api.ProcessorSetup, (nint)api.ProcessorSetActive, (nint)api.ProcessorSetProcessing, (nint)api.ProcessorProcess,
            (nint)api.ProcessorSaveState, (nint)api.ProcessorLoadState, (nint)api.StateToNormalized, (nint)api.Log,
            (nint)api.ProcessorSetPartSoundFont, (nint)api.ProcessorGetStatus, (nint)api.ProcessorSetChart,
            (nint)api.ProcessorEditorFrame, (nint)api.EditorCreate, (nint)api.EditorDestroy, (nint)api.EditorSetFrame,
            (nint)api.EditorRender, (nint)api.EditorPointer, (nint)api.EditorKey, (nint)api.EditorState, (nint)api.EditorDescribeLayout,
        };
        Assert.All(pointers, p => Assert.NotEqual(0, p));
        Assert.Equal(pointers.Length, pointers.Distinct().Count());
    }

    [Fact]
    public void GetApi_refuses_a_smaller_table_and_a_null_pointer()
    {
        Assert.Equal(BridgeAbi.InvalidArgument, ExportedApi.Load(out SmApi api, structSize: 64));
        Assert.True(api.Describe == null);
        delegate* unmanaged[Cdecl]<nint, int> getApi = &BridgeExports.GetApi;
        Assert.Equal(BridgeAbi.InvalidArgument, getApi(0));
    }

    [Fact]
    public void Describe_reports_buses_and_capabilities()
    {
        SmApi api = ExportedApi.Table;
        SmPluginDesc desc;
        Assert.Equal(BridgeAbi.Ok, api.Describe(&desc));
        Assert.Equal(6, desc.AudioOutputBusCount);
        Assert.Equal(0, desc.AudioInputBusCount);
        Assert.Equal(1, desc.EventInputBusCount);
        Assert.Equal(1, desc.EventOutputBusCount);
        Assert.Equal(1, desc.SupportsDoublePrecision);
        Assert.Equal(-1, desc.TailSamples);
        string[] names = ["Main", "Drums", "Bass", "Keys", "Pad", "Arp"];
        for (int i = 0; i < names.Length; i++)
        {
            SmBusInfo bus = desc.AudioOutputs[i];
            Assert.Equal(names[i], ExportedApi.Text(bus.Name));
            Assert.Equal(2, bus.ChannelCount);
            Assert.Equal(i == 0 ? BridgeAbi.BusMain : BridgeAbi.BusAux, bus.Kind);
        }
        Assert.Equal("MIDI In", ExportedApi.Text(desc.EventInputName));
        Assert.Equal("MIDI Out", ExportedApi.Text(desc.EventOutputName));
        Assert.Equal(BridgeAbi.InvalidArgument, api.Describe(null));
    }

    [Fact]
    public void Parameter_info_matches_the_declarations()
    {
        SmApi api = ExportedApi.Table;
        Assert.Equal(EngineParameters.All.Count, api.GetParamCount());
        for (int i = 0; i < EngineParameters.All.Count; i++)
        {
            ParameterDefinition d = EngineParameters.All[i];
            SmParamInfo info;
            Assert.Equal(BridgeAbi.Ok, api.GetParamInfo(i, &info));
            Assert.Equal(d.Id, info.Id);
            Assert.Equal(d.StringId, new string((sbyte*)info.StringId));
            Assert.Equal(d.Title, ExportedApi.Text(info.Title));
            Assert.Equal(d.ShortTitle, ExportedApi.Text(info.ShortTitle));
            Assert.Equal(d.Units, ExportedApi.Text(info.Units));
            Assert.Equal(d.StepCount, info.StepCount);
            Assert.Equal(d.DefaultNormalized, info.DefaultNormalized);
            Assert.Equal(d.MidiController, info.MidiController);
            Assert.Equal((int)d.Flags & 0x1F, info.Flags);
        }
        SmParamInfo unused;
        Assert.Equal(BridgeAbi.InvalidArgument, api.GetParamInfo(-1, &unused));
        Assert.Equal(BridgeAbi.InvalidArgument, api.GetParamInfo(EngineParameters.All.Count, &unused));
    }

    [Fact]
    public void Hidden_controller_targets_carry_the_hidden_flag_and_controller_through_the_abi()
    {
        SmApi api = ExportedApi.Table;
        SmParamInfo info;
        api.GetParamInfo(EngineParameters.PitchBend.Index, &info);
        Assert.Equal(BridgeAbi.MidiPitchBend, info.MidiController);
        Assert.Equal(BridgeAbi.ParamIsHidden | BridgeAbi.ParamCanAutomate, info.Flags);
    }

    [Fact]
    public void Text_conversion_works_both_ways_through_the_abi()
    {
        SmApi api = ExportedApi.Table;
        uint volume = EngineParameters.MasterVolume.Id;
        ushort* text = stackalloc ushort[128];
        Assert.Equal(BridgeAbi.Ok, api.ParamToText(volume, 0, text, 128));
        Assert.Equal("-inf", ExportedApi.Text(text));
        Assert.Equal(BridgeAbi.Ok, api.ParamToText(volume, EngineParameters.MasterVolume.ToNormalized(-12.5), text, 128));
        Assert.Equal("-12.5", ExportedApi.Text(text));

        double normalized = -1;
        fixed (char* input = "-12.5 dB")
            Assert.Equal(BridgeAbi.Ok, api.ParamFromText(volume, (ushort*)input, &normalized));
        Assert.Equal(-12.5, EngineParameters.MasterVolume.ToPlain(normalized), 9);
        Assert.Equal(-12.5, api.ParamToPlain(volume, normalized), 9);
        Assert.Equal(normalized, api.ParamToNormalized(volume, -12.5), 12);

        normalized = 0.123;
        fixed (char* input = "very loud")
            Assert.Equal(BridgeAbi.False, api.ParamFromText(volume, (ushort*)input, &normalized));
        Assert.Equal(0.123, normalized);
    }

    [Fact]
    public void Text_is_truncated_to_the_callers_capacity_and_terminated()
    {
        SmApi api = ExportedApi.Table;
        ushort* text = stackalloc ushort[4];
        text[3] = 0xFFFF;
        Assert.Equal(BridgeAbi.Ok, api.ParamToText(EngineParameters.SynthRelease.Id, 1, text, 3)); // "10000"
        Assert.Equal("10", ExportedApi.Text(text));
        Assert.Equal(0xFFFF, text[3]);
    }

    [Fact]
    public void Unknown_ids_and_null_pointers_are_invalid_arguments()
    {
        SmApi api = ExportedApi.Table;
        ushort* text = stackalloc ushort[16];
        double value;
        Assert.Equal(BridgeAbi.InvalidArgument, api.ParamToText(12345, 0.5, text, 16));
        Assert.Equal(BridgeAbi.InvalidArgument, api.ParamToText(EngineParameters.MasterVolume.Id, 0.5, null, 16));
        Assert.Equal(BridgeAbi.InvalidArgument, api.ParamFromText(12345, text, &value));
        Assert.Equal(BridgeAbi.InvalidArgument, api.ParamFromText(EngineParameters.MasterVolume.Id, null, &value));
        Assert.Equal(0.25, api.ParamToPlain(12345, 0.25));
    }

    [Fact]
    public void Log_lines_from_the_bridge_reach_the_log_file()
    {
        SmApi api = ExportedApi.Table;
        string marker = $"bridge says hello {Guid.NewGuid()}";
        fixed (char* message = marker)
            api.Log((ushort*)message);
        Assert.Contains(marker, TestLog.Read());
        Assert.Contains("[bridge]", TestLog.Read());
    }
}
