using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sideman.Engine.Diagnostics;

namespace Sideman.Plugin.Interop;

/// <summary>
/// The managed side of the flat C ABI (native/include/sideman/bridge_abi.h). The bridge binds only
/// <see cref="GetApi"/>, which fills the function table; every function catches every exception and
/// answers with a status code, because an exception crossing into the host would kill it.
/// </summary>
public static unsafe partial class BridgeExports
{
    private static int _announced;

    /// <summary>[main] Fills the table. The caller sets api->structSize to its sizeof(SmApi).</summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
    public static int GetApi(nint apiPointer)
    {
        try
        {
            var api = (SmApi*)apiPointer;
            if (api == null)
                return BridgeAbi.InvalidArgument;
            if (api->StructSize < (uint)sizeof(SmApi))
            {
                SidemanLog.Shared.Error("bridge", $"The bridge's SmApi is {api->StructSize} bytes, this plugin needs {sizeof(SmApi)}: bridge and managed plugin are from different builds. Reinstall Sideman.");
                return BridgeAbi.InvalidArgument;
            }
            Fill(api);
            if (Interlocked.Exchange(ref _announced, 1) == 0)
                SidemanLog.Shared.Info("bridge", $"Sideman {SidemanPlugin.Version} managed plugin loaded: ABI {BridgeAbi.AbiVersion}, .NET {Environment.Version}, {RuntimeInformation.RuntimeIdentifier}, {SidemanPlugin.Parameters.Count} parameters.");
            return BridgeAbi.Ok;
        }
        catch (Exception ex)
        {
            return Fail("GetApi", ex);
        }
    }

    /// <summary>Fills the table; also used by tests to get the same function pointers the bridge gets.</summary>
    internal static void Fill(SmApi* api)
    {
        api->AbiVersion = BridgeAbi.AbiVersion;
        api->Describe = &Describe;
        api->GetParamCount = &GetParamCount;
        api->GetParamInfo = &GetParamInfo;
        api->ParamToText = &ParamToText;
        api->ParamFromText = &ParamFromText;
        api->ParamToPlain = &ParamToPlain;
        api->ParamToNormalized = &ParamToNormalized;
        api->ProcessorCreate = &ProcessorCreate;
        api->ProcessorDestroy = &ProcessorDestroy;
        api->ProcessorSetup = &ProcessorSetup;
        api->ProcessorSetActive = &ProcessorSetActive;
        api->ProcessorSetProcessing = &ProcessorSetProcessing;
        api->ProcessorProcess = &ProcessorProcess;
        api->ProcessorSaveState = &ProcessorSaveState;
        api->ProcessorLoadState = &ProcessorLoadState;
        api->StateToNormalized = &StateToNormalized;
        api->Log = &Log;
        api->ProcessorSetPartSoundFont = &ProcessorSetPartSoundFont;
        api->ProcessorGetStatus = &ProcessorGetStatus;
        api->ProcessorSetChart = &ProcessorSetChart;
        api->ProcessorEditorFrame = &ProcessorEditorFrame;
        api->EditorCreate = &EditorCreate;
        api->EditorDestroy = &EditorDestroy;
        api->EditorSetFrame = &EditorSetFrame;
        api->EditorRender = &EditorRender;
        api->EditorPointer = &EditorPointer;
        api->EditorKey = &EditorKey;
        api->EditorState = &EditorState;
        api->EditorDescribeLayout = &EditorDescribeLayout;
    }

    /// <summary>[main] Log a failure and turn it into a status code.</summary>
    private static int Fail(string function, Exception exception)
    {
        try
        {
            SidemanLog.Shared.Error("bridge", $"{function} failed", exception);
        }
        catch
        {
            // Logging must never be the thing that crashes the host.
        }
        return BridgeAbi.Error;
    }
}
