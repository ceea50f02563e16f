using Sideman.Plugin.Interop;

namespace Sideman.Plugin.Tests.Support;

/// <summary>The function table exactly as the bridge gets it: through GetApi's exported pointer.</summary>
internal static unsafe class ExportedApi
{
    public static int Load(out SmApi api, uint structSize = 0)
    {
        SmApi table = default;
        table.StructSize = structSize == 0 ? (uint)sizeof(SmApi) : structSize;
        delegate* unmanaged[Cdecl]<nint, int> getApi = &BridgeExports.GetApi;
        int status = getApi((nint)(&table));
        api = table;
        return status;
    }

    public static SmApi Table
    {
        get
        {
            Assert.Equal(BridgeAbi.Ok, Load(out SmApi api));
            return api;
        }
    }

    public static string Text(ushort* buffer) => new((char*)buffer);
}
