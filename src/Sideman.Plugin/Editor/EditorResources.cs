using Sideman.Editor.Drawing;
using Sideman.Editor.Provenance;
using Sideman.Model.Decoding;

namespace Sideman.Plugin.Editor;

/// <summary>
/// What every editor of the process shares and reads once: the bundled fonts (<c>Contents/Resources/fonts</c> in
/// the bundle, the build's <c>Fonts/</c> folder elsewhere) and the provenance panel's facts from the bundle's model
/// card and attribution list. Loaded on the first open, kept for the life of the process (a second window opens
/// without reading a file). [main]
/// </summary>
internal static class EditorResources
{
    /// <summary>The fonts' folder in the bundle's shared resources.</summary>
    public const string BundleFontsFolder = "fonts";

    private static readonly object Gate = new();
    private static EditorFonts? _fonts;
    private static ProvenanceInfo? _provenance;

    public static EditorFonts Fonts
    {
        get
        {
            lock (Gate)
                return _fonts ??= EditorFonts.Load(FontsFolder());
        }
    }

    public static ProvenanceInfo Provenance
    {
        get
        {
            lock (Gate)
                return _provenance ??= ProvenanceReader.Read(ModelsFolder());
        }
    }

    /// <summary>The bundle's <c>Resources/fonts</c> when there is one, else the folder the build copies the fonts to.</summary>
    public static string FontsFolder()
    {
        string bundled = Path.Combine(ResourcesFolder(), BundleFontsFolder);
        return File.Exists(Path.Combine(bundled, EditorFonts.RegularFileName)) ? bundled : EditorFonts.DefaultFolder;
    }

    /// <summary>Where the shipped model's card and attribution list are (as the band's model is found).</summary>
    public static string ModelsFolder() => DefaultModelFiles.LocateInstalled().Folder ?? Path.Combine(ResourcesFolder(), "models");

    private static string ResourcesFolder()
    {
        string location = typeof(EditorResources).Assembly.Location;
        string folder = string.IsNullOrEmpty(location) ? AppContext.BaseDirectory : Path.GetDirectoryName(location) ?? AppContext.BaseDirectory;
        return BundleResources.FolderFor(folder);
    }
}
