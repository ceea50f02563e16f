using Sideman.Evaluation.Report;
using Xunit.Abstractions;

namespace Sideman.Evaluation.Tests.ShippedModel;

/// <summary>
/// Issue 11's bounds on the shipped model: the full suite of `sideman evaluate` (every style, 4/4, 3/4, 6/8 and 5/4,
/// plain and slash charts, energies 0..4, 8 bars, seeds 1..3: the set models/training/reports/style_eval.md reports)
/// generated with the committed release model, its originality guard and its density targets, measured beside
/// Groove's human beats, must meet every bound of <see cref="StyleBounds"/>. This is the gate a release model must
/// pass; it carries its own category so that a developer can run it alone
/// (<c>dotnet test tests/Sideman.Evaluation.Tests --filter Category=ShippedModelStyleBounds</c>, several minutes).
/// </summary>
[Trait("Category", Category)]
public sealed class ShippedModelStyleBoundsTests(ITestOutputHelper output)
{
    public const string Category = "ShippedModelStyleBounds";

    [Fact]
    public void The_full_suite_meets_every_bound_of_issue_11()
    {
        var (model, bounds) = ShippedModelSuite.Check();

        BoundResult[] failed = [.. bounds.Where(b => !b.Holds)];
        foreach (BoundResult b in failed)
            output.WriteLine("FAIL " + b.Text);
        Assert.True(failed.Length == 0,
            $"{failed.Length} of {bounds.Count} bounds fail on {model}:\n" + string.Join('\n', failed.Select(b => "  " + b.Text)));
    }
}
