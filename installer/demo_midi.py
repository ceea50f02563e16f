#!/usr/bin/python3
"""Writes the demo MIDI file that install.sh --demo renders through the installed plugin.

Until the accompaniment engine exists the demo is what the plugin can already play: four bars of
chords (C, Am, F, G) under a short melody. The file is built from constants only, so every run
writes the same bytes.

Usage: demo_midi.py OUT.mid
"""

import struct
import sys

PPQ = 480
BPM = 100
CHANNEL = 0

# (bar, beat, length in beats, pitches, velocity); beats count from 0.
CHORDS = [
    (0, 0, 3.5, (60, 64, 67), 88),   # C
    (1, 0, 3.5, (57, 60, 64), 84),   # Am
    (2, 0, 3.5, (53, 57, 60), 86),   # F
    (3, 0, 3.5, (55, 59, 62), 90),   # G
]
MELODY = [  # over the chords, an octave up
    (0, 0, 1, 72), (0, 1, 1, 74), (0, 2, 2, 76),
    (1, 0, 1.5, 76), (1, 1.5, 0.5, 74), (1, 2, 2, 72),
    (2, 0, 1, 69), (2, 1, 1, 72), (2, 2, 2, 77),
    (3, 0, 1, 74), (3, 1, 1, 71), (3, 2, 1.5, 67),
]


def note_events():
    """(tick, order, bytes) for every note on/off; offs sort before ons at the same tick."""
    events = []

    def add(bar, beat, length, pitch, velocity):
        start = int(round((bar * 4 + beat) * PPQ))
        end = int(round((bar * 4 + beat + length) * PPQ))
        events.append((start, 1, pitch, bytes([0x90 | CHANNEL, pitch, velocity])))
        events.append((end, 0, pitch, bytes([0x80 | CHANNEL, pitch, 0])))

    for bar, beat, length, pitches, velocity in CHORDS:
        for p in pitches:
            add(bar, beat, length, p, velocity)
    for bar, beat, length, pitch in MELODY:
        add(bar, beat, length, pitch, 100)
    return sorted(events, key=lambda e: (e[0], e[1], e[2]))


def variable_length(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.append(0x80 | (value & 0x7F))
        value >>= 7
    return bytes(reversed(out))


def track_bytes():
    body = bytearray()
    body += variable_length(0) + b"\xFF\x03" + variable_length(12) + b"Sideman demo"
    tempo = 60_000_000 // BPM
    body += variable_length(0) + b"\xFF\x51\x03" + tempo.to_bytes(3, "big")
    body += variable_length(0) + b"\xFF\x58\x04" + bytes([4, 2, 24, 8])  # 4/4
    now = 0
    for tick, _, _, data in note_events():
        body += variable_length(tick - now) + data
        now = tick
    body += variable_length(0) + b"\xFF\x2F\x00"
    return bytes(body)


def smf_bytes():
    track = track_bytes()
    header = b"MThd" + struct.pack(">IHHH", 6, 0, 1, PPQ)
    return header + b"MTrk" + struct.pack(">I", len(track)) + track


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    with open(argv[1], "wb") as f:
        f.write(smf_bytes())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
