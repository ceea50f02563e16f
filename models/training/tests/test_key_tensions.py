"""Tensions come from the key: a pattern's 7th over a major triad, and the 9th a voicing adds, are
moved a semitone into the song's key when the quality's own scale would leave it (F#, the major 7th of
G, is out of C major; a bassist playing "the seventh" over the V chord in C plays F)."""
import random
import unittest

import helpers  # noqa: F401  (import path)

from sideman_data import render_billboard, styles, theory
from sideman_data.billboard import BillboardBar, BillboardSong
from sideman_data.styles import PartState, RenderBar, render_pitched_bar

C_MAJOR = theory.key_scale(0)


def pattern(part, cells, voicing="chord"):
    return styles.Pattern("test", part, "t", [2], "main", (4, 4), 4, 1, voicing=voicing,
                          cells=[styles.parse_cell(c, "test") for c in cells.split()])


def pitch_classes(part, cells, chord, key_scale, voicing="chord"):
    bar = RenderBar(96, (4, 4), [chord], "verse", 2, "main", None, key_scale)
    notes = render_pitched_bar(pattern(part, cells, voicing), part, bar, 0, random.Random(1), PartState())
    return [m % 12 for _, m, _, _ in notes]


class InKeyTensionTest(unittest.TestCase):
    def test_tensions_outside_the_key_move_into_it(self):
        self.assertEqual(theory.in_key_tension(7, "maj", 11, C_MAJOR), 10)  # G: F, not F#
        self.assertEqual(theory.in_key_tension(4, "dom7", 2, C_MAJOR), 1)  # E7: b9 (F)
        self.assertEqual(theory.in_key_tension(4, "dom7", 9, C_MAJOR), 8)  # E7: b13 (C)
        self.assertEqual(theory.in_key_tension(5, "maj", 5, C_MAJOR), 6)  # F: #11 (B), not the third

    def test_chord_tones_notes_in_key_and_unknown_keys_are_kept(self):
        self.assertEqual(theory.in_key_tension(4, "dom7", 4, C_MAJOR), 4)  # G# is E7's third
        self.assertEqual(theory.in_key_tension(0, "maj", 11, C_MAJOR), 11)  # B over C is in the key
        self.assertEqual(theory.in_key_tension(7, "maj", 11, None), 11)

    def test_minor_keys_use_the_natural_minor(self):
        a_minor = theory.key_scale(9, minor=True)
        self.assertEqual(a_minor, frozenset({9, 11, 0, 2, 4, 5, 7}))
        self.assertEqual(theory.in_key_tension(4, "maj", 2, a_minor), 1)  # E in A minor: b9 (F)


class RenderedTensionTest(unittest.TestCase):
    def test_a_seventh_cell_over_the_five_chord_plays_the_key_seventh(self):
        self.assertEqual(pitch_classes("bass", "R 5 7 .", (0, 7, "maj", 0), C_MAJOR), [7, 2, 5])
        self.assertEqual(pitch_classes("bass", "R 5 7 .", (0, 0, "maj", 0), C_MAJOR), [0, 7, 11])
        self.assertEqual(pitch_classes("bass", "R 5 7 .", (0, 7, "maj", 0), None), [7, 2, 6])

    def test_a_written_alteration_is_played_as_written(self):
        self.assertEqual(pitch_classes("keys", "3- . . .", (0, 7, "maj", 0), C_MAJOR), [10])

    def test_voicings_take_their_added_tensions_from_the_key(self):
        rootless = sorted(set(pitch_classes("keys", "C . . .", (0, 7, "maj", 0), C_MAJOR, "rootless")))
        self.assertEqual(rootless, [5, 9, 11])  # B, F, A: 3, b7, 9 of G in C
        color = sorted(set(pitch_classes("keys", "C . . .", (0, 4, "dom7", 0), C_MAJOR, "color")))
        self.assertIn(5, color)  # E7's added ninth is F
        self.assertNotIn(6, color)


class SongModeTest(unittest.TestCase):
    def test_a_song_whose_tonic_chords_are_minor_is_minor(self):
        def song(labels):
            bars = [BillboardBar([(0.0, lab)], (4, 4), 9, "verse", 0, 0.0, 0) for lab in labels]
            return BillboardSong("t/salami_chords.txt", "T", "N", bars, 100.0)
        self.assertTrue(render_billboard.song_is_minor(song(["A:min", "F:maj", "A:min7", "E:maj"])))
        self.assertFalse(render_billboard.song_is_minor(song(["A:maj", "D:maj", "A:maj", "E:maj"])))


if __name__ == "__main__":
    unittest.main()
