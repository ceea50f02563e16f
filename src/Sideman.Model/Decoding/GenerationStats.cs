namespace Sideman.Model.Decoding;

/// <summary>
/// Counters of one <see cref="PartGenerator"/> since it was made (a snapshot). GuardRejections counts
/// sampled bars that copied a training pair and were thrown away; CopiesEmitted is what reached the
/// output, and stays 0 while an index is loaded. Bars counts every bar written, including those later rolled back.
/// Slides counts every re-prefill of the window; SlidesInsideBars those that happened in the middle of a bar.
/// The musical guard's counters: MusicalChecks = samples checked against the part's rules; BeatOneRejections,
/// StrongBeatRejections, OutOfKeyRejections = samples thrown away that broke that rule (a sample may break several);
/// MusicalResamples = samples drawn again because of a broken rule; MusicalRefeeds = bars where an earlier, better try
/// was fed back into the cache; MusicalViolationsKept = bars written although they break a rule (every try broke one,
/// so the best was kept); MusicalStoppedEarly = rejected samples stopped at the token that broke the rule (beat one,
/// strong beat) instead of being sampled to the end of the bar, which is what keeps the guard cheap; BeatOneRepairs =
/// bars whose every try missed beat one and whose note at tick 0 was given the chord's bass instead; KeyRepairs = notes
/// moved a semitone into the key in bars whose every try kept an out-of-key non-chord note.
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
    long SlidesInsideBars = 0,
    long MusicalChecks = 0,
    long BeatOneRejections = 0,
    long StrongBeatRejections = 0,
    long OutOfKeyRejections = 0,
    long MusicalResamples = 0,
    long MusicalRefeeds = 0,
    long MusicalViolationsKept = 0,
    long MusicalStoppedEarly = 0,
    long BeatOneRepairs = 0,
    long KeyRepairs = 0);
