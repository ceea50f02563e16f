#!/usr/bin/python3
"""Builds the originality index models/sideman-<version>.fingerprints (models/ORIGINALITY_INDEX.md)
from the train split: every pair of consecutive non-empty bars, per part, keyed by the example's
PART token. Consecutive examples of one piece and part (the second starts where the first ends)
are also paired across their boundary, so a 2-bar span is never missed because the data pipeline
cut the piece there.

    /usr/bin/python3 models/training/build_index.py [--data-dir DIR] [--out models/sideman-0.4.0.fingerprints]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from originality_index import (OriginalityIndex, example_part_ids, pair_keys, split_pairs,  # noqa: E402
                               vocab_digest, write_index)


def default_out() -> Path:
    version = (HERE.parent.parent / "VERSION").read_text().strip()
    return HERE.parent / f"sideman-{version}.fingerprints"


def continues_previous(meta: list[dict]) -> np.ndarray:
    """link[i]: example i holds the bars right after example i-1's, same piece and part."""
    link = np.zeros(len(meta), dtype=bool)
    for i in range(1, len(meta)):
        a, b = meta[i - 1], meta[i]
        link[i] = (a["piece_id"] == b["piece_id"] and a["part"] == b["part"]
                   and a["first_bar"] + a["n_bars"] == b["first_bar"])
    return link


def read_meta(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def split_keys(data_dir: Path, split: str, part_token_ids, with_links: bool = True) -> np.ndarray:
    tokens = np.load(data_dir / f"{split}.tokens.npy", mmap_mode="r")
    offsets = np.load(data_dir / f"{split}.offsets.npy")
    barhash = np.load(data_dir / f"{split}.barhash.npy")
    bar_offsets = np.load(data_dir / f"{split}.bar_offsets.npy")
    if len(bar_offsets) != len(offsets) or bar_offsets[-1] != len(barhash):
        raise SystemExit(f"{data_dir}: {split} bar offsets disagree with its examples or bar hashes")
    parts = example_part_ids(tokens, offsets, part_token_ids)
    link = None
    meta_path = data_dir / f"{split}.meta.jsonl"
    if with_links and meta_path.exists():
        meta = read_meta(meta_path)
        if len(meta) != len(parts):
            raise SystemExit(f"{meta_path}: {len(meta)} rows for {len(parts)} examples")
        link = continues_previous(meta)
    p, a, b = split_pairs(barhash, bar_offsets, parts, link)
    return pair_keys(p, a, b)


def part_token_ids(vocab_path: Path) -> dict[str, int]:
    doc = json.loads(vocab_path.read_text(encoding="utf-8"))
    return {t["part"]: t["id"] for t in doc["tokens"] if t["kind"] == "PART"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", default=str(HERE / ".cache" / "dataset"))
    ap.add_argument("--vocab", default=str(HERE.parent / "vocab.json"))
    ap.add_argument("--out", default=str(default_out()))
    a = ap.parse_args(argv)
    data_dir, vocab_path = Path(a.data_dir), Path(a.vocab)
    digest = vocab_digest(vocab_path)
    stats_path = data_dir / "stats.json"
    if stats_path.exists():
        built_with = json.loads(stats_path.read_text(encoding="utf-8")).get("vocab_sha256")
        if built_with and built_with != digest:
            raise SystemExit(f"{data_dir} was built with another vocab.json ({built_with[:12]}...); rebuild the dataset")
    parts = part_token_ids(vocab_path)
    keys = split_keys(data_dir, "train", parts.values())
    n = write_index(a.out, keys, digest)
    OriginalityIndex.load(a.out, digest)  # read back: the file we ship must pass the reader's checks
    size = Path(a.out).stat().st_size
    print(f"build_index: {len(keys):,} bar pairs from the train split -> {n:,} unique keys; "
          f"wrote {a.out} ({size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
