using System.Diagnostics;
using Sideman.Model.Diagnostics;
using Sideman.Music.Patterns;

namespace Sideman.Model.Decoding.Songs;

/// <summary>Generates the parts of a <see cref="SongPlan"/>, one after the other, each with its own decoder. [main]/[generator]</summary>
public static class SongGenerator
{
    /// <summary>
    /// Writes every bar of every part in <paramref name="parts"/>. <paramref name="progress"/> hears (part, bars done, bars in all)
    /// after each bar. The same plan, settings and assets give the same tokens.
    /// </summary>
    public static IReadOnlyList<GeneratedPart> Generate(GeneratorAssets assets, SongPlan plan, IReadOnlyList<PartRole> parts,
                                                        GeneratorSettings settings, Action<PartRole, int, int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(parts);
        if (!assets.Vocabulary.TryStyle(plan.Style, out _))
            throw new ArgumentException($"style '{plan.Style}' is not one the model knows; choose one of: {string.Join(", ", assets.Vocabulary.Styles)}");
        int tempoBucket = assets.Vocabulary.TempoBucket(plan.Bpm);
        var result = new List<GeneratedPart>(parts.Count);
        foreach (PartRole part in parts)
        {
            var header = PartHeader.Create(plan.Style, part, plan.KeyTonic, tempoBucket);
            using PartGenerator generator = assets.CreatePart(header, settings with { KeepTranscript = true });
            var bars = new List<BarPattern>(plan.Bars.Count);
            long start = Stopwatch.GetTimestamp();
            double cpu0 = ThreadCpuClock.NowMs();
            for (int i = 0; i < plan.Bars.Count; i++)
            {
                BarConditioning bar = plan.Bars[i];
                bars.Add(generator.Next(bar).ToPattern());
                progress?.Invoke(part, i + 1, plan.Bars.Count);
            }
            double cpu = (ThreadCpuClock.NowMs() - cpu0) / 1000;
            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            int[] tokens = [.. generator.Transcript, assets.Vocabulary.Eos];
            result.Add(new GeneratedPart(header, bars, tokens, generator.Stats, wall, cpu));
        }
        return result;
    }
}
