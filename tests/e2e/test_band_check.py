"""band_check.py must fail on what a broken band sounds like: silence, a missing part, stems that do not add up,
a bass on the wrong notes, NaN; and pass a synthetic band that follows the chords."""

import numpy as np
import pytest

from band_check import STEMS, check
from chord_check import Note

RATE = 48000
BAR = 96000


def notes_plan():
    # Two chords: C (bar 1) and F (bar 2), held a bar each.
    return [Note("C", p, BAR, 2 * BAR, 100) for p in (60, 64, 67)] + [Note("F", p, 2 * BAR, 3 * BAR, 100) for p in (65, 69, 72)]


def tone(freq, frames, level=0.2):
    t = np.arange(frames) / RATE
    return level * np.sin(2 * np.pi * freq * t)


def band(bass_roots=(130.81 / 2, 174.61 / 2)):
    frames = 3 * BAR
    stems = {name: np.zeros((frames, 2)) for name in STEMS}
    rng = np.random.default_rng(1)
    stems["drums"][:, :] = 0.05 * rng.standard_normal((frames, 1))
    for bar, freq in enumerate(bass_roots, start=1):
        stems["bass"][bar * BAR:(bar + 1) * BAR, :] = tone(freq, BAR)[:, None]
    stems["bass"][:BAR, :] = tone(bass_roots[0], BAR)[:, None]
    for name in ("keys", "pad", "arp"):
        stems[name][:, :] = tone(523.25, frames, 0.05)[:, None]
    main = sum(stems.values())
    return main, stems


def test_a_band_that_follows_passes():
    main, stems = band()
    problems, table = check(main, stems, RATE, notes_plan(), BAR)
    assert problems == []
    assert [row[-1] for row in table] == [True, True]


def test_a_bass_on_the_wrong_notes_fails():
    main, stems = band(bass_roots=(146.83 / 2, 146.83 / 2))  # D under C and F
    problems, _ = check(main, stems, RATE, notes_plan(), BAR)
    assert any("bass follows only" in p for p in problems)


def test_a_silent_stem_and_a_missing_drum_bar_fail():
    main, stems = band()
    stems["pad"][:] = 0
    stems["drums"][BAR:2 * BAR] = 0
    main = sum(stems.values())
    problems, _ = check(main, stems, RATE, notes_plan(), BAR)
    assert any("pad stem is silent" in p for p in problems)
    assert any("bar 2: no drums" in p for p in problems)


def test_stems_that_do_not_add_up_fail():
    main, stems = band()
    problems, _ = check(main * 0.5, stems, RATE, notes_plan(), BAR)
    assert any("do not add up" in p for p in problems)


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_non_finite_output_fails(bad):
    main, stems = band()
    main[1000, 0] = bad
    problems, _ = check(main, stems, RATE, notes_plan(), BAR)
    assert any("NaN or infinity" in p for p in problems)


def test_a_silent_mix_bar_fails():
    main, stems = band()
    for s in stems.values():
        s[2 * BAR:] = 0
    main = sum(stems.values())
    problems, _ = check(main, stems, RATE, notes_plan(), BAR)
    assert any("bar 3" in p for p in problems)
