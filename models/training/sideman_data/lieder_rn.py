"""Aligning When-in-Rome Roman-numeral analyses with their OpenScore Lieder scores.

The analyses number measures as printed (m0 = pickup). The MusicXML measures carry the
printed number in their `number` attribute; MuseScore splits some printed measures into two
XML measures with the same or an 'X'-prefixed number. When an analysis has m0 but the score
has no measure numbered 0, the score spells the pickup as a full first measure, so analysis
m(n) is score number n+1.
"""

import csv
import os
import re

from .romantext import read_romantext

TSV = "when_in_rome/lieder_analysis_to_openscore_score.tsv"


def pairs(corpus_root):
    """[(analysis path relative to corpus root, score path relative to corpus root)]."""
    with open(os.path.join(corpus_root, TSV), encoding="utf-8") as f:
        return [(r["analysis"], r["openscore_lieder_score"]) for r in csv.DictReader(f, delimiter="\t")]


def _number(text):
    m = re.fullmatch(r"\s*(\d+)\s*", text or "")
    return int(m.group(1)) if m else None


def reference_chords(analysis, score):
    """Per score measure index, the annotated chords as [(offset quarters, root, quality, bass)]
    (None where the analysis says nothing about that measure)."""
    numbers = [_number(m.number) for m in score.measures]
    shift = 1 if (0 in analysis.measures and 0 not in numbers) else 0
    out = [None] * len(score.measures)
    seen = set()
    for i, m in enumerate(score.measures):
        n = numbers[i]
        if n is None or n in seen:
            continue  # continuation pieces of a split measure: analysed with their first piece
        seen.add(n)
        rn = n - shift
        if rn not in analysis.measures:
            continue
        nominal = 4 * m.time_signature[0] / m.time_signature[1]
        # Pickups: analysis beats count from the start of a full bar.
        lead = nominal - float(m.length) if m.implicit else 0.0
        chords = []
        carried = analysis.chord_at(rn, lead)
        own = [c for c in analysis.measures[rn] if c.offset - lead >= -1e-9]
        if carried is not None and (not own or own[0].offset - lead > 1e-9):
            chords.append((0.0, carried.root, carried.quality, carried.bass))
        for c in own:
            off = c.offset - lead
            if off < float(m.length) - 1e-9:
                chords.append((off, c.root, c.quality, c.bass))
        out[i] = chords or None
    return out


def load_pair(corpus_root, analysis_rel, score_rel, read_score):
    analysis = read_romantext(os.path.join(corpus_root, analysis_rel))
    score = read_score(os.path.join(corpus_root, score_rel))
    return analysis, score
