using System.Reflection;
using Sideman.Engine;
using Sideman.Engine.Parameters;
using Sideman.Model.Decoding;
using Sideman.Synth.SoundFont;

namespace Sideman.Plugin;

/// <summary>
/// The plugin as a host sees it, in one place: identity, buses, parameters, latency and tail.
/// The bridge turns this into VST3 (class ids and factory details live in native/).
/// </summary>
public static class SidemanPlugin
{
    public const string Name = "Sideman";
    public const string Vendor = "Sideman";
    public const string Category = "Instrument|Synth";
    public const string EventInputName = "MIDI In";
    public const string EventOutputName = "MIDI Out";
    public const bool SupportsDoublePrecision = true;
    public const int LatencySamples = 0;
    /// <summary>-1 = infinite: the band keeps playing with no input, so hosts must keep calling process.</summary>
    public const int TailSamples = -1;

    public static string Version { get; } =
        typeof(SidemanPlugin).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Audio outputs in order: the main mix, then one stem per part (inactive until the host enables them).</summary>
    public static IReadOnlyList<BusDeclaration> AudioOutputs { get; } =
    [
        new("Main", 2, IsMain: true),
        new("Drums", 2, IsMain: false),
        new("Bass", 2, IsMain: false),
        new("Keys", 2, IsMain: false),
        new("Pad", 2, IsMain: false),
        new("Arp", 2, IsMain: false),
    ];

    public static ParameterSet Parameters => EngineParameters.All;

    /// <summary>
    /// The bundled SoundFont, in the shared resources of the bundle this assembly was loaded from:
    /// <c>Contents/Resources/sounds/sideman-gm.sf2</c> (installer/build-bundle.sh puts it there).
    /// </summary>
    public static string BundledSoundFontPath { get; } =
        Path.Combine(BundleResources.FolderFor(AssemblyFolder()), "sounds", BundledPresets.SoundFontFileName);

    /// <summary>How long the first activation waits for the band's model before it goes on without the band.</summary>
    public static TimeSpan ModelLoadTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long activation waits for the bundled sounds before it goes on without them.</summary>
    public static TimeSpan SoundLoadTimeout { get; } = TimeSpan.FromSeconds(20);

    private static string AssemblyFolder()
    {
        // Location is empty only when the assembly was loaded from memory (not the case in the bundle).
        string location = typeof(SidemanPlugin).Assembly.Location;
        string? folder = string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
        return string.IsNullOrEmpty(folder) ? AppContext.BaseDirectory : folder;
    }
}
