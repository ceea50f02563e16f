using Sideman.Evaluation.Human;
using Sideman.Evaluation.Suite;

namespace Sideman.Evaluation.Report;

/// <summary>
/// An evaluation ready to write: what was generated (suite, model file, vocabulary hash, guard index, density targets), what was
/// counted, the human baseline and the bounds' results.
/// </summary>
public sealed record EvaluationReport(
    EvaluationSuite Suite,
    string ModelFile,
    string ModelVersion,
    string VocabSha256,
    string? GuardFile,
    EvaluationTally Tally,
    HumanBaseline Human,
    IReadOnlyList<BoundResult> Bounds,
    string? DensityFile = null)
{
    public IEnumerable<BoundResult> Failures => Bounds.Where(b => !b.Holds);

    public bool AllBoundsHold => Bounds.All(b => b.Holds);
}
