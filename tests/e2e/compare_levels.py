#!/usr/bin/python3
"""Command line: compare_levels.py BEFORE.wav AFTER.wav NOTES.tsv --expect-db D [--tolerance T]

Checks that AFTER is D dB louder than BEFORE over the chords' onset windows (D < 0: quieter).
The persistence check uses it to prove that a gain restored from a saved session is what the
plugin actually plays, not only what the host displays.
"""

import argparse
import sys

import numpy as np

from chord_check import group_chords, load_notes, onset_level_db
from wav_reader import WavError, read_wav


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("notes")
    parser.add_argument("--expect-db", type=float, required=True)
    parser.add_argument("--tolerance", type=float, default=0.5)
    args = parser.parse_args(argv)
    try:
        (a, rate_a), (b, rate_b) = read_wav(args.before), read_wav(args.after)
    except (OSError, WavError) as e:
        print(f"FAIL: {e}")
        return 1
    if rate_a != rate_b or a.shape != b.shape:
        print(f"FAIL: the renders differ in shape: {a.shape} at {rate_a} Hz vs {b.shape} at {rate_b} Hz")
        return 1
    if not (np.all(np.isfinite(a)) and np.all(np.isfinite(b))):
        print("FAIL: a render holds NaN or Inf")
        return 1
    chords = group_chords(load_notes(args.notes))
    before, after = onset_level_db(a, rate_a, chords), onset_level_db(b, rate_b, chords)
    change = after - before
    print(f"level over the chord onsets: {before:.2f} dBFS before, {after:.2f} dBFS after: "
          f"{change:+.2f} dB (expected {args.expect_db:+.2f} dB +- {args.tolerance:g})")
    if abs(change - args.expect_db) > args.tolerance:
        print("FAIL: the reloaded session does not play at the saved level")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
