"""Musical metrics of token sequences (one example or generated sample each), for evaluate.py.

Every metric reads the decoded phrase (sideman_data.tokenizer.Tokenizer.decode), so human data,
project-authored renders and generated samples are measured by exactly the same code. The
definitions (also written into the evaluation report, see DEFINITIONS):
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from sideman_data.theory import QUALITIES

DEFINITIONS = {
    "nll": "Mean negative log-likelihood (nats/token) of the test split under the model, teacher-forced; "
           "'all' over every token after BOS, 'events' over the tokens the model writes in generation "
           "(event tokens and each bar's end).",
    "chord_tone_strong": "Pitched parts: share of notes with an onset on a strong beat (a beat of the time "
                         "signature: every quarter in x/4, every half in x/2, every dotted quarter in 6/8, 9/8, "
                         "12/8, the downbeat in other x/8) whose pitch class is a tone of the chord sounding at "
                         "the onset. Bars under N.C. are skipped. Pooled over notes.",
    "chord_tone_all": "As chord_tone_strong, over every onset.",
    "scale_consistency": "Pitched parts: per sequence with >= 8 notes, the largest share of its notes that fits "
                         "one of the 12 major (= natural minor) scales; mean over sequences (Mogren 2016; "
                         "Dong et al. 2018).",
    "pc_entropy": "Pitched parts: per sequence with >= 8 notes, Shannon entropy (bits) of the pitch-class "
                  "histogram of its note onsets; mean over sequences (Wu & Yang 2020). 0 = one pitch class, "
                  "3.58 = all twelve equally.",
    "groove_consistency": "All parts: per sequence, the mean over all pairs of non-empty bars in the same metre of "
                          "1 - |onsets(a) XOR onsets(b)| / Q, onsets being the set of onset positions and Q the "
                          "number of onset grid positions in the bar (48 in 4/4); mean over sequences with >= 2 "
                          "such bars (grooving-pattern similarity, Wu & Yang 2020).",
    "drum_pattern_consistency": "Drums: per sequence, the mean over consecutive non-empty bars in the same metre of "
                                "the Jaccard similarity of their (drum class, onset position) hit sets; mean over "
                                "sequences. 1 = the same pattern every bar.",
    "empty_bar_rate": "Share of bars with no events, among bars where the part is expected to play (pitched bars "
                      "with a chord; every drum bar).",
    "density_by_energy": "Mean events (notes or hits) per bar at each energy level EN 0..4 (bars under N.C. left "
                         "out). 'rises' = the mean does not fall from any level to the next among levels with >= 20 "
                         "bars, and is higher at the top level than at the bottom.",
    "copy_rate": "Share of bars (after a sequence's first) whose 2-bar span with the previous bar is in the "
                 "originality index of the train split (ORIGINALITY_INDEX.md): a copy of 2 bars or more.",
}

MIN_NOTES = 8
MIN_BARS_FOR_TREND = 20


def strong_ticks(ts, tpq: int) -> set:
    num, den = ts
    bar = num * tpq * 4 // den
    if den == 8 and num in (6, 9, 12):
        step = tpq * 3 // 2
    elif den == 8:
        return {0}
    else:
        step = tpq * 4 // den
    return set(range(0, bar, step))


def onset_grid_size(vocab, ts) -> int:
    bar = vocab.bar_ticks(ts)
    return sum(1 for t in vocab.grid if t < bar)


def chord_at(bar, tick):
    cur = None
    for bc in bar.chords:
        if bc.tick <= tick:
            cur = bc.chord
    return cur


def pitch_class(chord, note) -> int:
    from sideman_data.theory import degree_semitones
    return (chord.root + degree_semitones(chord.quality, note.degree, note.alteration)) % 12


def is_chord_tone(chord, note) -> bool:
    from sideman_data.theory import degree_semitones
    iv = degree_semitones(chord.quality, note.degree, note.alteration) % 12
    return iv in {x % 12 for x in QUALITIES[chord.quality][0]}


def entropy_bits(counts) -> float:
    n = sum(counts)
    return -sum(c / n * math.log2(c / n) for c in counts if c) if n else 0.0


MAJOR = (0, 2, 4, 5, 7, 9, 11)


def scale_fit(pcs) -> float:
    best = 0
    for tonic in range(12):
        scale = {(tonic + s) % 12 for s in MAJOR}
        best = max(best, sum(1 for p in pcs if p in scale))
    return best / len(pcs)


@dataclass
class Tally:
    """Sums over many sequences of one group (e.g. 'generated, bass, human prompts')."""
    sequences: int = 0
    strong: list = field(default_factory=lambda: [0, 0])  # chord tones, notes
    all_on: list = field(default_factory=lambda: [0, 0])
    scale: list = field(default_factory=list)
    entropy: list = field(default_factory=list)
    groove: list = field(default_factory=list)
    drum_pattern: list = field(default_factory=list)
    bars_expected: int = 0
    bars_empty: int = 0
    density: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0]))  # energy -> [events, bars]
    copy: list = field(default_factory=lambda: [0, 0])  # copied bars, bars with a predecessor

    def add_phrase(self, vocab, phrase) -> None:
        tpq = vocab.ticks_per_quarter
        self.sequences += 1
        drums = phrase.part == "drums"
        pcs = []
        onsets_by_ts = defaultdict(list)
        hits = []
        for bar in phrase.bars:
            ts = tuple(bar.time_signature)
            nc = (not drums) and all(bc.chord.is_none for bc in bar.chords)
            if not nc:
                self.bars_expected += 1
                self.bars_empty += 0 if bar.events else 1
                d = self.density[bar.energy]
                d[0] += len(bar.events)
                d[1] += 1
            onsets = frozenset(e.tick for e in bar.events)
            if onsets:
                onsets_by_ts[ts].append(onsets)
            hits.append((ts, frozenset((e.drum, e.tick) for e in bar.events) if drums else None))
            if drums:
                continue
            strong = strong_ticks(ts, tpq)
            for e in bar.events:
                c = chord_at(bar, e.tick)
                if c is None or c.is_none:
                    continue
                tone = is_chord_tone(c, e)
                pcs.append(pitch_class(c, e))
                self.all_on[0] += tone
                self.all_on[1] += 1
                if e.tick in strong:
                    self.strong[0] += tone
                    self.strong[1] += 1
        if not drums and len(pcs) >= MIN_NOTES:
            hist = [0] * 12
            for p in pcs:
                hist[p] += 1
            self.entropy.append(entropy_bits(hist))
            self.scale.append(scale_fit(pcs))
        sims = []
        for ts, bars in onsets_by_ts.items():
            q = onset_grid_size(vocab, ts)
            sims += [1.0 - len(a ^ b) / q for a, b in combinations(bars, 2)]
        if sims:
            self.groove.append(sum(sims) / len(sims))
        if drums:
            jac = [len(a & b) / len(a | b) for (ta, a), (tb, b) in zip(hits, hits[1:]) if ta == tb and a and b]
            if jac:
                self.drum_pattern.append(sum(jac) / len(jac))

    def add_copies(self, copied: list) -> None:
        self.copy[0] += sum(1 for c in copied[1:] if c)
        self.copy[1] += max(0, len(copied) - 1)

    def summary(self) -> dict:
        mean = lambda xs: round(sum(xs) / len(xs), 4) if xs else None  # noqa: E731
        ratio = lambda a, b: round(a / b, 4) if b else None  # noqa: E731
        dens = {str(k): {"mean": round(v[0] / v[1], 3), "bars": v[1]} for k, v in sorted(self.density.items()) if v[1]}
        out = {
            "sequences": self.sequences,
            "chord_tone_strong": ratio(*self.strong),
            "chord_tone_all": ratio(*self.all_on),
            "scale_consistency": mean(self.scale),
            "pc_entropy": mean(self.entropy),
            "groove_consistency": mean(self.groove),
            "drum_pattern_consistency": mean(self.drum_pattern),
            "empty_bar_rate": ratio(self.bars_empty, self.bars_expected),
            "density_by_energy": dens,
            "density_rises": density_rises(dens),
        }
        if self.copy[1]:
            out["copy_rate"] = ratio(*self.copy)
            out["copied_bars"] = self.copy[0]
            out["copy_bars"] = self.copy[1]
        return out


def density_rises(dens: dict):
    """True/False when at least two energy levels have enough bars to judge, else None."""
    levels = [(int(k), v["mean"]) for k, v in dens.items() if v["bars"] >= MIN_BARS_FOR_TREND]
    if len(levels) < 2:
        return None
    levels.sort()
    steps_ok = all(b >= a for (_, a), (_, b) in zip(levels, levels[1:]))
    return bool(steps_ok and levels[-1][1] > levels[0][1])
