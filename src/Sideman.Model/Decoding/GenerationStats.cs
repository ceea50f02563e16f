namespace Sideman.Model.Decoding;

/// <summary>
/// Counters of one <see cref="PartGenerator"/> since it was made (a snapshot). GuardRejections counts
/// sampled bars that copied a training pair and were thrown away; CopiesEmitted is what reached the
/// output, and stays 0 while an index is loaded. Bars counts every bar written, including those later rolled back.
/// Slides counts every re-prefill of the window; SlidesInsideBars those that happened in the middle of a bar.
/// </summary>
public readonly record struct GenerationStats(
    long Bars,
    long SampledTokens,
    long ForcedTokens,
    long Slides,
    long BudgetClosedBars,
    long GuardChecks,
    long GuardRejections,
    long Resamples,
    long Perturbations,
    long CopiesEmitted,
    long RolledBackBars = 0,
    long SlidesInsideBars = 0);
