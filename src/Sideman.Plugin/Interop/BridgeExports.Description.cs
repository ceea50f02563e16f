using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Parameters;

namespace Sideman.Plugin.Interop;

// [any] The plugin's static description and parameter conversions.
public static unsafe partial class BridgeExports
{
    /// <summary>ABI parameter flags are the low bits of ours; the rest (NotPersisted) stay managed.</summary>
    private const int AbiParamFlagMask = 0x1F;

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int Describe(SmPluginDesc* desc)
    {
        try
        {
            if (desc == null)
                return BridgeAbi.InvalidArgument;
            *desc = default;
            IReadOnlyList<BusDeclaration> buses = SidemanPlugin.AudioOutputs;
            desc->AudioOutputBusCount = buses.Count;
            desc->AudioInputBusCount = 0;
            desc->EventInputBusCount = 1;
            desc->EventOutputBusCount = 1;
            desc->SupportsDoublePrecision = SidemanPlugin.SupportsDoublePrecision ? 1 : 0;
            desc->LatencySamples = SidemanPlugin.LatencySamples;
            desc->TailSamples = SidemanPlugin.TailSamples;
            for (int i = 0; i < buses.Count && i < BridgeAbi.MaxBuses; i++)
            {
                ref SmBusInfo info = ref desc->AudioOutputs[i];
                info.ChannelCount = buses[i].ChannelCount;
                info.Kind = buses[i].IsMain ? BridgeAbi.BusMain : BridgeAbi.BusAux;
                fixed (ushort* name = info.Name)
                    Utf16Text.Write(buses[i].Name, name, BridgeAbi.StringCapacity);
            }
            Utf16Text.Write(SidemanPlugin.EventInputName, desc->EventInputName, BridgeAbi.StringCapacity);
            Utf16Text.Write(SidemanPlugin.EventOutputName, desc->EventOutputName, BridgeAbi.StringCapacity);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(Describe), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int GetParamCount()
    {
        try
        {
            return SidemanPlugin.Parameters.Count;
        }
        catch (Exception ex)
        {
            Fail(nameof(GetParamCount), ex);
            return 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int GetParamInfo(int index, SmParamInfo* info)
    {
        try
        {
            ParameterSet parameters = SidemanPlugin.Parameters;
            if (info == null || (uint)index >= (uint)parameters.Count)
                return BridgeAbi.InvalidArgument;
            ParameterDefinition d = parameters[index];
            *info = default;
            info->Id = d.Id;
            info->StepCount = d.StepCount;
            info->DefaultNormalized = d.DefaultNormalized;
            info->Flags = (int)d.Flags & AbiParamFlagMask;
            info->MidiController = d.MidiController;
            Utf16Text.Write(d.Title, info->Title, BridgeAbi.StringCapacity);
            Utf16Text.Write(d.ShortTitle, info->ShortTitle, BridgeAbi.StringCapacity);
            Utf16Text.Write(d.Units, info->Units, BridgeAbi.StringCapacity);
            Utf16Text.WriteAscii(d.StringId, info->StringId, BridgeAbi.IdCapacity);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(GetParamInfo), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ParamToText(uint id, double normalized, ushort* text, int capacity)
    {
        try
        {
            ParameterDefinition? d = SidemanPlugin.Parameters.Find(id);
            if (d is null || text == null || capacity <= 0)
                return BridgeAbi.InvalidArgument;
            Utf16Text.Write(d.FormatNormalized(normalized), text, capacity);
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ParamToText), ex);
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static int ParamFromText(uint id, ushort* text, double* normalized)
    {
        try
        {
            ParameterDefinition? d = SidemanPlugin.Parameters.Find(id);
            if (d is null || text == null || normalized == null)
                return BridgeAbi.InvalidArgument;
            if (!d.TryParseNormalized(Utf16Text.Read(text), out double value))
                return BridgeAbi.False;
            *normalized = value;
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail(nameof(ParamFromText), ex);
        }
    }

    /// <summary>Unknown ids map to themselves: the bridge has no error channel here.</summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static double ParamToPlain(uint id, double normalized)
    {
        try
        {
            ParameterDefinition? d = SidemanPlugin.Parameters.Find(id);
            return d is null ? normalized : d.ToPlain(normalized);
        }
        catch (Exception ex)
        {
            Fail(nameof(ParamToPlain), ex);
            return normalized;
        }
    }

    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    private static double ParamToNormalized(uint id, double plain)
    {
        try
        {
            ParameterDefinition? d = SidemanPlugin.Parameters.Find(id);
            return d is null ? plain : d.ToNormalized(plain);
        }
        catch (Exception ex)
        {
            Fail(nameof(ParamToNormalized), ex);
            return plain;
        }
    }
}
