using System.Runtime.InteropServices;

namespace Sideman.Model.Diagnostics;

/// <summary>
/// CPU time consumed by the calling thread (Linux: CLOCK_THREAD_CPUTIME_ID). On a shared machine it
/// measures the work itself, unlike wall time, which also counts time other processes held the core.
/// </summary>
public static partial class ThreadCpuClock
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

    public static bool IsAvailable => OperatingSystem.IsLinux();

    /// <summary>Milliseconds of CPU time this thread has used; NaN where unsupported.</summary>
    public static double NowMs()
    {
        if (!IsAvailable || ClockGetTime(ClockThreadCpuTimeId, out TimeSpec t) != 0)
        {
            return double.NaN;
        }
        return t.Seconds * 1000.0 + t.Nanoseconds / 1e6;
    }

    /// <summary>Microseconds of CPU time this thread has used, or null where unsupported.</summary>
    public static double? NowMicroseconds()
    {
        double ms = NowMs();
        return double.IsNaN(ms) ? null : ms * 1000;
    }
}
