"""Harmonic analysis: a constructed cadence, and agreement with When-in-Rome on real songs."""
import unittest

from helpers import LIEDER_WIR, has_corpus

from sideman_data import harmony, lieder_rn
from sideman_data.corpus import CORPUS_ROOT, cached_score


def block(start, length, pitches):
    return [(start, start + length, p) for p in pitches]


class HarmonyTest(unittest.TestCase):
    def test_cadence_in_g_major(self):
        # | G | C/E | D7 | G | one chord per 4/4 bar, bass plus close triad.
        notes = (block(0, 4, [43, 59, 62, 67]) + block(4, 4, [40, 60, 64, 67]) +
                 block(8, 4, [38, 60, 66, 69]) + block(12, 4, [43, 59, 62, 67]))
        bars = [(4.0 * i, 4.0, (4, 4)) for i in range(4)]
        res = harmony.analyse(notes, bars)
        self.assertEqual((res.key_tonic, res.key_minor), (7, False))
        labels = [[(r, q, b) for _, r, q, b in bar] for bar in res.bar_chords]
        self.assertEqual(labels, [[(7, "maj", 0)], [(0, "maj", 4)], [(2, "dom7", 0)], [(7, "maj", 0)]])

    def test_half_bar_change(self):
        # One 4/4 bar: Am for two beats, then E7.
        notes = block(0, 2, [45, 60, 64, 69]) + block(2, 2, [40, 56, 62, 64])
        res = harmony.analyse(notes, [(0.0, 4.0, (4, 4))])
        self.assertEqual([(o, r, q) for o, r, q, _ in res.bar_chords[0]], [(0.0, 9, "min"), (2.0, 4, "dom7")])

    @unittest.skipUnless(has_corpus(), "corpus not present")
    def test_agrees_with_when_in_rome_on_a_real_song(self):
        analysis, score = lieder_rn.load_pair(CORPUS_ROOT, LIEDER_WIR[0], LIEDER_WIR[1], cached_score)
        ref = lieder_rn.reference_chords(analysis, score)
        notes = [(float(n.start), float(n.start + n.duration), n.pitch) for p in score.parts for n in p.notes]
        bars = [(float(m.start), float(m.length), m.time_signature) for m in score.measures]
        res = harmony.analyse(notes, bars)
        total = correct = 0
        for i, r in enumerate(ref):
            if r:
                total += 1
                correct += harmony.bar_majority(r, bars[i][1])[0] == harmony.bar_majority(res.bar_chords[i], bars[i][1])[0]
        self.assertGreater(total, 30)
        self.assertGreater(correct / total, 0.6, f"root accuracy {correct}/{total}")


if __name__ == "__main__":
    unittest.main()
