"""How many events per bar each energy level of the style library plays, part by part.

Energy is the model's density control: what it learns is what the renders show it. A level whose
patterns play no more notes than the level below teaches it that the two are the same, so the
library must rise from level to level in every style, part and metre. This module measures that
the way the evaluation counts it (music_metrics: events = notes or hits per bar, every voice of a
chord counted) over a few typical bars, and lists the levels that fail to rise.

    /usr/bin/python3 -m sideman_data.style_density [STYLE ...]     # table + failures, exit 1 if any
"""

import random
import sys

from . import styles as styles_mod
from .styles import PartState, RenderBar, render_drums_bar, render_pitched_bar

PARTS = ("drums", "bass", "keys", "pad", "arp")
LEVELS = range(5)
# A level must play at least this many more events per bar than the level below, in the style's
# first (default) metre; in its other metres it must not play fewer (one pattern may serve them all).
MIN_STEP = 0.25


def probe_bars(vocab, metre):
    """Bars every pattern is played over: one chord; two chords (a change at the half bar, or
    the nearest beat); a minor seventh. Next chord roots set approach notes."""
    ticks = vocab.bar_ticks(metre)
    half = (ticks // 2) // 12 * 12 or 12
    return [
        RenderBar(ticks, metre, [(0, 0, "maj", 0)], "verse", 2, "main", 5),
        RenderBar(ticks, metre, [(0, 0, "maj", 0), (half, 7, "dom7", 0)], "verse", 2, "main", 9),
        RenderBar(ticks, metre, [(0, 9, "min7", 0)], "verse", 2, "main", 2),
    ]


def pattern_density(pattern, part, bars):
    """Mean events per bar of one pattern over the probe bars and every bar of the pattern."""
    total, n = 0, 0
    for pat_bar in range(pattern.bars):
        for bar in bars:
            rng = random.Random(7)
            if part == "drums":
                total += sum(1 for t, _, _, _ in render_drums_bar(pattern, bar, pat_bar, rng) if t < bar.ticks)
            else:
                total += len(render_pitched_bar(pattern, part, bar, pat_bar, rng, PartState()))
            n += 1
    return total / n


def level_density(vocab, style, part, metre, role="main"):
    """Per level 0..4: mean events per bar of the patterns the renderer picks for it (those that
    list the level, in this metre and role), or None where none does."""
    bars = probe_bars(vocab, metre)
    out = []
    for e in LEVELS:
        pool = [p for p in style.patterns.get(part, []) if p.metre == metre and p.role == role and e in p.energies]
        out.append(sum(pattern_density(p, part, bars) for p in pool) / len(pool) if pool else None)
    return out


def failures(vocab, library):
    """[(style, part, metre, densities, reason)] for every main-pattern ladder that does not rise."""
    bad = []
    for name in sorted(library):
        st = library[name]
        for part in PARTS:
            metres = sorted({p.metre for p in st.patterns.get(part, [])},
                            key=lambda m: (m != st.metres[0], m))
            for metre in metres:
                d = level_density(vocab, st, part, metre)
                if any(v is None for v in d):
                    bad.append((name, part, metre, d, "a level has no main pattern"))
                    continue
                default = metre == st.metres[0]
                for e in range(4):
                    if default and d[e + 1] < d[e] + MIN_STEP:
                        bad.append((name, part, metre, d, f"EN{e + 1} does not play at least {MIN_STEP} "
                                                          f"more events per bar than EN{e}"))
                        break
                    if not default and d[e + 1] < d[e]:
                        bad.append((name, part, metre, d, f"EN{e + 1} plays fewer events than EN{e}"))
                        break
    return bad


def _fmt(d):
    return " ".join(f"{v:6.2f}" if v is not None else "     -" for v in d)


def main(argv=None):
    from . import vocab as vocab_mod
    argv = sys.argv[1:] if argv is None else argv
    vocab = vocab_mod.load()
    library = styles_mod.load_library(vocab)
    if argv:
        library = {k: v for k, v in library.items() if k in argv}
    for name in sorted(library):
        st = library[name]
        for part in PARTS:
            for metre in sorted({p.metre for p in st.patterns.get(part, [])}):
                print(f"{name:12s} {part:6s} {metre[0]}/{metre[1]:<3d} {_fmt(level_density(vocab, st, part, metre))}")
    bad = failures(vocab, library)
    for name, part, metre, d, why in bad:
        print(f"FAIL {name}/{part} {metre[0]}/{metre[1]}: {why}  [{_fmt(d)}]")
    print(f"{len(bad)} ladder(s) fail" if bad else "every ladder rises")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
