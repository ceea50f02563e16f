using System.Globalization;
using System.Text;

namespace Sideman.Engine.Diagnostics;

/// <summary>
/// The one log file, shared with the bridge (<see cref="DefaultPathFor"/>): <c>$XDG_CACHE_HOME/Sideman/sideman.log</c>,
/// else <c>~/.cache/Sideman/sideman.log</c>; on Windows <c>%LOCALAPPDATA%\Sideman\sideman.log</c>.
/// [main]/[generator] only — never call it from the audio thread (it allocates, locks and does I/O).
/// Logging never throws: a log that cannot be written must not take the host down with it.
/// The file is rotated to <c>sideman.log.1</c> past 4 MB.
/// It stays plain text whatever a message quotes (<see cref="Escape"/>): one record per line, starting
/// with its timestamp; a message's own line breaks (stack traces) continue on indented lines.
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

    /// <summary>The standard location of the log file for this user, the same file the bridge writes to.</summary>
    public static string DefaultPath() =>
        DefaultPathFor(OperatingSystem.IsWindows(), Environment.GetEnvironmentVariable, Environment.GetFolderPath);

    /// <summary>
    /// Windows: <c>%LOCALAPPDATA%\Sideman\sideman.log</c> (the bridge's FOLDERID_LocalAppData). Elsewhere:
    /// <c>$XDG_CACHE_HOME/Sideman/sideman.log</c> when that is an absolute path, else <c>~/.cache/Sideman/sideman.log</c>.
    /// </summary>
    internal static string DefaultPathFor(bool windows, Func<string, string?> environment, Func<Environment.SpecialFolder, string> folder)
    {
        string? root;
        if (windows)
        {
            root = folder(Environment.SpecialFolder.LocalApplicationData);
            if (string.IsNullOrEmpty(root))
                root = environment("LOCALAPPDATA");
        }
        else
        {
            root = environment("XDG_CACHE_HOME");
            if (string.IsNullOrWhiteSpace(root) || !System.IO.Path.IsPathRooted(root))
            {
                string? home = folder(Environment.SpecialFolder.UserProfile);
                if (string.IsNullOrEmpty(home))
                    home = environment("HOME");
                root = string.IsNullOrEmpty(home) ? null : System.IO.Path.Combine(home, ".cache");
            }
        }
        if (string.IsNullOrEmpty(root))
            root = System.IO.Path.GetTempPath();
        return System.IO.Path.Combine(root, "Sideman", "sideman.log");
    }

    public void Info(string source, string message) => Write("INFO", source, message);
    public void Warn(string source, string message) => Write("WARN", source, message);
    public void Error(string source, string message) => Write("ERROR", source, message);

    public void Error(string source, string message, Exception exception) =>
        Write("ERROR", source, $"{message}: {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}");

    /// <summary>Indent of a message's continuation lines: no record starts with whitespace.</summary>
    private const string ContinuationIndent = "    ";

    /// <summary>
    /// [any] <paramref name="message"/> as log text: a line break (LF or CRLF) continues on a line
    /// indented by four spaces (trailing breaks are dropped); every other C0 control (NUL, CR, TAB, ESC,
    /// …), DEL and the C1 controls become <c>\xNN</c>; lone surrogates and the Unicode line and
    /// paragraph separators become <c>\uNNNN</c>. Everything else, backslashes included, is kept.
    /// </summary>
    public static string Escape(string message)
    {
        int end = message.Length;
        while (end > 0 && message[end - 1] == '\n')
            end -= end > 1 && message[end - 2] == '\r' ? 2 : 1;
        int i = 0;
        while (i < end && !NeedsEscape(message, i))
            i++;
        if (i == end)
            return end == message.Length ? message : message[..end];

        var text = new StringBuilder(end + 16);
        text.Append(message, 0, i);
        for (; i < end; i++)
        {
            char c = message[i];
            if (c == '\n' || (c == '\r' && i + 1 < end && message[i + 1] == '\n'))
            {
                if (c == '\r')
                    i++;
                text.Append('\n').Append(ContinuationIndent);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(message[i + 1]))
            {
                text.Append(c).Append(message[++i]);
            }
            else if (NeedsEscape(message, i))
            {
                text.Append(c <= '\u00FF'
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                text.Append(c);
            }
        }
        return text.ToString();
    }

    /// <summary>Whether the character at <paramref name="index"/> cannot be written as it is.</summary>
    private static bool NeedsEscape(string text, int index)
    {
        char c = text[index];
        if (char.IsControl(c) || c is '\u2028' or '\u2029')
            return true;
        if (char.IsHighSurrogate(c))
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        if (char.IsLowSurrogate(c))
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        return false;
    }

    private void Write(string level, string source, string message)
    {
        string line = string.Create(CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {level,-5} [{Escape(source)}] {Escape(message)}\n");
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
