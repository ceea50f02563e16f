"""Billboard renders: slash basses reach the data and the bass plays them; re-metred renders
lay a progression into 3/4, 6/8, 5/4 or 12/8 bars, with each metre's own patterns."""
import random
import unittest

import helpers  # noqa: F401  (import path)

from sideman_data import census, remetre, render_billboard, styles, theory
from sideman_data import vocab as vocab_mod
from sideman_data.billboard import BillboardBar, BillboardSong
from sideman_data.patterns import Bar, BarChord, Chord
from sideman_data.styles import PartState, RenderBar, render_drums_bar, render_pitched_bar

V = vocab_mod.load()
LIB = styles.load_library(V)


def bass_pattern(cells, steps=16):
    return styles.Pattern("test", "bass", "t", [2], "main", (4, 4), steps, 1,
                          cells=[styles.parse_cell(c, "test") for c in cells.replace("|", " ").split()])


def song(bars_of_chords, metre=(4, 4)):
    bars = [BillboardBar(chords, metre, 0, "verse" if i < 8 else "chorus", 0 if i < 8 else 1, 0.0, i // 4)
            for i, chords in enumerate(bars_of_chords)]
    return BillboardSong("test/salami_chords.txt", "Test", "Nobody", bars, 100.0)


class SlashChordTest(unittest.TestCase):
    def test_non_chord_tone_basses_stay_in_the_chords(self):
        bar = BillboardBar([(0.0, "C:maj/7"), (0.5, "A:min/b7")], (4, 4), 0, "verse", 0, 0.0, 0)
        self.assertEqual(render_billboard._bar_chords(V, bar, 96, 0), [(0, 0, "maj", 11), (48, 9, "min", 10)])
        bar = BillboardBar([(0.0, "F:maj/2")], (4, 4), 0, "verse", 0, 0.0, 0)  # F/G
        self.assertEqual(render_billboard._bar_chords(V, bar, 96, 2), [(0, 7, "maj", 2)])

    def test_bass_plays_the_written_bass_on_its_first_note_in_a_slash_chord(self):
        # C | C/B at the half bar; the pattern's cells there are a fifth and a third, not roots.
        bar = RenderBar(96, (4, 4), [(0, 0, "maj", 0), (48, 0, "maj", 11)], "verse", 2, "main", None)
        notes = render_pitched_bar(bass_pattern("R - 5 - | 3 - 5 - | 5 - 3 - | R - 5 -"), "bass", bar,
                                   0, random.Random(1), PartState())
        by_tick = {t: m % 12 for t, m, _, _ in notes}
        self.assertEqual(by_tick[0], 0)  # C on the plain chord
        self.assertEqual(by_tick[12], 7)  # its fifth
        self.assertEqual(by_tick[48], 11)  # B: the first note over C/B is the written bass
        self.assertEqual(by_tick[60], 4)  # then the chord's third
        self.assertEqual(by_tick[72], 11)  # a root cell plays the written bass
        self.assertEqual(by_tick[84], 7)  # and the fifth is still the chord's

    def test_approach_leads_to_the_next_written_bass(self):
        pattern = bass_pattern("R - - - | - - - - | - - - - | > - - -")
        bar = RenderBar(96, (4, 4), [(0, 0, "maj", 0)], "verse", 2, "main", 7)  # next: Am/G
        notes = render_pitched_bar(pattern, "bass", bar, 0, random.Random(1), PartState())
        self.assertEqual([m % 12 for t, m, _, _ in notes if t == 72], [6])  # F#, a semitone below G

    def test_census_tells_inversions_from_other_slash_basses(self):
        def bar(*chords):
            return Bar((4, 4), "verse", 2, [BarChord(t, Chord(r, q, b)) for t, r, q, b in chords])
        self.assertEqual(census.slash_kind(bar((0, 0, "maj", 4))), "chord_tone")
        self.assertEqual(census.slash_kind(bar((0, 0, "maj", 4), (48, 9, "min", 10))), "other")
        self.assertIsNone(census.slash_kind(bar((0, 0, "maj", 0))))


class RemetreTest(unittest.TestCase):
    def test_half_bar_changes_go_to_the_second_beat_group(self):
        self.assertEqual(remetre.chord_tick(0.5, (3, 4)), 48)
        self.assertEqual(remetre.chord_tick(0.5, (6, 8)), 36)
        self.assertEqual(remetre.chord_tick(0.5, (5, 4)), 72)  # 3 + 2
        self.assertEqual(remetre.chord_tick(0.5, (12, 8)), 72)
        self.assertEqual(remetre.chord_tick(0.25, (3, 4)), 24)  # nearest beat
        self.assertEqual(remetre.chord_tick(0.75, (5, 4)), 96)
        self.assertEqual(remetre.chord_tick(0.25, (6, 8)), 24)  # nearest eighth in compound time

    def test_choose_metre_only_picks_declared_metres(self):
        rng = random.Random(3)
        got = {remetre.choose_metre(rng, (4, 4), {(4, 4), (3, 4)}) for _ in range(400)}
        self.assertEqual(got, {(4, 4), (3, 4)})
        self.assertEqual({remetre.choose_metre(rng, (4, 4), {(4, 4)}) for _ in range(50)}, {(4, 4)})

    def renders(self):
        chords = [[(0.0, "C:maj"), (0.5, "C:maj/7")], [(0.0, "A:min"), (0.5, "A:min/b7")],
                  [(0.0, "F:maj")], [(0.0, "G:7")]] * 4  # C C/B | Am Am/G | F | G7
        s = song(chords)
        out = {}
        for ri in range(60):
            p = render_billboard.render(V, LIB, f"test/{ri}", s, ri)
            out.setdefault(p.runs[0].bars[0].time_signature, (p, s, ri))
        return out

    def test_renders_in_every_target_metre_use_that_metres_patterns(self):
        found = self.renders()
        for metre in [(3, 4), (6, 8), (5, 4), (12, 8)]:
            self.assertIn(metre, found, f"no re-metred render in {metre}")
            piece, s, ri = found[metre]
            self.assertIn(f"in {metre[0]}/{metre[1]}", piece.title)
            self.assertIn(metre, LIB[piece.style].metres)
            for run in piece.runs:
                for b in run.bars:
                    self.assertEqual(b.time_signature, metre)
                    ticks = V.bar_ticks(metre)
                    self.assertTrue(all(e.tick < ticks for e in b.events))
            bass = next(r for r in piece.runs if r.part == "bass")
            half = remetre.group_start(metre)
            self.assertEqual([c.tick for c in bass.bars[0].chords], [0, half])
            # C/B and Am/G: the bass's first note on each slash chord is its written bass.
            played = 0
            for b in (b for r in piece.runs if r.part == "bass" for b in r.bars):
                slash = b.chords[1].chord if len(b.chords) > 1 else None
                if slash is None or slash.bass == 0:
                    continue
                self.assertIn(slash.bass, (11, 10))
                first = [e for e in b.events if e.tick >= b.chords[1].tick][:1]
                for e in first:
                    played += 1
                    self.assertEqual(theory.degree_semitones(slash.quality, e.degree, e.alteration) % 12, slash.bass)
            self.assertGreater(played, 0)
            drums = [r for r in piece.runs if r.part == "drums"]
            self.assertTrue(drums, f"{piece.style} in {metre} has no drums")
            kicks_on_one = sum(any(e.tick == 0 and e.drum in ("kick", "conga_low") for e in b.events)
                               for r in drums for b in r.bars)
            self.assertGreater(kicks_on_one, 0)
            again = render_billboard.render(V, LIB, f"test/{ri}", s, ri)
            self.assertEqual([(r.part, r.bars) for r in piece.runs], [(r.part, r.bars) for r in again.runs])

    def test_about_a_third_of_renders_are_re_metred(self):
        s = song([[(0.0, "C:maj")], [(0.0, "G:maj")]] * 4)
        metres = [render_billboard.render(V, LIB, f"share/{i}", s, 0).runs[0].bars[0].time_signature
                  for i in range(300)]
        share = sum(m != (4, 4) for m in metres) / len(metres)
        self.assertGreater(share, 0.2)
        self.assertLess(share, 0.4)


class DrumFeelTest(unittest.TestCase):
    def test_feel_moves_one_drum_and_nothing_else(self):
        base = LIB["hiphop"].patterns["drums"][1]
        self.assertEqual(base.feel, {"snare": 3})
        bar = RenderBar(96, (4, 4), [], "verse", 1, "main", None)
        plain = styles.Pattern(**{**base.__dict__, "feel": {}})
        a = render_drums_bar(base, bar, 0, random.Random(5))
        b = render_drums_bar(plain, bar, 0, random.Random(5))
        for (t1, m1, d1, v1), (t2, m2, d2, v2) in zip(a, b):
            self.assertEqual((t1, d1, v1), (t2, d2, v2))
            self.assertEqual(m1 - m2, 3 if d1 == "snare" else 0)


if __name__ == "__main__":
    unittest.main()
