using Sideman.Synth.SoundFont;

namespace Sideman.Editor.Browse;

/// <summary>
/// The editor's own SoundFont chooser: a folder's subfolders and .sf2 files, drawn inside the editor over the lanes.
/// Why our own and not the system's dialog: a plug-in on Linux has no toolkit of its own, and loading GTK or Qt into
/// a host that uses another version of them (Ardour is built on GTK 2) crashes the host; a drawn list works the same
/// in every host and on every system, and is tested like the rest of the editor.
/// [main] UI thread only; listing a folder allocates, but only when the user opens one.
/// </summary>
public sealed class SoundFontBrowser
{
    /// <summary>A folder with more entries than this shows the first ones and says so.</summary>
    public const int MaxEntries = 2000;

    private static string? _lastFolder; // where the last SoundFont was chosen, for the next opening (this process)

    private List<FolderEntry> _entries = [];

    public bool IsOpen { get; private set; }
    public BandPart Part { get; private set; }

    /// <summary>The folder listed; "" is the list of drives (Windows).</summary>
    public string Folder { get; private set; } = "";

    public IReadOnlyList<FolderEntry> Entries => _entries;

    /// <summary>Why the last folder could not be opened, or why the list is cut short; null when all is well.</summary>
    public string? Problem { get; private set; }

    /// <summary>The first entry shown.</summary>
    public int Scroll { get; private set; }

    /// <summary>Changes with every change of what is shown, so a painter reshapes its texts only then.</summary>
    public int Version { get; private set; }

    /// <summary>Opens for a part, in the folder of its SoundFont, else where the last one was chosen, else the user's home.</summary>
    public void Open(BandPart part, string? currentSoundFont = null)
    {
        Part = part;
        IsOpen = true;
        string? start = Path.GetDirectoryName(currentSoundFont ?? "");
        if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            start = _lastFolder;
        if (string.IsNullOrEmpty(start) || !Directory.Exists(start))
            start = HomeFolder();
        if (!Enter(start))
            Enter(Path.GetPathRoot(Path.GetFullPath(start)) ?? "/");
    }

    public void Close()
    {
        IsOpen = false;
        Version++;
    }

    /// <summary>Lists a folder. A folder that cannot be read keeps the list as it was and says why.</summary>
    public bool Enter(string folder)
    {
        bool listed;
        try
        {
            var entries = folder.Length == 0 ? Drives() : List(folder);
            _entries = entries;
            Folder = folder.Length == 0 ? "" : Path.GetFullPath(folder);
            Scroll = 0;
            Problem = entries.Count >= MaxEntries ? $"Only the first {MaxEntries:N0} entries of this folder are shown." : null;
            listed = true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException
                                   or System.Security.SecurityException)
        {
            Problem = $"Cannot open {folder}: {ex.Message}";
            listed = false;
        }
        Version++;
        return listed;
    }

    /// <summary>The parent folder (on Windows, from a drive's root: the list of drives).</summary>
    public void Up()
    {
        if (Folder.Length == 0)
            return;
        string? parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Folder));
        if (parent is not null && parent.Length > 0 && parent != Folder)
            Enter(parent);
        else if (OperatingSystem.IsWindows())
            Enter("");
    }

    public void Home() => Enter(HomeFolder());

    /// <summary>Moves the list by whole rows, keeping a full page in view where there is one.</summary>
    public void ScrollBy(int rows, int visibleRows)
    {
        int max = Math.Max(0, _entries.Count - Math.Max(1, visibleRows));
        int scroll = Math.Clamp(Scroll + rows, 0, max);
        if (scroll != Scroll)
        {
            Scroll = scroll;
            Version++;
        }
    }

    /// <summary>The entry on a visible row, or false for an empty row.</summary>
    public bool EntryOnRow(int row, out FolderEntry entry)
    {
        int i = Scroll + row;
        if (row >= 0 && i < _entries.Count)
        {
            entry = _entries[i];
            return true;
        }
        entry = default;
        return false;
    }

    /// <summary>A file was chosen: the next opening starts in its folder.</summary>
    public void Chosen(FolderEntry file)
    {
        _lastFolder = Path.GetDirectoryName(file.Path);
        Close();
    }

    /// <summary>Subfolders, then .sf2 files, each by name (case folded); hidden entries and everything else left out.</summary>
    internal static List<FolderEntry> List(string folder)
    {
        var options = new EnumerationOptions
        {
            IgnoreInaccessible = true,
            RecurseSubdirectories = false,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            ReturnSpecialDirectories = false,
        };
        var folders = new List<FolderEntry>();
        var files = new List<FolderEntry>();
        foreach (FileSystemInfo info in new DirectoryInfo(folder).EnumerateFileSystemInfos("*", options))
        {
            if (info.Name.StartsWith('.'))
                continue;
            if (info is DirectoryInfo)
                folders.Add(new FolderEntry(info.Name, info.FullName, true, 0));
            else if (info is FileInfo file && file.Extension.Equals(".sf2", StringComparison.OrdinalIgnoreCase))
                files.Add(new FolderEntry(info.Name, info.FullName, false, SafeLength(file)));
            if (folders.Count + files.Count >= MaxEntries)
                break;
        }
        folders.Sort(ByName);
        files.Sort(ByName);
        folders.AddRange(files);
        return folders;
    }

    private static List<FolderEntry> Drives()
    {
        var drives = new List<FolderEntry>();
        foreach (string root in Directory.GetLogicalDrives())
            drives.Add(new FolderEntry(root, root, true, 0));
        return drives;
    }

    private static long SafeLength(FileInfo file)
    {
        try
        {
            // A link (Debian's default-GM.sf2) reports the target's size; a dangling one has none.
            return file.LinkTarget is null ? file.Length : (file.ResolveLinkTarget(returnFinalTarget: true) as FileInfo)?.Length ?? -1;
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static int ByName(FolderEntry a, FolderEntry b)
    {
        int c = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    private static string HomeFolder()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) || !Directory.Exists(home) ? Path.GetPathRoot(Environment.CurrentDirectory) ?? "/" : home;
    }
}
