using Sideman.Evaluation.Report;
using Xunit.Abstractions;

namespace Sideman.Evaluation.Tests.ShippedModel;

/// <summary>
/// What <c>.ci/run</c> holds the shipped model to while <see cref="ShippedModelStyleBoundsTests"/> (every bound) does not
/// pass yet: the full suite of `sideman evaluate`, as models/training/reports/style_eval.md reports it, may fail no
/// bound but those listed here, the ones the release model still fails (issue 11). A change to the generator, the
/// model or the data that breaks any other bound fails this test; one that mends a listed bound should take it off
/// the list, so that it cannot break again unnoticed.
/// </summary>
public sealed class ShippedModelStyleRatchetTests(ITestOutputHelper output)
{
    /// <summary>(bound, subject) of each bound model 0.4.0 fails: density ladders that tie or dip between two levels.</summary>
    public static readonly (string Bound, string Subject)[] StillFailing =
    [
        ("density", "pop bass"),     // 2.5 2.4 4.6 6.8 10.3: energy 0 plays as many notes as 1
        ("density", "punk bass"),    // 2.4 3.2 8.0 8.0 11.3: straight eighths at energy 2 and 3
        ("density", "baroque bass"), // 1.5 2.4 3.8 3.8 4.1
        ("density", "baroque arp"),  // 8.2 9.5 12.8 14.7 14.7
    ];

    [Fact]
    public void The_full_suite_breaks_no_bound_but_the_listed_ones()
    {
        var (model, bounds) = ShippedModelSuite.Check();

        BoundResult[] failed = [.. bounds.Where(b => !b.Holds)];
        foreach (BoundResult b in failed)
            output.WriteLine("FAIL " + b.Text);
        BoundResult[] unexpected = [.. failed.Where(b => !StillFailing.Contains((b.Bound, b.Subject)))];
        Assert.True(unexpected.Length == 0,
            $"{unexpected.Length} bounds fail on {model} that held at release:\n" + string.Join('\n', unexpected.Select(b => "  " + b.Text)));
        string[] mended = [.. StillFailing.Where(k => bounds.Any(b => (b.Bound, b.Subject) == k && b.Holds)).Select(k => $"{k.Bound} {k.Subject}")];
        Assert.True(mended.Length == 0, $"now holding, take off StillFailing: {string.Join(", ", mended)}");
        Assert.Equal(346, bounds.Count); // every bound of the suite was checked
    }
}
