"""Energy levels of rendered section instances: every section type is seen at every level (so the
model learns density from the EN token, not from SEC), songs still build to their last chorus,
and the draw is deterministic."""
import random
import unittest
from collections import Counter

from sideman_data import section_energy

# A common song form: [(section_index, section type)] per bar, 4 bars a section.
FORM = ["intro", "verse", "chorus", "verse", "chorus", "bridge", "chorus", "outro"]
BARS = [(i, s) for i, s in enumerate(FORM) for _ in range(4)]
LAST_CHORUS = max(i for i, s in enumerate(FORM) if s == "chorus")
RENDERS = 4000


def draws():
    return [section_energy.assign(random.Random(seed), BARS) for seed in range(RENDERS)]


class SectionEnergyTest(unittest.TestCase):
    def test_every_section_type_is_seen_at_every_level(self):
        levels = {s: Counter() for s in set(FORM)}
        for plan in draws():
            for i, s in enumerate(FORM):
                levels[s][plan[i]] += 1
        for s, c in levels.items():
            n = sum(c.values())
            for e in range(section_energy.LEVELS):
                self.assertGreaterEqual(c[e] / n, 0.05, f"{s} at energy {e}: {c[e]} of {n} instances")
        verse = levels["verse"]
        n = sum(verse.values())
        # The arranged plan alone puts a verse at 0 or at 4 in 1 render of 16.
        self.assertGreaterEqual(verse[0] / n, 0.10)
        self.assertGreaterEqual(verse[4] / n, 0.10)

    def test_the_last_chorus_tends_to_be_the_peak(self):
        plans = draws()
        peak = sum(all(p[LAST_CHORUS] >= p[i] for i, s in enumerate(FORM) if s == "chorus") for p in plans)
        self.assertGreaterEqual(peak / len(plans), 0.85)
        mean = lambda idx: sum(p[i] for p in plans for i in idx) / (len(plans) * len(idx))
        verses = [i for i, s in enumerate(FORM) if s == "verse"]
        others = [i for i, s in enumerate(FORM) if s == "chorus" and i != LAST_CHORUS]
        self.assertGreater(mean([LAST_CHORUS]), mean(others))
        self.assertGreater(mean(others), mean(verses))

    def test_instances_keep_one_level_and_the_draw_is_deterministic(self):
        a = section_energy.assign(random.Random(11), BARS)
        b = section_energy.assign(random.Random(11), BARS)
        self.assertEqual(a, b)
        self.assertEqual(set(a), set(range(len(FORM))))
        self.assertTrue(all(0 <= e < section_energy.LEVELS for e in a.values()))


if __name__ == "__main__":
    unittest.main()
