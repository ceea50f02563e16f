"""The dataset build on a small sample: file formats (the contract with the training code),
provenance, piece-level splits, fingerprints and determinism."""
import hashlib
import io
import json
import os
import shutil
import tempfile
import unittest

import numpy as np
from helpers import has_corpus

from sideman_data import build
from sideman_data import vocab as vocab_mod
from sideman_data.fingerprint import bar_hashes
from sideman_data.tokenizer import Tokenizer

V = vocab_mod.load()


@unittest.skipUnless(has_corpus(), "corpus not present")
class BuildTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dirs = [tempfile.mkdtemp(), tempfile.mkdtemp()]
        for d in cls.dirs:
            build.build(d, limit=3, log=io.StringIO())

    @classmethod
    def tearDownClass(cls):
        for d in cls.dirs:
            shutil.rmtree(d, ignore_errors=True)

    def load(self, split, d=None):
        d = d or self.dirs[0]
        tokens = np.load(os.path.join(d, f"{split}.tokens.npy"))
        offsets = np.load(os.path.join(d, f"{split}.offsets.npy"))
        with open(os.path.join(d, f"{split}.meta.jsonl"), encoding="utf-8") as f:
            meta = [json.loads(line) for line in f]
        return tokens, offsets, meta

    def test_file_formats(self):
        total = 0
        for split in build.SPLITS:
            tokens, offsets, meta = self.load(split)
            self.assertEqual(tokens.dtype, np.int32)
            self.assertEqual(offsets.dtype, np.int64)
            self.assertEqual(len(offsets), len(meta) + 1)
            self.assertEqual(offsets[0], 0)
            self.assertEqual(offsets[-1], len(tokens))
            total += len(meta)
            for i, m in enumerate(meta):
                seq = tokens[offsets[i]:offsets[i + 1]]
                self.assertEqual(int(seq[0]), V.bos)
                self.assertEqual(int(seq[-1]), V.eos)
                self.assertLessEqual(len(seq), V.max_sequence_tokens)
                self.assertEqual(m["n_tokens"], len(seq))
                self.assertEqual(m["id"], f"{split}/{i}")
                for key in ("piece_id", "source", "files", "licences", "project_authored", "part", "style",
                            "energy", "sections", "n_bars"):
                    self.assertIn(key, m)
                self.assertEqual(len(m["energy"]), m["n_bars"])
        self.assertGreater(total, 20)

    def test_every_example_decodes_and_names_a_manifest_file(self):
        tk = Tokenizer(V)
        from sideman_data.corpus import manifest
        rows = manifest().rows
        for split in build.SPLITS:
            tokens, offsets, meta = self.load(split)
            for i, m in enumerate(meta):
                phrase = tk.decode(tokens[offsets[i]:offsets[i + 1]].tolist())
                self.assertEqual(phrase.part, m["part"])
                self.assertEqual(len(phrase.bars), m["n_bars"])
                self.assertIn(m["files"][0], rows, "provenance must be a path of manifest.tsv")
                if m["project_authored"]:
                    self.assertTrue(any(f.startswith("models/training/styles/") for f in m["files"]))

    def test_splits_are_by_piece(self):
        owner = {}
        for split in build.SPLITS:
            for m in self.load(split)[2]:
                self.assertEqual(owner.setdefault(m["piece_id"], split), split, m["piece_id"])

    def test_bar_fingerprints_line_up_with_examples(self):
        for split in build.SPLITS:
            tokens, offsets, meta = self.load(split)
            hashes = np.load(os.path.join(self.dirs[0], f"{split}.barhash.npy"))
            bar_offsets = np.load(os.path.join(self.dirs[0], f"{split}.bar_offsets.npy"))
            self.assertEqual(hashes.dtype, np.uint64)
            self.assertEqual(len(bar_offsets), len(meta) + 1)
            for i in range(len(meta)):
                want = bar_hashes(V, tokens[offsets[i]:offsets[i + 1]].tolist())
                self.assertEqual(hashes[bar_offsets[i]:bar_offsets[i + 1]].tolist(), want)

    def test_stats_are_computed_from_the_examples(self):
        with open(os.path.join(self.dirs[0], "stats.json")) as f:
            stats = json.load(f)
        n = sum(len(self.load(s)[2]) for s in build.SPLITS)
        self.assertEqual(sum(v["examples"] for v in stats["by"]["part"].values()), n)
        self.assertEqual(sum(s["examples"] for s in stats["splits"].values()), n)
        share = stats["project_authored_share"]["tokens"]
        self.assertTrue(0 < share < 1)

    def test_census_counts_every_bar_once(self):
        """Bars per metre and part add up to the examples' bars, and drum bars per style to the drum bars."""
        with open(os.path.join(self.dirs[0], "stats.json")) as f:
            census = json.load(f)["census"]
        meta = [m for s in build.SPLITS for m in self.load(s)[2]]
        for part in {m["part"] for m in meta}:
            want = sum(m["n_bars"] for m in meta if m["part"] == part)
            got = sum(sum(census["bars_by_metre"].get(o, {}).get(part, {}).values()) for o in ("human", "authored"))
            self.assertEqual(got, want, part)
        drums = sum(m["n_bars"] for m in meta if m["part"] == "drums")
        self.assertEqual(sum(sum(c.values()) for c in census["drum_bars_by_style"].values()), drums)
        beat1 = census["bass_beat1"]["authored"]
        self.assertEqual(beat1["plain_bars"] + beat1["slash_bars"],
                         sum(m["n_bars"] for m in meta if m["part"] == "bass" and m["project_authored"])
                         - beat1.get("nochord_bars", 0))

    def test_files_table_lists_every_file_with_its_manifest_licence(self):
        from sideman_data.corpus import manifest
        rows = manifest().rows
        with open(os.path.join(self.dirs[0], "files.tsv"), encoding="utf-8") as f:
            header = f.readline().rstrip("\n").split("\t")
            table = {line.split("\t")[0]: dict(zip(header, line.rstrip("\n").split("\t"))) for line in f}
        used = {f for s in build.SPLITS for m in self.load(s)[2] for f in m["files"]}
        self.assertEqual(set(table), used)
        for path, r in table.items():
            want = rows[path]["license"] if path in rows else "CC0-1.0 (project-authored)"
            self.assertEqual(r["licence"], want, path)

    def test_build_is_deterministic(self):
        for name in sorted(os.listdir(self.dirs[0])):
            if name == "stats.json":
                continue  # holds the build time
            digests = []
            for d in self.dirs:
                with open(os.path.join(d, name), "rb") as f:
                    digests.append(hashlib.sha256(f.read()).hexdigest())
            self.assertEqual(digests[0], digests[1], name)


if __name__ == "__main__":
    unittest.main()
