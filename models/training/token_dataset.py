"""Reads the tokenized dataset the data pipeline writes, per split:

    <dir>/<split>.tokens.npy   int32, every example's tokens concatenated
    <dir>/<split>.offsets.npy  int64, N+1 offsets: example i is tokens[offsets[i]:offsets[i+1]]
    <dir>/<split>.meta.jsonl   one JSON object per example (provenance; not needed to train)

and turns it into fixed-size training batches. Each row of a batch starts at an example's first
token (its conditioning tokens) unless the example is longer than the window, in which case a
window is cropped at a seeded random start. Rows are right-padded with PAD; the loss ignores PAD.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import torch


class TokenSplit:
    def __init__(self, directory: str | Path, split: str, vocab_size: int) -> None:
        d = Path(directory)
        tok_path, off_path = d / f"{split}.tokens.npy", d / f"{split}.offsets.npy"
        for p in (tok_path, off_path):
            if not p.is_file():
                raise FileNotFoundError(f"dataset file {p} is missing (run the data pipeline, or pass --data-dir)")
        self.tokens = np.load(tok_path, mmap_mode="r")
        self.offsets = np.load(off_path)
        if self.tokens.dtype != np.int32:
            raise ValueError(f"{tok_path}: expected int32 tokens, found {self.tokens.dtype}")
        if self.offsets.dtype != np.int64 or self.offsets.ndim != 1 or len(self.offsets) < 1:
            raise ValueError(f"{off_path}: expected int64 offsets with N+1 entries")
        if self.offsets[0] != 0 or self.offsets[-1] != len(self.tokens) or np.any(np.diff(self.offsets) < 0):
            raise ValueError(f"{off_path}: offsets must start at 0, rise monotonically and end at {len(self.tokens)}")
        if len(self.tokens) and (int(self.tokens.min()) < 0 or int(self.tokens.max()) >= vocab_size):
            raise ValueError(f"{tok_path}: token ids outside 0..{vocab_size - 1}; vocab.json and dataset disagree")
        self.split = split
        self.lengths = np.diff(self.offsets)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @property
    def n_tokens(self) -> int:
        return int(self.offsets[-1])

    def example(self, i: int) -> np.ndarray:
        return np.asarray(self.tokens[self.offsets[i]:self.offsets[i + 1]])

    def batch(self, indices, window: int, pad_id: int, rng: np.random.Generator) -> torch.Tensor:
        """[len(indices), width] int64 with width <= window + 1: inputs are [:, :-1], targets [:, 1:].
        The width is the longest row's, so a batch of short examples costs no padding compute."""
        longest = max(int(self.lengths[int(i)]) for i in indices)
        width = max(2, min(window + 1, longest))
        out = np.full((len(indices), width), pad_id, dtype=np.int64)
        for row, i in enumerate(indices):
            ex = self.example(int(i))
            if len(ex) > width:
                start = int(rng.integers(0, len(ex) - width + 1))
                ex = ex[start:start + width]
            out[row, :len(ex)] = ex
        return torch.from_numpy(out)
