namespace Sideman.Plugin;

/// <summary>
/// [main] The live band's trouble since it started (bars it was late for, generator failures) as one status line,
/// in words a producer can act on. Made again only when a count changes, so a status read each editor frame
/// allocates nothing while the counts stand still.
/// </summary>
internal sealed class BandTroubleLine
{
    private long _lateBars, _failures;
    private string? _line;

    /// <summary>The line for these counts, or null when there is nothing to report.</summary>
    public string? For(long lateBars, long failures)
    {
        if (lateBars == _lateBars && failures == _failures)
            return _line;
        _lateBars = lateBars;
        _failures = failures;
        _line = Describe(lateBars, failures);
        return _line;
    }

    internal static string? Describe(long lateBars, long failures)
    {
        string? late = lateBars <= 0 ? null :
            $"Band late for {Count(lateBars, "bar")}: the computer could not keep up, so the parts repeated their last bar.";
        string? failed = failures <= 0 ? null :
            $"The band's generator failed {Count(failures, "time")} (the log says why); the parts kept their bars.";
        return late is null ? failed : failed is null ? late : late + " " + failed;
    }

    private static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n:N0} {noun}s";
}
