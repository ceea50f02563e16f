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
    /// <summary>(bound, subject) of each bound model 0.4.0 still fails with the shipped generator: a density ladder that ties.</summary>
    public static readonly (string Bound, string Subject)[] StillFailing =
    [
        ("density", "punk bass"), // 2.5 3.5 8.0 8.0 11.3: straight eighths at energy 2 and 3, never the pickup of 3
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
