using System.Runtime.InteropServices;

namespace Sideman.Cli.Commands;

/// <summary>
/// CPU time consumed by the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID). On a shared machine wall
/// time includes other processes' turns; thread CPU time does not. Null where unsupported.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Thread CPU time in microseconds, or null off Linux.</summary>
    public static double? NowMicroseconds()
    {
        if (!OperatingSystem.IsLinux())
            return null;
        return ClockGetTime(ClockThreadCpuTimeId, out TimeSpec t) == 0 ? t.Seconds * 1e6 + t.Nanoseconds / 1e3 : null;
    }
}
