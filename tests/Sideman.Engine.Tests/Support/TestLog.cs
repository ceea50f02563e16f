using System.Runtime.CompilerServices;
using Sideman.Engine.Diagnostics;

namespace Sideman.Engine.Tests.Support;

/// <summary>Points the shared log at a temporary file, so tests never write into the user's cache and can read what was logged.</summary>
internal static class TestLog
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sideman-engine-tests-{Environment.ProcessId}", "sideman.log");

    [ModuleInitializer]
    internal static void Install() => SidemanLog.Shared = new SidemanLog(Path);

    public static string Read() => File.Exists(Path) ? File.ReadAllText(Path) : "";
}
