"""Harmonic analysis of notes: a key per bar and chord labels on a beat grid, for sources
that have no chord annotation (Lieder without When-in-Rome, Mutopia, old-time renders).

Method (template matching with dynamic programming, after Pardo & Birmingham 2002 and
Temperley 2001):
  1. key: Krumhansl-Kessler profile correlation per bar over a +-2 bar window, smoothed by
     a Viterbi pass over the 24 keys with a modulation penalty;
  2. chords: per beat, a duration-weighted pitch-class vector (notes on the beat count
     more; the lowest note adds a bass term); every (root, quality) scores its chord tones
     minus the weight of non-chord tones minus missing-tone penalties, plus a prior for
     chords diatonic to the local key; a Viterbi pass over beats charges for each change
     (less at a bar line and half-bar), which sets the harmonic rhythm.
Accuracy against the When-in-Rome Lieder analyses is measured by harmony_eval.py.
"""

from dataclasses import dataclass

import numpy as np

from .theory import QUALITIES

ANALYSIS_QUALITIES = ["maj", "min", "dim", "aug", "dom7", "maj7", "min7", "hdim7", "dim7", "sus4"]

_KK_MAJOR = np.array([6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88])
_KK_MINOR = np.array([6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17])

# Diatonic chords (root interval above the tonic, quality) per mode, for the key prior.
_DIATONIC = {
    False: {(0, "maj"), (2, "min"), (4, "min"), (5, "maj"), (7, "maj"), (9, "min"), (11, "dim"),
            (7, "dom7"), (0, "maj7"), (5, "maj7"), (2, "min7"), (4, "min7"), (9, "min7"), (11, "hdim7"),
            (11, "dim7")},
    True: {(0, "min"), (2, "dim"), (3, "maj"), (5, "min"), (7, "maj"), (8, "maj"), (10, "maj"),
           (11, "dim"), (7, "dom7"), (11, "dim7"), (2, "hdim7"), (5, "min7"), (0, "min7"), (3, "maj7"),
           (8, "maj7"), (10, "dom7")},
}


@dataclass
class Params:
    # Tuned by coordinate search on the even-numbered When-in-Rome songs (harmony_eval.py
    # reports the odd-numbered ones as held out).
    non_chord: float = 0.4  # weight lost per unit of non-chord-tone weight
    miss_root: float = 0.25
    miss_third: float = 0.18
    miss_fifth: float = 0.04
    miss_seventh: float = 0.15
    bass_root: float = 0.12
    bass_tone: float = 0.06
    quality_prior: tuple = (0.06, 0.05, -0.04, -0.12, 0.0, -0.03, -0.02, 0.0, 0.0, -0.10)
    diatonic: float = 0.10
    change: float = 0.45  # cost of a chord change on an ordinary beat
    change_downbeat: float = 0.20
    change_half: float = 0.30
    onset_weight: float = 1.0  # extra weight for notes attacked in the segment
    key_switch: float = 4.0


@dataclass
class Analysis:
    key_tonic: int  # global key
    key_minor: bool
    bar_keys: list  # [(tonic, minor)] per bar
    bar_chords: list  # per bar: [(offset in quarters, root, quality, bass interval)]


def _templates(qualities):
    states = [(r, q) for q in qualities for r in range(12)]
    T = np.zeros((len(states), 12))
    roles = np.zeros((len(states), 12), dtype=np.int8)  # 1 root, 2 third, 3 fifth, 4 seventh
    for i, (r, q) in enumerate(states):
        chord = QUALITIES[q][0]
        for iv in chord:
            T[i, (r + iv) % 12] = 1
            role = 1 if iv == 0 else 2 if iv in (2, 3, 4, 5) and iv == chord[1] else \
                3 if iv in (6, 7, 8) else 4 if iv in (9, 10, 11) else 2
            roles[i, (r + iv) % 12] = role
    return states, T, roles


_STATES, _T, _ROLES = _templates(ANALYSIS_QUALITIES)
# _DIATONIC_MASK[key][state]: is the chord diatonic to the key (key = tonic + 12 * minor)?
_DIATONIC_MASK = np.array([[((r - k % 12) % 12, q) in _DIATONIC[k >= 12] for r, q in _STATES] for k in range(24)],
                          dtype=float)


def beat_length(ts):
    num, den = ts
    if den == 8 and num % 3 == 0 and num > 3:
        return 1.5
    return 4.0 / den if den >= 4 else 1.0


def estimate_keys(notes, bars, params=Params()):
    """Per-bar (tonic, minor) and the global key."""
    nb = len(bars)
    H = np.zeros((nb, 12))
    starts = np.array([b[0] for b in bars])
    for (s, e, p) in notes:
        i = max(0, np.searchsorted(starts, s, side="right") - 1)
        H[i, p % 12] += min(e - s, 4.0)
    profiles = np.array([np.roll(_KK_MAJOR, k) for k in range(12)] + [np.roll(_KK_MINOR, k) for k in range(12)])
    profiles = (profiles - profiles.mean(1, keepdims=True)) / profiles.std(1, keepdims=True)

    def corr(h):
        if h.sum() <= 0:
            return np.zeros(24)
        z = (h - h.mean()) / (h.std() + 1e-9)
        return profiles @ z / 12

    total = corr(H.sum(0))
    g = int(np.argmax(total))
    scores = np.array([corr(H[max(0, i - 2):i + 3].sum(0)) for i in range(nb)])
    # Viterbi with a switch penalty and a pull towards the global key.
    scores = scores * 3 + 0.3 * (np.arange(24) == g)
    back = np.zeros((nb, 24), dtype=np.int32)
    acc = scores[0].copy()
    for i in range(1, nb):
        stay = acc
        best = acc.max() - params.key_switch
        choose_switch = best > stay
        back[i] = np.where(choose_switch, int(np.argmax(acc)), np.arange(24))
        acc = np.maximum(stay, best) + scores[i]
    path = [int(np.argmax(acc))]
    for i in range(nb - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    path.reverse()
    bar_keys = [(k % 12, k >= 12) for k in path]
    return (g % 12, g >= 12), bar_keys


def analyse(notes, bars, params=Params(), max_chords_per_bar=4):
    """notes: [(start, end, midi)] in quarters; bars: [(start, length, (num, den))].
    Returns an Analysis with chords on the beat grid (offsets in quarters from the bar start)."""
    notes = sorted(notes)
    (gt, gm), bar_keys = estimate_keys(notes, bars, params)
    # Beat segments.
    segs = []  # (start, end, bar index, boundary kind 0=downbeat 1=half 2=beat)
    for bi, (bs, bl, ts) in enumerate(bars):
        step = beat_length(ts)
        n = max(1, int(round(bl / step)))
        step = bl / n
        for j in range(n):
            kind = 0 if j == 0 else 1 if (n % 2 == 0 and j == n // 2) else 2
            segs.append((bs + j * step, bs + (j + 1) * step, bi, kind))
    S = len(segs)
    W = np.zeros((S, 12))
    bass = np.full(S, -1)
    seg_starts = np.array([s[0] for s in segs])
    starts = np.array([n[0] for n in notes]) if notes else np.zeros(0)
    ends = np.array([n[1] for n in notes]) if notes else np.zeros(0)
    pitches = np.array([n[2] for n in notes]) if notes else np.zeros(0, dtype=int)
    longest = float((ends - starts).max()) if notes else 0.0
    lowest = np.full(S, 999)
    for k, (s0, s1, _, _) in enumerate(segs):
        # Notes are sorted by start: only those starting in [s0 - longest, s1) can overlap.
        lo, hi = np.searchsorted(starts, s0 - longest, side="left"), np.searchsorted(starts, s1, side="left")
        st, en, pi = starts[lo:hi], ends[lo:hi], pitches[lo:hi]
        sel = en > s0
        if not sel.any():
            continue
        st, en, pi = st[sel], en[sel], pi[sel]
        ov = np.minimum(en, s1) - np.maximum(st, s0)
        onset = st >= s0
        w = ov / (s1 - s0) * (1 + params.onset_weight * onset)
        np.add.at(W[k], pi % 12, w)
        low = pi.min()
        lowest[k] = low
        bass[k] = low % 12
    norm = W.sum(1, keepdims=True)
    Wn = np.divide(W, norm, out=np.zeros_like(W), where=norm > 0)
    present = Wn > 0.02
    # Template scores.
    score = Wn @ _T.T - params.non_chord * (Wn @ (1 - _T).T)
    miss = np.array([0, params.miss_root, params.miss_third, params.miss_fifth, params.miss_seventh])
    for role in range(1, 5):
        mask = (_ROLES == role).astype(float)  # states x 12
        score -= miss[role] * ((~present).astype(float) @ mask.T)
    has_bass = bass >= 0
    root_pc = np.array([r for r, _ in _STATES])
    is_root = (bass[:, None] == root_pc[None, :]) & has_bass[:, None]
    bass_in = np.zeros_like(is_root)
    bass_in[has_bass] = _T[:, bass[has_bass]].T > 0
    score += params.bass_root * is_root + params.bass_tone * (bass_in & ~is_root)
    qprior = np.array([params.quality_prior[ANALYSIS_QUALITIES.index(q)] for _, q in _STATES])
    score += qprior[None, :]
    key_of_seg = np.array([bar_keys[seg[2]][0] + 12 * bar_keys[seg[2]][1] for seg in segs], dtype=int)
    score += params.diatonic * _DIATONIC_MASK[key_of_seg]
    empty = norm[:, 0] <= 0
    score[empty] = 0.0  # silence: keep whatever chord was there
    # Viterbi over segments.
    N = len(_STATES)
    acc = score[0].copy()
    back = np.zeros((S, N), dtype=np.int32)
    change_cost = np.array([params.change_downbeat, params.change_half, params.change])
    for k in range(1, S):
        c = change_cost[segs[k][3]]
        best = int(np.argmax(acc))
        switch = acc[best] - c
        stay = acc
        back[k] = np.where(switch > stay, best, np.arange(N))
        acc = np.maximum(stay, switch) + score[k]
    path = [int(np.argmax(acc))]
    for k in range(S - 1, 0, -1):
        path.append(int(back[k, path[-1]]))
    path.reverse()
    # Per bar chord lists; bass interval from the lowest note of the chord's first segment.
    bar_chords = [[] for _ in bars]
    for k, (s0, s1, bi, _) in enumerate(segs):
        r, q = _STATES[path[k]]
        lst = bar_chords[bi]
        if lst and lst[-1][1] == r and lst[-1][2] == q:
            continue
        b = 0
        if lowest[k] < 999:
            iv = (lowest[k] - r) % 12
            if iv in QUALITIES[q][0]:
                b = iv
        lst.append((s0 - bars[bi][0], r, q, b))
    _resolve_symmetric(bar_chords)
    for bi, lst in enumerate(bar_chords):
        if len(lst) > max_chords_per_bar:
            bar_chords[bi] = _longest(lst, bars[bi][1], max_chords_per_bar)
    return Analysis(gt, gm, bar_keys, bar_chords)


def _resolve_symmetric(bar_chords):
    """Diminished sevenths (and augmented triads) sound the same on several roots: name them
    by function, from the chord that follows (dim7 = leading-tone chord, aug = dominant)."""
    flat = [(bi, i) for bi, lst in enumerate(bar_chords) for i in range(len(lst))]
    for n, (bi, i) in enumerate(flat):
        off, r, q, b = bar_chords[bi][i]
        if q not in ("dim7", "aug") or n + 1 >= len(flat):
            continue
        nb, ni = flat[n + 1]
        target = bar_chords[nb][ni][1]
        step, want = (3, (target - 1) % 12) if q == "dim7" else (4, (target + 7) % 12)
        if (want - r) % step == 0:
            bass_pc = (r + b) % 12
            bar_chords[bi][i] = (off, want, q, (bass_pc - want) % 12)


def _longest(lst, length, n):
    """Keep the n chords that last longest (the first always stays at offset 0)."""
    spans = [((lst[i + 1][0] if i + 1 < len(lst) else length) - c[0], i) for i, c in enumerate(lst)]
    keep = sorted({0} | {i for _, i in sorted(spans, reverse=True)[:n - 1]})
    return [lst[i] for i in keep]


def bar_majority(chords, length):
    """The chord that sounds longest in a bar: (root, quality) of [(offset, root, quality, ...)]."""
    best, best_len = None, -1
    totals = {}
    for i, c in enumerate(chords):
        end = chords[i + 1][0] if i + 1 < len(chords) else length
        key = (c[1], c[2])
        totals[key] = totals.get(key, 0) + (end - c[0])
    for key, t in totals.items():
        if t > best_len:
            best, best_len = key, t
    return best
