#!/usr/bin/python3
"""Command line: compare_renders.py FIRST.wav SECOND.wav

Two exports of the same session must be bit-identical: same rate, same length, and every sample's
bits equal (so -0.0 against 0.0, or a NaN, also counts as a difference). Prints a one-line verdict,
and for a difference where it starts, how many frames differ and by how much. Exit 1 on any
difference or unreadable file.
"""

import argparse
import sys

import numpy as np

from wav_reader import WavError, read_wav


def compare(first: np.ndarray, rate_first: int, second: np.ndarray, rate_second: int) -> list[str]:
    """Every reason the two renders are not bit-identical (empty when they are)."""
    if rate_first != rate_second:
        return [f"sample rates differ: {rate_first} Hz vs {rate_second} Hz"]
    if first.shape != second.shape:
        return [f"shapes differ: {first.shape} vs {second.shape} (frames x channels)"]
    # read_wav widens every format to float64 exactly, so comparing those bits compares the file's.
    a = np.ascontiguousarray(first, dtype=np.float64).view(np.uint64)
    b = np.ascontiguousarray(second, dtype=np.float64).view(np.uint64)
    frames = np.nonzero(np.any(a != b, axis=1))[0]
    if frames.size == 0:
        return []
    diff = np.abs(first.astype(np.float64) - second.astype(np.float64))
    worst = float(np.nanmax(diff)) if np.any(np.isfinite(diff)) else float("nan")
    worst_db = 20 * np.log10(worst) if worst > 0 else float("-inf")
    message = (f"{frames.size} of {first.shape[0]} frames differ, from frame {int(frames[0])} "
               f"({frames[0] / rate_first:.4f} s); largest difference {worst:.3g} ({worst_db:.1f} dBFS)")
    onsets = [first_sound(x) for x in (first, second)]
    if None not in onsets and onsets[0] != onsets[1]:
        message += (f"; the first sound starts at frame {onsets[0]} in one and {onsets[1]} in the other: "
                    f"the host delivered the notes {abs(onsets[0] - onsets[1])} samples apart")
    return [message]


def first_sound(samples: np.ndarray):
    """Index of the first frame with any non-zero sample, or None."""
    frames = np.nonzero(np.any(samples != 0, axis=1))[0]
    return int(frames[0]) if frames.size else None


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first")
    parser.add_argument("second")
    args = parser.parse_args(argv)
    try:
        (a, rate_a), (b, rate_b) = read_wav(args.first), read_wav(args.second)
    except (OSError, WavError) as e:
        print(f"FAIL: {e}")
        return 1
    problems = compare(a, rate_a, b, rate_b)
    for p in problems:
        print(f"FAIL: the two exports are not bit-identical: {p}")
    if problems:
        return 1
    print(f"bit-identical: {a.shape[0]} frames x {a.shape[1]} channels at {rate_a} Hz")
    return 0


if __name__ == "__main__":
    sys.exit(main())
