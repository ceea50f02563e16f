using System.Diagnostics.CodeAnalysis;
using Sideman.Plugin.Interop;

namespace Sideman.Plugin;

/// <summary>
/// hostfxr needs an application to start the runtime, so the plugin assembly is an Exe. Run
/// directly it prints the plugin description (<c>--describe</c>, JSON) for moduleinfo and debugging.
/// </summary>
internal static class Program
{
    // The bridge finds GetApi by name through hostfxr; root it so trimming keeps it.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods, typeof(BridgeExports))]
    private static int Main(string[] args)
    {
        if (args.Length == 1 && args[0] == "--describe")
        {
            Console.Out.Write(PluginDescription.ToJson());
            return 0;
        }
        Console.Error.WriteLine("Sideman.Plugin is loaded by the Sideman VST3 bridge. Run with --describe to print the plugin description as JSON.");
        return args.Length == 0 ? 0 : 2;
    }
}
