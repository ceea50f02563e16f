using Sideman.Evaluation.Human;
using Sideman.Evaluation.Report;
using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Evaluation.Tests.Support;
using Sideman.Model.Decoding;

namespace Sideman.Evaluation.Tests.ShippedModel;

/// <summary>
/// The full suite of `sideman evaluate` on the committed release model, its originality guard and its density targets,
/// checked against issue 11's bounds beside Groove's human beats: what models/training/reports/style_eval.md reports.
/// </summary>
internal static class ShippedModelSuite
{
    /// <summary>The model file's name and every bound's result.</summary>
    public static (string Model, IReadOnlyList<BoundResult> Bounds) Check()
    {
        DefaultModelFiles files = DefaultModelFiles.Locate(); // found from the test's folder
        Assert.NotNull(files.ModelPath);
        Assert.NotNull(files.IndexPath);
        using GeneratorAssets assets = GeneratorAssets.Open(files.ModelPath!, files.VocabPath!, files.IndexPath);
        Assert.NotNull(assets.Density); // the report is made with the model's density targets
        EvaluationSuite suite = EvaluationSuite.Full(assets.Vocabulary.Styles);
        HumanBaseline human = HumanBaseline.Load(Repo.Corpus, new DrumClasses(assets.Vocabulary), EvaluationSuite.Charts.Select(c => c.Metre));

        EvaluationTally tally = EvaluationRunner.Run(assets, suite);
        Assert.Equal(assets.Vocabulary.Styles.Count, tally.Styles.Count());
        return (Path.GetFileName(files.ModelPath!), StyleBounds.Check(tally, human));
    }
}
