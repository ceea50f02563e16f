using SkiaSharp;

namespace Sideman.Editor.Drawing;

/// <summary>
/// The bundled typefaces (DejaVu Sans, regular and bold; licence in Fonts/LICENSE.txt), loaded from their
/// files so the editor looks the same on every system and never depends on the system's fonts.
/// </summary>
public sealed class EditorFonts : IDisposable
{
    public const string RegularFileName = "DejaVuSans.ttf";
    public const string BoldFileName = "DejaVuSans-Bold.ttf";

    private EditorFonts(SKTypeface regular, SKTypeface bold, string folder)
    {
        Regular = regular;
        Bold = bold;
        Folder = folder;
    }

    public SKTypeface Regular { get; }
    public SKTypeface Bold { get; }

    /// <summary>Where the files were loaded from.</summary>
    public string Folder { get; }

    /// <summary>The folder beside this assembly that the build copies the fonts into.</summary>
    public static string DefaultFolder => Path.Combine(Path.GetDirectoryName(typeof(EditorFonts).Assembly.Location) is { Length: > 0 } dir ? dir : AppContext.BaseDirectory, "Fonts");

    /// <summary>Loads both faces from <paramref name="folder"/>; throws with what to do when a file is missing or unreadable.</summary>
    public static EditorFonts Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        SKTypeface regular = LoadFace(folder, RegularFileName);
        try
        {
            return new EditorFonts(regular, LoadFace(folder, BoldFileName), folder);
        }
        catch
        {
            regular.Dispose();
            throw;
        }
    }

    private static SKTypeface LoadFace(string folder, string fileName)
    {
        string path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
            throw new FileNotFoundException($"The editor's font {path} is missing: the plugin's files are incomplete. Reinstall Sideman.", path);
        return SKTypeface.FromFile(path)
            ?? throw new InvalidDataException($"The editor's font {path} is not a font Skia can read: the file is damaged. Reinstall Sideman.");
    }

    public void Dispose()
    {
        Regular.Dispose();
        Bold.Dispose();
    }
}
