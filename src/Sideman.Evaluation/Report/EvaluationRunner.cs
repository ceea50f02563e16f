using Sideman.Evaluation.Songs;
using Sideman.Evaluation.Suite;
using Sideman.Model.Decoding;
using Sideman.Model.Decoding.Songs;
using Sideman.Music.Patterns;

namespace Sideman.Evaluation.Report;

/// <summary>
/// Generates every song of a suite with the shipped path (<see cref="SongPlan"/>, <see cref="SongGenerator"/>, the
/// default sampling settings and musical guard, the assets' originality guard: what <c>sideman generate</c> runs) and counts it.
/// The same suite and assets give the same tally.
/// </summary>
public static class EvaluationRunner
{
    public static readonly PartRole[] Parts = [PartRole.Drums, PartRole.Bass, PartRole.Keys, PartRole.Pad, PartRole.Arp];

    /// <summary><paramref name="progress"/> hears (songs done, songs in all, the song just done).</summary>
    public static EvaluationTally Run(GeneratorAssets assets, EvaluationSuite suite, Action<int, int, EvaluationCase>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(suite);
        var drums = new DrumClasses(assets.Vocabulary);
        var tally = new EvaluationTally();
        for (int i = 0; i < suite.Cases.Count; i++)
        {
            EvaluationCase c = suite.Cases[i];
            SongPlan plan = SongPlan.Create(c.Request());
            IReadOnlyList<GeneratedPart> parts = SongGenerator.Generate(assets, plan, Parts, new GeneratorSettings { Seed = c.Seed });
            tally.Add(GeneratedSongReader.Read(c.Name, plan, parts, c.Seed, drums, c.EnergyLadder));
            foreach (GeneratedPart part in parts)
                tally.Guards.Add(part.Stats);
            progress?.Invoke(i + 1, suite.Cases.Count, c);
        }
        return tally;
    }
}
