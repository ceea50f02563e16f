"""Kicks per 4/4 bar that the style library's drums play, beside Groove's human drummers.

The model plays the kick the library holds (issue 11: reggae, latin, afro-Cuban, jazz swing, New
Orleans and afrobeat played 0.4-3.0 kicks a bar against Groove's 2.2-5.7, as their patterns did).
`sideman evaluate` bounds a style's kicks per 4/4 bar to within 30% of Groove's figure where
Groove covers the style; the library aims within TOLERANCE, leaving the model some room. Levels
are weighted as the evaluation's 4/4 charts weigh them: the plain chart at each energy 0..4 and
the slash chart at energy 2.

    /usr/bin/python3 -m sideman_data.style_kicks          # table; exit 1 if a covered style misses
"""

import json
import os
import random
import sys

from . import style_density
from .styles import render_drums_bar

FOUR_FOUR = (4, 4)
LEVEL_WEIGHTS = (1, 1, 2, 1, 1)
TOLERANCE = 0.2
STYLE_EVAL = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "reports", "style_eval.json")


def kicks_per_bar(vocab, style):
    """[kicks per bar at energy 0..4] of the style's main 4/4 drum patterns over the probe bars
    (a level's patterns averaged, as the renderer picks one of them), or None without 4/4 drums."""
    bars = style_density.probe_bars(vocab, FOUR_FOUR)
    out = []
    for e in range(len(LEVEL_WEIGHTS)):
        pool = [p for p in style.patterns.get("drums", [])
                if p.metre == FOUR_FOUR and p.role == "main" and e in p.energies]
        if not pool:
            return None
        per_pattern = []
        for p in pool:
            kicks = [sum(1 for t, _, drum, _ in render_drums_bar(p, bar, pat_bar, random.Random(7))
                         if drum == "kick" and t < bar.ticks)
                     for pat_bar in range(p.bars) for bar in bars]
            per_pattern.append(sum(kicks) / len(kicks))
        out.append(sum(per_pattern) / len(per_pattern))
    return out


def weighted(levels):
    return sum(w * k for w, k in zip(LEVEL_WEIGHTS, levels)) / sum(LEVEL_WEIGHTS)


def groove_kicks(path=STYLE_EVAL):
    """{style: Groove's kicks per 4/4 bar} for the styles the evaluation's human baseline covers."""
    with open(path, encoding="utf-8") as f:
        human = json.load(f)["human"]["styles"]
    return {s: h["drums"]["kicks_per_bar"] for s, h in human.items() if h.get("covered")}


def misses(vocab, library, groove):
    """[(style, authored, groove)] for covered styles whose weighted kicks miss by more than TOLERANCE."""
    bad = []
    for name in sorted(set(library) & set(groove)):
        levels = kicks_per_bar(vocab, library[name])
        if levels is None:
            continue
        k = weighted(levels)
        if abs(k - groove[name]) > TOLERANCE * groove[name]:
            bad.append((name, k, groove[name]))
    return bad


def main():
    from . import styles as styles_mod
    from . import vocab as vocab_mod
    vocab = vocab_mod.load()
    library = styles_mod.load_library(vocab)
    groove = groove_kicks()
    for name in sorted(library):
        levels = kicks_per_bar(vocab, library[name])
        if levels is None:
            continue
        g = groove.get(name)
        print(f"{name:12s} " + " ".join(f"{k:5.2f}" for k in levels) + f"   weighted {weighted(levels):5.2f}"
              + (f"   Groove {g:5.2f}  ({weighted(levels) / g - 1:+.0%})" if g else "   (Groove does not cover it)"))
    bad = misses(vocab, library, groove)
    for name, k, g in bad:
        print(f"MISS {name}: {k:.2f} kicks per 4/4 bar, Groove {g:.2f}, needs within {TOLERANCE:.0%}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
