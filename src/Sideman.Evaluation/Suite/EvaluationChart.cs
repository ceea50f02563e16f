using Sideman.Music.Time;

namespace Sideman.Evaluation.Suite;

/// <summary>A chord chart of the suite: its name, metre, key and bars (one chart bar each, as <c>sideman generate</c> reads them).</summary>
public sealed record EvaluationChart(string Name, TimeSignature Metre, string Key, string[] Bars)
{
    /// <summary>The chart's first <paramref name="bars"/> bars as chart text (the chart repeats when longer).</summary>
    public string Text(int bars) => string.Join(" | ", Enumerable.Range(0, bars).Select(i => Bars[i % Bars.Length]));
}
