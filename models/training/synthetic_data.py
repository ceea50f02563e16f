"""Writes a small synthetic vocabulary and dataset in the data pipeline's format, for tests and
for sizing runs before the real data exists. The sequences have learnable structure (repeated
bar-like motifs after a conditioning prefix), so a model trained on them shows falling loss.

Usage: python3 synthetic_data.py OUT_DIR [--vocab-size 160] [--examples 400] [--seed 1]
Writes OUT_DIR/vocab.json and OUT_DIR/dataset/{train,valid,test}.{tokens,offsets}.npy + meta.jsonl.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

SPECIALS = ["PAD", "BOS", "EOS", "BAR"]


def write_vocab(path: Path, size: int) -> None:
    tokens = SPECIALS + [f"SYN_{i}" for i in range(size - len(SPECIALS))]
    path.write_text(json.dumps({"version": "synthetic-1", "tokens": tokens}, indent=1) + "\n", encoding="utf-8")


def make_example(rng: np.random.Generator, size: int, max_len: int) -> list:
    first = len(SPECIALS)
    style = int(rng.integers(first, first + 8))           # a "conditioning" token
    motif_len = int(rng.integers(3, 9))
    motif = rng.integers(first + 8, size, motif_len)
    seq = [1, style]
    while len(seq) + motif_len + 2 < max_len:
        seq.append(3)                                      # BAR
        bar = motif.copy()
        if rng.random() < 0.2:                             # occasional variation
            bar[int(rng.integers(0, motif_len))] = int(rng.integers(first + 8, size))
        seq.extend(int(t) for t in bar)
        if rng.random() < 0.15:
            break
    seq.append(2)                                          # EOS
    return seq


def write_split(d: Path, split: str, examples: list) -> None:
    tokens = np.concatenate([np.asarray(e, dtype=np.int32) for e in examples])
    offsets = np.zeros(len(examples) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(e) for e in examples])
    np.save(d / f"{split}.tokens.npy", tokens)
    np.save(d / f"{split}.offsets.npy", offsets)
    with open(d / f"{split}.meta.jsonl", "w", encoding="utf-8") as f:
        for i in range(len(examples)):
            f.write(json.dumps({"source": "synthetic", "index": i}) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--vocab-size", type=int, default=160)
    ap.add_argument("--examples", type=int, default=400)
    ap.add_argument("--max-len", type=int, default=96)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    out = Path(a.out_dir)
    (out / "dataset").mkdir(parents=True, exist_ok=True)
    write_vocab(out / "vocab.json", a.vocab_size)
    rng = np.random.default_rng(a.seed)
    ex = [make_example(rng, a.vocab_size, a.max_len) for _ in range(a.examples)]
    n_valid = max(1, a.examples // 10)
    write_split(out / "dataset", "train", ex[: a.examples - 2 * n_valid])
    write_split(out / "dataset", "valid", ex[a.examples - 2 * n_valid: a.examples - n_valid])
    write_split(out / "dataset", "test", ex[a.examples - n_valid:])
    print(f"synthetic_data: wrote {out}/vocab.json ({a.vocab_size} tokens) and {a.examples} examples under {out}/dataset")


if __name__ == "__main__":
    main()
