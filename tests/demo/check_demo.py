#!/usr/bin/python3
"""Checks the README's first command's product: the demo song and its render.

Usage: check_demo.py SONG.mid RENDER.wav
- the song holds notes for all five parts, each on the channel the plugin plays it with
  (drums 10, bass 2, keys 3, pad 4, arp 5), in every one of its bars for drums and bass;
- the render is finite, never clips past 0 dBFS, and every bar of the song is audible.
Standard library only: it reuses the installer's WAV reader.
"""

import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "installer"))
import wav_summary  # noqa: E402

PART_CHANNELS = {"drums": 9, "bass": 1, "keys": 2, "pad": 3, "arp": 4}  # 0-based
QUIET_BAR_DBFS = -45.0


def read_smf(path):
    """(ticks per quarter, tempo in µs per quarter, [(tick, channel, key)] note-ons, time signature numerator)."""
    data = open(path, "rb").read()
    if data[:4] != b"MThd":
        raise ValueError("not a MIDI file")
    _, _, tracks, division = struct.unpack(">IHHH", data[4:14])
    pos, notes, tempo, numerator = 14, [], 500000, 4
    for _ in range(tracks):
        if data[pos:pos + 4] != b"MTrk":
            raise ValueError("missing track chunk")
        length = struct.unpack(">I", data[pos + 4:pos + 8])[0]
        p, end, tick, status = pos + 8, pos + 8 + length, 0, 0
        while p < end:
            delta = 0
            while True:
                b = data[p]; p += 1
                delta = (delta << 7) | (b & 0x7F)
                if b < 0x80:
                    break
            tick += delta
            if data[p] >= 0x80:
                status = data[p]; p += 1
            if status == 0xFF:
                kind = data[p]; p += 1
                size = 0
                while True:
                    b = data[p]; p += 1
                    size = (size << 7) | (b & 0x7F)
                    if b < 0x80:
                        break
                body = data[p:p + size]; p += size
                if kind == 0x51:
                    tempo = int.from_bytes(body, "big")
                elif kind == 0x58:
                    numerator = body[0]
            elif status in (0xF0, 0xF7):
                size = data[p]; p += 1 + size
            else:
                kind, channel = status & 0xF0, status & 0x0F
                width = 1 if kind in (0xC0, 0xD0) else 2
                args = data[p:p + width]; p += width
                if kind == 0x90 and args[1] > 0:
                    notes.append((tick, channel, args[0]))
        pos = end
    return division, tempo, notes, numerator


def main(song, render):
    division, tempo, notes, numerator = read_smf(song)
    bar_ticks = division * numerator
    bars = 1 + max(t for t, _, _ in notes) // bar_ticks
    problems = []
    for part, channel in PART_CHANNELS.items():
        on_channel = [t for t, c, _ in notes if c == channel]
        if not on_channel:
            problems.append(f"{part}: no notes on MIDI channel {channel + 1}")
        elif part in ("drums", "bass"):
            empty = sorted(set(range(bars)) - {t // bar_ticks for t in on_channel})
            if empty:
                problems.append(f"{part}: no notes in bar(s) {empty}")
    stray = sorted({c + 1 for _, c, _ in notes} - {c + 1 for c in PART_CHANNELS.values()})
    if stray:
        problems.append(f"notes on channels the band does not use: {stray}")

    samples, channels, rate = wav_summary.read_samples(render)
    if any(not math.isfinite(s) for s in samples):
        problems.append("the render holds NaN or infinity")
    peak = max(abs(s) for s in samples)
    if peak > 1.0:
        problems.append(f"the render clips (peak {peak:.3f})")
    bar_seconds = numerator * tempo / 1e6
    for bar in range(bars):
        a = int(bar * bar_seconds * rate) * channels
        b = int((bar + 1) * bar_seconds * rate) * channels
        chunk = samples[a:b]
        rms = math.sqrt(sum(s * s for s in chunk) / max(1, len(chunk)))
        level = 20 * math.log10(rms) if rms > 0 else -math.inf
        if level < QUIET_BAR_DBFS:
            problems.append(f"bar {bar + 1} is nearly silent ({level:.1f} dBFS)")
    for p in problems:
        print("demo check:", p)
    print(f"demo check: {bars} bars, {len(notes)} notes, peak {peak:.3f}: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
