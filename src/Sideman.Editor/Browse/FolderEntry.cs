namespace Sideman.Editor.Browse;

/// <summary>One row of the SoundFont browser: a folder to open or a .sf2 file to load (a drive, on Windows, is a folder).</summary>
public readonly record struct FolderEntry(string Name, string Path, bool IsFolder, long Bytes);
