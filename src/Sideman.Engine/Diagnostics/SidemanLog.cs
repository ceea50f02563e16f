using System.Globalization;
using System.Text;

namespace Sideman.Engine.Diagnostics;

/// <summary>
/// The one log file: <c>$XDG_CACHE_HOME/Sideman/sideman.log</c>, else <c>~/.cache/Sideman/sideman.log</c>.
/// [main]/[generator] only — never call it from the audio thread (it allocates, locks and does I/O).
/// Logging never throws: a log that cannot be written must not take the host down with it.
/// The file is rotated to <c>sideman.log.1</c> past 4 MB.
/// </summary>
public sealed class SidemanLog
{
    private const long RotateBytes = 4 * 1024 * 1024;
    private static SidemanLog? _shared;

    private readonly object _gate = new();

    public SidemanLog(string path)
    {
        Path = path;
    }

    /// <summary>The process-wide log at the standard location.</summary>
    public static SidemanLog Shared
    {
        get => _shared ??= new SidemanLog(DefaultPath());
        set => _shared = value;
    }

    public string Path { get; }

    /// <summary>The standard location of the log file for this user.</summary>
    public static string DefaultPath()
    {
        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrWhiteSpace(cache) || !System.IO.Path.IsPathRooted(cache))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
                home = Environment.GetEnvironmentVariable("HOME") ?? System.IO.Path.GetTempPath();
            cache = System.IO.Path.Combine(home, ".cache");
        }
        return System.IO.Path.Combine(cache, "Sideman", "sideman.log");
    }

    public void Info(string source, string message) => Write("INFO", source, message);
    public void Warn(string source, string message) => Write("WARN", source, message);
    public void Error(string source, string message) => Write("ERROR", source, message);

    public void Error(string source, string message, Exception exception) =>
        Write("ERROR", source, $"{message}: {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}");

    private void Write(string level, string source, string message)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {level,-5} [{source}] {message}{Environment.NewLine}");
        try
        {
            lock (_gate)
            {
                string? directory = System.IO.Path.GetDirectoryName(Path);
                if (!string.IsNullOrEmpty(directory))
                    Directory.CreateDirectory(directory);
                var info = new FileInfo(Path);
                if (info.Exists && info.Length > RotateBytes)
                    File.Move(Path, Path + ".1", overwrite: true);
                File.AppendAllText(Path, line, Encoding.UTF8);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            // Nowhere left to report it; the host must keep running.
        }
    }
}
