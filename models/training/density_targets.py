#!/usr/bin/python3
"""Writes models/sideman-<version>.density.json: how many notes (drum hits for drums) a bar holds at each energy
level, per style and part, in the train split. The C# generator steers each bar towards its level's figure
(src/Sideman.Model/Decoding/README.md, "Density steering"), so energy 0..4 rises for every style and part as the
data's does.

A (style, part, level) with fewer than MIN_BARS bars takes the part's figure over all styles at that level (the
score-derived styles have no pad or arp of their own, yet the band plays them). Each part's five figures are then
made to rise by at least RISE (a level above carries at least that much more than the one below), so the steering
never asks for a dip.

    /usr/bin/python3 models/training/density_targets.py [--data-dir DIR] [--out models/sideman-0.3.0.density.json]
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from originality_index import vocab_digest  # noqa: E402

LEVELS = 5
PARTS = ("drums", "bass", "keys", "pad", "arp")
MIN_BARS = 100
RISE = 1.2  # each level at least 20% above the one below: a step the ear (and the evaluation's 24 bars) can tell
FORMAT = "sideman-density"


def default_out() -> Path:
    version = (HERE.parent.parent / "VERSION").read_text().strip()
    return HERE.parent / f"sideman-{version}.density.json"


def tally(meta_lines):
    """(style, part, level) -> [notes, bars] over every bar of every example."""
    sums = defaultdict(lambda: [0, 0])
    for line in meta_lines:
        m = json.loads(line)
        if m["part"] not in PARTS:
            continue
        for level, notes in zip(m["energy"], m["notes_per_bar"]):
            cell = sums[(m["style"], m["part"], int(level))]
            cell[0] += int(notes)
            cell[1] += 1
    return sums


def rising(figures):
    out = []
    for f in figures:
        out.append(round(max(f, out[-1] * RISE) if out else f, 2))
    return out


def targets(sums, styles):
    everywhere = defaultdict(lambda: [0, 0])
    for (style, part, level), (notes, bars) in sums.items():
        everywhere[(part, level)][0] += notes
        everywhere[(part, level)][1] += bars
    fallback = {}
    for part in PARTS:
        fallback[part] = rising([everywhere[(part, lv)][0] / max(1, everywhere[(part, lv)][1]) for lv in range(LEVELS)])
    table, own = {}, {}
    for style in styles:
        table[style], own[style] = {}, {}
        for part in PARTS:
            row, mine = [], 0
            for lv in range(LEVELS):
                notes, bars = sums.get((style, part, lv), (0, 0))
                if bars >= MIN_BARS:
                    row.append(notes / bars)
                    mine += 1
                else:
                    row.append(fallback[part][lv])
            table[style][part] = rising(row)
            own[style][part] = mine
    return table, fallback, own


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data-dir", default=str(HERE / ".cache" / "dataset"))
    ap.add_argument("--out", default=str(default_out()))
    a = ap.parse_args(argv)
    data = Path(a.data_dir)
    vocab = json.loads((HERE.parent / "vocab.json").read_text(encoding="utf-8"))
    styles = sorted(t["name"][len("STYLE_"):] for t in vocab["tokens"] if t["name"].startswith("STYLE_"))
    with open(data / "train.meta.jsonl", encoding="utf-8") as f:
        sums = tally(f)
    table, fallback, own = targets(sums, styles)
    doc = {
        "format": FORMAT,
        "version": 1,
        "comment": "Notes (drum hits) per bar at energy 0..4 per style and part in the train split; written by "
                   "models/training/density_targets.py. Cells with fewer than %d bars take the part's figure over "
                   "all styles; every row rises by at least %d%% a level." % (MIN_BARS, round((RISE - 1) * 100)),
        "vocab_sha256": vocab_digest(HERE.parent / "vocab.json"),
        "levels": LEVELS,
        "fallback": fallback,
        "styles": table,
        "levels_from_the_style": own,
    }
    Path(a.out).write_text(json.dumps(doc, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"density_targets: wrote {a.out} ({len(styles)} styles x {len(PARTS)} parts)")


if __name__ == "__main__":
    main()
