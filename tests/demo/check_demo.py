#!/usr/bin/python3
"""Checks the README's first command's product: the live band's demo songs.

Usage: check_demo.py DEMO_DIR [OTHER_DEMO_DIR]
For every song folder in DEMO_DIR (chords.mid, band.mid, mix.wav and one WAV per part):
- the input is chords only: notes on channel 1 (and the Ending keyswitch), none on the band's channels;
- the plugin's MIDI output holds all five parts on their channels (drums 10, bass 2, keys 3, pad 4, arp 5);
  drums and bass play in every bar up to the ending bar, and nothing of the band sounds after it;
- the bass follows the chords: in every bar with a chord, most of its notes are tones of the chord held;
- the mix and every stem are finite and audible, the mix never clips past 0 dBFS, every bar of the mix sounds.
With OTHER_DEMO_DIR (a second render of the same demo), every file must be byte-identical.
Standard library only: it reuses the installer's WAV reader.
"""

import math
import os
import struct
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "installer"))
import wav_summary  # noqa: E402

PART_CHANNELS = {"drums": 9, "bass": 1, "keys": 2, "pad": 3, "arp": 4}  # 0-based
PLAYER_CHANNEL = 0
ENDING_KEYSWITCH = 11
QUIET_BAR_DBFS = -45.0
FILES = ["chords.mid", "band.mid", "mix.wav"] + [p + ".wav" for p in PART_CHANNELS]


def read_smf(path):
    """(ticks per quarter, tempo µs/quarter, (numerator, denominator), [(tick, channel, key, on)])."""
    data = open(path, "rb").read()
    if data[:4] != b"MThd":
        raise ValueError(f"{path} is not a MIDI file")
    _, _, tracks, division = struct.unpack(">IHHH", data[4:14])
    pos, notes, tempo, metre = 14, [], 500000, (4, 4)
    for _ in range(tracks):
        if data[pos:pos + 4] != b"MTrk":
            raise ValueError(f"{path}: missing track chunk")
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
                    metre = (body[0], 2 ** body[1])
            elif status in (0xF0, 0xF7):
                size = data[p]; p += 1 + size
            else:
                kind, channel = status & 0xF0, status & 0x0F
                width = 1 if kind in (0xC0, 0xD0) else 2
                args = data[p:p + width]; p += width
                if kind in (0x80, 0x90):
                    notes.append((tick, channel, args[0], kind == 0x90 and args[1] > 0))
        pos = end
    return division, tempo, metre, notes


def check_song(folder):
    problems = []
    division, tempo, (num, den), chords = read_smf(os.path.join(folder, "chords.mid"))
    bar_ticks = division * num * 4 // den
    played = [(t, k) for t, c, k, on in chords if on and c == PLAYER_CHANNEL and k != ENDING_KEYSWITCH]
    if any(c != PLAYER_CHANNEL for _, c, _, _ in chords):
        problems.append("chords.mid has notes off channel 1: the input must be chords only")
    bars = 1 + max(t for t, _ in played) // bar_ticks
    held = {b: {k % 12 for t, k in played if t // bar_ticks == b} for b in range(bars)}

    out_division, _, _, out = read_smf(os.path.join(folder, "band.mid"))
    out_bar = out_division * num * 4 // den
    band = [(t, c, k) for t, c, k, on in out if on and c in PART_CHANNELS.values()]
    for part, channel in PART_CHANNELS.items():
        ticks = [t for t, c, _ in band if c == channel]
        if not ticks:
            problems.append(f"{part}: no notes on MIDI channel {channel + 1}")
        elif part in ("drums", "bass"):
            empty = sorted(set(range(bars)) - {t // out_bar for t in ticks})
            if empty:
                problems.append(f"{part}: no notes in bar(s) {[b + 1 for b in empty]}")
    after = [t for t, _, _ in band if t // out_bar >= bars]
    if after:
        problems.append(f"{len(after)} band notes after the ending bar: the ending did not stop the band")
    for bar in range(bars):
        bass = [k % 12 for t, c, k in band if c == PART_CHANNELS["bass"] and t // out_bar == bar]
        tones = held.get(bar, set())
        if bass and tones:
            inside = sum(1 for k in bass if k in tones)
            if inside * 2 < len(bass):
                problems.append(f"bar {bar + 1}: only {inside} of {len(bass)} bass notes are tones of the chord held")

    for name in ["mix"] + list(PART_CHANNELS):
        samples, channels, rate = wav_summary.read_samples(os.path.join(folder, name + ".wav"))
        if any(not math.isfinite(s) for s in samples):
            problems.append(f"{name}.wav holds NaN or infinity")
            continue
        peak = max(abs(s) for s in samples)
        if peak < 1e-3:
            problems.append(f"{name}.wav is silent (peak {peak:.5f})")
        if name == "mix":
            if peak > 1.0:
                problems.append(f"the mix clips (peak {peak:.3f})")
            bar_seconds = num * 4 / den * tempo / 1e6
            for bar in range(bars):
                a = int(bar * bar_seconds * rate) * channels
                b = int((bar + 1) * bar_seconds * rate) * channels
                chunk = samples[a:b]
                rms = math.sqrt(sum(s * s for s in chunk) / max(1, len(chunk)))
                if rms <= 0 or 20 * math.log10(rms) < QUIET_BAR_DBFS:
                    problems.append(f"bar {bar + 1} of the mix is nearly silent")
    print(f"demo check: {os.path.basename(folder)}: {bars} bars of {num}/{den}, {len(band)} band notes: "
          f"{'FAILED' if problems else 'ok'}")
    return problems


def main(demo, other=None):
    songs = sorted(d for d in os.listdir(demo) if os.path.isdir(os.path.join(demo, d)))
    problems = []
    if len(songs) < 3:
        problems.append(f"{demo} holds {len(songs)} songs; the demo renders three")
    metres = set()
    for song in songs:
        folder = os.path.join(demo, song)
        missing = [f for f in FILES if not os.path.isfile(os.path.join(folder, f))]
        if missing:
            problems.append(f"{song}: missing {missing}")
            continue
        problems += [f"{song}: {p}" for p in check_song(folder)]
        metres.add(read_smf(os.path.join(folder, "chords.mid"))[2])
        if other is not None:
            for f in FILES:
                with open(os.path.join(folder, f), "rb") as a, open(os.path.join(other, song, f), "rb") as b:
                    if a.read() != b.read():
                        problems.append(f"{song}/{f} differs between two renders of the same demo")
    if not any(m != (4, 4) for m in metres):
        problems.append("no song is in a metre other than 4/4")
    for p in problems:
        print("demo check:", p)
    print(f"demo check: {len(songs)} songs: {'FAILED' if problems else 'ok'}")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
