#!/usr/bin/python3
"""Command line: check_band.py NOTES.tsv MAIN.wav DRUMS.wav BASS.wav KEYS.wav PAD.wav ARP.wav [--bar-samples N]

Judges Ardour's renders of the live band (band_check.py): prints a row per chord for the bass and exits 1 with
every reason when a check fails.
"""

import argparse
import sys

from band_check import STEMS, check
from chord_check import load_notes
from wav_reader import WavError, read_wav


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notes")
    parser.add_argument("main")
    parser.add_argument("stems", nargs=len(STEMS))
    parser.add_argument("--bar-samples", type=int, default=96000)
    args = parser.parse_args(argv)
    try:
        notes = load_notes(args.notes)
        main_audio, rate = read_wav(args.main)
        stems = {name: read_wav(path)[0] for name, path in zip(STEMS, args.stems)}
    except (OSError, ValueError, WavError) as e:
        print(f"FAIL: {e}")
        return 1
    problems, table = check(main_audio, stems, rate, notes, args.bar_samples)
    print(f"{'chord':6} {'sample':>9}  bass  share  chord tones")
    for name, start, pc, share, tones, ok in table:
        print(f"{name:6} {start:9.0f}  {'-' if pc is None else pc:>4}  {share:5.2f}  {tones}  {'ok' if ok else 'off'}")
    for p in problems:
        print(f"FAIL: {p}")
    print("band: " + ("FAILED" if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
