"""Energy levels 0..4 for human sources, from each bar's activity (onset density times
loudness): 60 % the bar's percentile among all bars of the same source and part, 40 % its
percentile within its own piece and part, after a 5-bar moving average. So a busy chorus
is louder than its own verse, and a busy piece sits higher than a sparse one.
Project-authored runs keep the energy their patterns were chosen for.
"""

import bisect

LEVELS = 5
GLOBAL_WEIGHT = 0.6


def _smooth(values):
    n = len(values)
    return [sum(values[max(0, i - 2):i + 3]) / len(values[max(0, i - 2):i + 3]) for i in range(n)]


def _percentile(sorted_values, v):
    if not sorted_values:
        return 0.5
    lo = bisect.bisect_left(sorted_values, v)
    hi = bisect.bisect_right(sorted_values, v)
    return (lo + hi) / 2 / len(sorted_values)


def assign(pieces):
    """Set bar.energy on every run that is not energy_fixed (in place)."""
    smoothed = {}
    by_group = {}
    for p in pieces:
        for ri, run in enumerate(p.runs):
            if run.energy_fixed:
                continue
            s = _smooth(run.activity)
            smoothed[(id(p), ri)] = s
            by_group.setdefault((p.source, run.part), []).extend(s)
    for k in by_group:
        by_group[k].sort()
    for p in pieces:
        within = {}
        for ri, run in enumerate(p.runs):
            if not run.energy_fixed:
                within.setdefault(run.part, []).extend(smoothed[(id(p), ri)])
        for k in within:
            within[k].sort()
        for ri, run in enumerate(p.runs):
            if run.energy_fixed:
                continue
            g_sorted = by_group[(p.source, run.part)]
            w_sorted = within[run.part]
            for bar, a in zip(run.bars, smoothed[(id(p), ri)]):
                if a <= 0:
                    bar.energy = 0
                    continue
                e = GLOBAL_WEIGHT * _percentile(g_sorted, a) + (1 - GLOBAL_WEIGHT) * _percentile(w_sorted, a)
                bar.energy = min(LEVELS - 1, int(e * LEVELS))
