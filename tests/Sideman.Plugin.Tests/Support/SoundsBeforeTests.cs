using System.Runtime.CompilerServices;
using Sideman.Tests.Shared;

namespace Sideman.Plugin.Tests.Support;

/// <summary>
/// Builds the bundled sounds into the output folder before any test creates a processor, so every
/// processor finds them beside the plugin assembly as in the real bundle. A failure here is not
/// swallowed for good: the tests that need the sounds call <see cref="BundledSounds.EnsureBuilt"/>
/// themselves and fail with its message.
/// </summary>
internal static class SoundsBeforeTests
{
    [ModuleInitializer]
    internal static void Build()
    {
        try
        {
            BundledSounds.EnsureBuilt();
        }
        catch (InvalidOperationException)
        {
            // Reported by the tests that need the sounds.
        }
    }
}
