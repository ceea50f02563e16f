"""The project-authored style library: every file loads, damage is reported, renders are
deterministic, and density rises with energy (the control the model learns)."""
import os
import tempfile
import unittest

from helpers import has_corpus

from sideman_data import render_billboard, style_density, styles
from sideman_data import vocab as vocab_mod
from sideman_data.errors import CorpusFileError

V = vocab_mod.load()
REQUIRED = {"pop", "rock", "funk", "soul", "hiphop", "house", "reggae", "latin", "bossa", "jazz_swing",
            "jazz_ballad", "country", "gospel", "afrobeat"}


class StyleLibraryTest(unittest.TestCase):
    def test_all_styles_load_and_cover_the_brief(self):
        lib = styles.load_library(V)
        self.assertTrue(REQUIRED <= set(lib), REQUIRED - set(lib))
        for name, st in lib.items():
            for part in ("bass", "keys", "pad", "arp"):
                self.assertTrue(st.patterns.get(part), f"{name} has no {part} patterns")
                levels = {e for p in st.patterns[part] if p.role == "main" for e in p.energies}
                self.assertEqual(levels, set(range(5)), f"{name}/{part} main patterns miss energy levels")
        for name in ("house", "bossa", "jazz_ballad"):
            self.assertTrue(lib[name].patterns.get("drums"), f"{name} needs authored drums")

    def test_damaged_style_file_names_file_and_pattern(self):
        d = tempfile.mkdtemp()
        path = os.path.join(d, "pop.yaml")
        with open(path, "w") as f:
            f.write("style: pop\nlicence: CC0-1.0\nparts:\n  bass:\n    - name: short\n      energy: [1]\n"
                    "      cells: \"R . . .\"\n")
        with self.assertRaises(CorpusFileError) as ctx:
            styles.load_library(V, d)
        self.assertIn("pop.yaml", str(ctx.exception))
        self.assertIn("parts.bass[0] (short)", str(ctx.exception))
        self.assertIn("4 cells, expected 16", str(ctx.exception))
        with open(path, "w") as f:
            f.write("style: pop\nlicence: CC-BY\nparts: {}\n")
        with self.assertRaises(CorpusFileError) as ctx:
            styles.load_library(V, d)
        self.assertIn("CC0-1.0", str(ctx.exception))

    def test_every_ladder_rises_with_energy(self):
        """Each style, part and metre: the main patterns play more events per bar at each level than
        at the one below (by MIN_STEP in the default metre), as the evaluation counts events."""
        bad = style_density.failures(V, styles.load_library(V))
        self.assertEqual([], [f"{s}/{p} {m[0]}/{m[1]}: {why} {d}" for s, p, m, d, why in bad])

    def test_density_checker_catches_a_flat_or_falling_ladder(self):
        d = tempfile.mkdtemp()
        with open(os.path.join(d, "pop.yaml"), "w") as f:
            f.write("style: pop\nlicence: CC0-1.0\nparts:\n  bass:\n"
                    "    - name: low\n      energy: [0, 1]\n      cells: \"R . . . | R . . . | . . . . | . . . .\"\n"
                    "    - name: mid\n      energy: [2]\n      cells: \"R . R . | R . R . | . . . . | . . . .\"\n"
                    "    - name: top\n      energy: [3, 4]\n      cells: \"R . R . | . . . . | . . . . | . . . .\"\n")
        lib = styles.load_library(V, d)
        self.assertEqual(style_density.level_density(V, lib["pop"], "bass", (4, 4)), [2.0, 2.0, 4.0, 2.0, 2.0])
        reasons = [why for _, part, _, _, why in style_density.failures(V, lib) if part == "bass"]
        self.assertEqual(1, len(reasons))
        self.assertIn("EN1", reasons[0])

    def test_voicings_voice_lead(self):
        prev = styles.voice_chord(0, "maj", "triad", "keys", None)
        nxt = styles.voice_chord(5, "maj", "triad", "keys", prev)
        self.assertEqual(sorted(p % 12 for p in nxt), [0, 5, 9])
        self.assertLessEqual(sum(min(abs(n - p) for p in prev) for n in nxt), 4)


@unittest.skipUnless(has_corpus(), "corpus not present")
class RenderTest(unittest.TestCase):
    def test_renders_are_deterministic_and_project_authored(self):
        lib = styles.load_library(V)
        rel, song = render_billboard.songs()[12]
        a = render_billboard.render(V, lib, rel, song, 1)
        b = render_billboard.render(V, lib, rel, song, 1)
        self.assertTrue(a.project_authored)
        self.assertIn(rel, a.files)
        self.assertEqual([(r.part, r.bars) for r in a.runs], [(r.part, r.bars) for r in b.runs])
        sections = {bar.section for r in a.runs for bar in r.bars}
        self.assertTrue(sections - {"none"}, "Billboard sections reach the bars")


if __name__ == "__main__":
    unittest.main()
