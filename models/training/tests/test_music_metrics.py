"""Musical metrics on hand-built phrases whose answers are known."""
from __future__ import annotations

import math

from release_fixtures import TK, V, bass_phrase, drum_phrase
from music_metrics import Tally, density_rises, scale_fit, strong_ticks
from sideman_data.patterns import Bar, BarChord, Chord, Phrase, PitchedNote


def tally(*phrases) -> dict:
    t = Tally()
    for p in phrases:
        t.add_phrase(V, TK.decode(TK.encode(p)))  # through the tokens, as evaluate.py does
    return t.summary()


def test_strong_beats_follow_the_metre():
    assert strong_ticks((4, 4), 24) == {0, 24, 48, 72}
    assert strong_ticks((6, 8), 24) == {0, 36}
    assert strong_ticks((2, 2), 24) == {0, 48}
    assert strong_ticks((7, 8), 24) == {0}


def test_chord_tones_on_strong_beats_count_only_strong_onsets():
    # Over C major: root on beat 1 (chord tone), 9th on beat 2 (not), 3rd on the "and" of 2 (weak).
    bar = Bar((4, 4), "verse", 2, [BarChord(0, Chord(0, "maj"))],
              [PitchedNote(0, 0, 1, 0, 24, 88), PitchedNote(24, 0, 2, 0, 12, 88), PitchedNote(36, 0, 3, 0, 12, 88)])
    s = tally(Phrase("pop", "keys", 0, 3, [bar]))
    assert s["chord_tone_strong"] == 0.5
    assert s["chord_tone_all"] == round(2 / 3, 4)


def test_slot_seven_of_a_triad_is_not_a_chord_tone_but_of_a_seventh_chord_it_is():
    note = [PitchedNote(0, 0, 7, 0, 24, 88)]
    triad = tally(Phrase("pop", "keys", 0, 3, [Bar((4, 4), "verse", 2, [BarChord(0, Chord(0, "maj"))], note)]))
    seventh = tally(Phrase("pop", "keys", 0, 3, [Bar((4, 4), "verse", 2, [BarChord(0, Chord(0, "maj7"))], note)]))
    assert triad["chord_tone_strong"] == 0.0 and seventh["chord_tone_strong"] == 1.0


def test_identical_bars_have_full_groove_and_pattern_consistency():
    s = tally(drum_phrase(4))
    assert s["groove_consistency"] == 1.0 and s["drum_pattern_consistency"] == 1.0
    assert s["empty_bar_rate"] == 0.0


def test_groove_similarity_is_one_minus_the_onset_difference_over_the_grid():
    p = bass_phrase(2, figure=(0, 48))
    p.bars[1].events = [PitchedNote(0, 0, 1, 0, 24, 88), PitchedNote(24, 0, 1, 0, 24, 88)]
    grid = sum(1 for t in V.grid if t < 96)
    assert tally(p)["groove_consistency"] == round(1 - 2 / grid, 4)  # onsets {0,48} vs {0,24}


def test_pitch_class_entropy_and_scale_fit():
    one_pc = bass_phrase(8, chords=((0, "maj"),))  # 16 notes, all C
    s = tally(one_pc)
    assert s["pc_entropy"] == 0.0 and s["scale_consistency"] == 1.0
    assert scale_fit([0, 2, 4, 5, 7, 9, 11, 1]) == 7 / 8
    chromatic = Phrase("pop", "keys", 0, 3, [Bar((4, 4), "verse", 2, [BarChord(0, Chord(r, "maj"))],
                                                  [PitchedNote(0, 0, 1, 0, 24, 88)]) for r in range(12)])
    assert abs(tally(chromatic)["pc_entropy"] - math.log2(12)) < 1e-3


def test_empty_bars_and_density_per_energy():
    quiet = bass_phrase(3, energy=0, figure=(0,))
    loud = bass_phrase(3, energy=4, figure=(0, 24, 48, 72))
    quiet.bars[2].events = []
    s = tally(quiet, loud)
    assert s["empty_bar_rate"] == round(1 / 6, 4)
    assert s["density_by_energy"]["0"] == {"mean": round(2 / 3, 3), "bars": 3}
    assert s["density_by_energy"]["4"] == {"mean": 4.0, "bars": 3}
    assert density_rises({"0": {"mean": 1.0, "bars": 30}, "2": {"mean": 2.0, "bars": 30}, "4": {"mean": 3.0, "bars": 30}})
    assert not density_rises({"0": {"mean": 1.0, "bars": 30}, "2": {"mean": 0.5, "bars": 30}, "4": {"mean": 3.0, "bars": 30}})
    assert density_rises({"0": {"mean": 1.0, "bars": 30}, "4": {"mean": 3.0, "bars": 5}}) is None  # too few bars


def test_copy_tally_counts_bars_after_the_first():
    t = Tally()
    t.add_copies([False, True, False, True])
    t.add_copies([False])
    t.add_phrase(V, TK.decode(TK.encode(bass_phrase(2))))
    s = t.summary()
    assert (s["copied_bars"], s["copy_bars"], s["copy_rate"]) == (2, 3, round(2 / 3, 4))
