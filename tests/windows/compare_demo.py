"""Compares the demo rendered through the Windows bundle under Wine with the Linux render of the same songs.

The band's MIDI (what the model chose, token by token) must be identical: the two builds of ONNX Runtime run the
same model, and a rounding difference that flipped a sampled token would change a note. When the files differ
this prints where: the first differing event of each channel (bar, beat, what each side has) and how many
events differ, so a change is shown, never hidden. The audio must match within TOLERANCE per sample on the mix
and every stem (the synth is the same C# code; only the C runtime's maths could round differently).

Usage: compare_demo.py LINUX_DEMO WINDOWS_DEMO
"""
import os
import sys

import mido
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from wav_reader import read_wav  # noqa: E402

WAVS = ("mix", "drums", "bass", "keys", "pad", "arp")
TOLERANCE = 1e-6  # -120 dBFS: far below anything audible, far above float noise being the same code


def note_events(path):
    """(channel, absolute tick, type, note, velocity) of every note event, in file order per channel."""
    midi = mido.MidiFile(path)
    events = {}
    for track in midi.tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type in ("note_on", "note_off"):
                events.setdefault(message.channel, []).append(
                    (tick, message.type, message.note, getattr(message, "velocity", 0)))
    return midi.ticks_per_beat, events


def describe_midi_difference(linux, windows):
    tpb, a = note_events(linux)
    _, b = note_events(windows)
    lines = []
    for channel in sorted(set(a) | set(b)):
        left, right = a.get(channel, []), b.get(channel, [])
        differing = sum(1 for x, y in zip(left, right) if x != y) + abs(len(left) - len(right))
        if differing == 0:
            continue
        first = next((i for i, (x, y) in enumerate(zip(left, right)) if x != y), min(len(left), len(right)))
        at = (left[first] if first < len(left) else right[first])[0]
        lines.append(f"channel {channel + 1}: {differing} of {max(len(left), len(right))} note events differ; "
                     f"first at beat {at / tpb:.3f}: Linux {left[first] if first < len(left) else 'nothing'}, "
                     f"Windows {right[first] if first < len(right) else 'nothing'}")
    return lines or ["the note events are the same; the files differ elsewhere (tempo, meta events)"]


def demo_songs(demo_dir):
    """The songs a demo render holds (installer/demo.sh owns the list): every folder with a band.mid."""
    return sorted(name for name in os.listdir(demo_dir)
                  if os.path.isfile(os.path.join(demo_dir, name, "band.mid")))


def main(linux_dir, windows_dir):
    failures = 0
    worst = 0.0
    songs = demo_songs(linux_dir)
    if not songs or songs != demo_songs(windows_dir):
        print(f"FAIL: the renders hold different songs: Linux {songs}, Windows {demo_songs(windows_dir)}")
        return 1
    for song in songs:
        lm, wm = (os.path.join(d, song, "band.mid") for d in (linux_dir, windows_dir))
        with open(lm, "rb") as f, open(wm, "rb") as g:
            same_midi = f.read() == g.read()
        if same_midi:
            print(f"ok: {song}: band.mid identical ({os.path.getsize(lm)} bytes)")
        else:
            failures += 1
            print(f"FAIL: {song}: band.mid differs between Linux and Windows:")
            for line in describe_midi_difference(lm, wm):
                print("    " + line)
        for name in WAVS:
            la, lrate = read_wav(os.path.join(linux_dir, song, name + ".wav"))
            wa, wrate = read_wav(os.path.join(windows_dir, song, name + ".wav"))
            if la.shape != wa.shape or lrate != wrate:
                failures += 1
                print(f"FAIL: {song}/{name}.wav: {la.shape}@{lrate} on Linux, {wa.shape}@{wrate} on Windows")
                continue
            diff = float(np.max(np.abs(la - wa))) if la.size else 0.0
            worst = max(worst, diff)
            if diff > TOLERANCE or not np.isfinite(wa).all():
                failures += 1
                frame = int(np.argmax(np.max(np.abs(la - wa), axis=1)))
                print(f"FAIL: {song}/{name}.wav: max sample difference {diff:.3g} at {frame / lrate:.4f} s "
                      f"(tolerance {TOLERANCE:g})")
    print(f"largest sample difference over {len(songs)} songs x {len(WAVS)} files: {worst:.3g} "
          f"(tolerance {TOLERANCE:g}{'; bit-identical' if worst == 0 else ''})")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
