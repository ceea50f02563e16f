#!/usr/bin/python3
"""Command line: check_render.py RENDER.wav NOTES.tsv [--expect-frames N] [--rate R]

Prints a table (one row per chord) and exits 1 with every reason when a check fails.
"""

import argparse
import sys

from chord_check import Settings, check_render, format_report, group_chords, load_notes
from wav_reader import WavError, read_wav


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wav")
    parser.add_argument("notes")
    parser.add_argument("--expect-frames", type=int, help="the session range in samples")
    parser.add_argument("--rate", type=int, default=48000)
    parser.add_argument("--min-contrast-db", type=float, default=Settings.min_contrast_db)
    args = parser.parse_args(argv)

    try:
        audio, rate = read_wav(args.wav)
    except (OSError, WavError) as e:
        print(f"FAIL: cannot read the render: {e}")
        return 1
    problems = []
    if rate != args.rate:
        problems.append(f"render is at {rate} Hz, expected {args.rate} Hz")
    if args.expect_frames is not None and audio.shape[0] != args.expect_frames:
        problems.append(f"render has {audio.shape[0]} frames, expected {args.expect_frames} (the session range)")
    chords = group_chords(load_notes(args.notes))
    report = check_render(audio, rate, chords, Settings(min_contrast_db=args.min_contrast_db))
    print(f"render: {args.wav}: {audio.shape[0]} frames x {audio.shape[1]} channels at {rate} Hz, "
          f"peak {abs(audio).max():.3f}")
    print(format_report(report, rate))
    problems += report.problems
    for p in problems:
        print(f"FAIL: {p}")
    if problems:
        return 1
    print(f"every chord audible: {len(chords)} chords, {sum(len(c.pitches) for c in chords)} notes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
