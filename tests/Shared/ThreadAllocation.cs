namespace Sideman.Tests.Shared;

/// <summary>
/// Counts the managed bytes the calling thread allocates between <see cref="Start"/> and <see cref="Since"/>.
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> alone is not exact while other threads allocate: the
/// unused rest of this thread's allocation context (up to ~8 KB) is sometimes charged to it when another
/// thread's allocations retire that context, so a window in which this thread allocated nothing can read
/// 872 or 7,080 bytes (seen in CI, and in a standalone repro in 531 of 5,000 windows). A gen-0 collection
/// retires every thread's context first; with none left to charge, the count is exact again (0 false
/// counts in the same repro), and any real allocation is still counted in full.
/// </summary>
internal static class ThreadAllocation
{
    /// <summary>Empties this thread's allocation context and returns its counter; allocate nothing before the measured code.</summary>
    public static long Start()
    {
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        return GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>Bytes this thread allocated since <paramref name="start"/> (a value from <see cref="Start"/>).</summary>
    public static long Since(long start) => GC.GetAllocatedBytesForCurrentThread() - start;
}
