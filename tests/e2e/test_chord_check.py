"""Unit tests of the render checker, on synthetic renders of the real chord plan.

Run: /usr/bin/python3 -m unittest discover -s tests/e2e
"""

import math
import os
import struct
import tempfile
import unittest
import wave

import numpy as np

from chord_check import (Note, Settings, check_render, group_chords, load_notes, midi_to_hz, onset_level_db,
                         validate_plan)
from wav_reader import WavError, read_wav

HERE = os.path.dirname(os.path.abspath(__file__))
RATE = 48000
SAMPLES_PER_TICK = RATE * 60 / (120 * 1920)
END = 960000  # ten bars, the session range run-e2e.sh renders


def plan_notes():
    """The real plan (chords.tsv) with sample positions, as build_session.lua computes them."""
    notes = []
    with open(os.path.join(HERE, "chords.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            chord, pitch, start, length, vel = line.split("\t")
            start, length = int(start), int(length)
            notes.append(Note(chord, int(pitch), start * SAMPLES_PER_TICK, (start + length) * SAMPLES_PER_TICK, int(vel)))
    return notes


def synth(notes, frames=END, release_s=0.05, hang=()):
    """A small additive synth: 8 harmonics, 5 ms attack, linear release. Pitches in `hang` never stop."""
    out = np.zeros((frames, 2))
    t = np.arange(frames) / RATE
    for n in notes:
        start = int(math.ceil(n.start))
        stop = frames if n.pitch in hang else min(frames, int(n.end + release_s * RATE))
        seg = t[start:stop] - t[start]
        wave_ = sum(np.sin(2 * np.pi * k * midi_to_hz(n.pitch) * seg) / k for k in range(1, 9))
        env = np.minimum(1.0, seg / 0.005)
        if n.pitch not in hang:
            held = (n.end - start) / RATE
            env = env * np.clip(1.0 - (seg - held) / release_s, 0.0, 1.0)
        out[start:stop, 0] += 0.05 * (n.velocity / 127) * wave_ * env
        out[start:stop, 1] += 0.04 * (n.velocity / 127) * wave_ * env
    return out


class RenderCheckTest(unittest.TestCase):
    def setUp(self):
        self.notes = plan_notes()
        self.chords = group_chords(self.notes)

    def test_the_real_plan_leaves_room_for_every_measurement(self):
        self.assertEqual([], validate_plan(self.chords, RATE, Settings()))
        self.assertEqual(8, len(self.chords))
        self.assertEqual(8, len({tuple(c.pitches) for c in self.chords}), "a different chord per bar")

    def test_a_complete_render_passes(self):
        report = check_render(synth(self.notes), RATE, self.chords)
        self.assertTrue(report.ok, report.problems)

    def test_a_dropped_chord_fails_and_is_named(self):
        notes = [n for n in self.notes if n.chord != "F"]
        report = check_render(synth(notes), RATE, self.chords)
        self.assertFalse(report.ok)
        failed = [r.name for r in report.chords if r.problems]
        self.assertEqual(["F"], failed)

    def test_a_chord_only_shortly_late_fails_its_onset_window(self):
        late = [Note(n.chord, n.pitch, n.start + 0.2 * RATE, n.end, n.velocity) if n.chord == "G" else n
                for n in self.notes]
        report = check_render(synth(late), RATE, self.chords)
        self.assertEqual(["G"], [r.name for r in report.chords if r.problems])

    def test_one_dropped_note_fails_even_though_the_chord_is_loud(self):
        notes = [n for n in self.notes if not (n.chord == "Dm7" and n.pitch == 53)]
        report = check_render(synth(notes), RATE, self.chords)
        self.assertFalse(report.ok)
        dm7 = next(r for r in report.chords if r.name == "Dm7")
        self.assertGreater(dm7.onset_db, -45)
        self.assertTrue(any("note 53" in p for p in dm7.problems), dm7.problems)

    def test_a_hanging_note_fails(self):
        report = check_render(synth(self.notes, hang=(62,)), RATE, self.chords)
        self.assertFalse(report.ok)
        self.assertTrue(any("tail" in p or "gap" in p for p in report.problems), report.problems)

    def test_silence_fails_every_chord(self):
        report = check_render(np.zeros((END, 2)), RATE, self.chords)
        self.assertEqual(8, sum(1 for r in report.chords if r.problems))

    def test_a_click_before_the_first_note_fails(self):
        audio = synth(self.notes)
        audio[2048::2048][:40] = 1.7e-5  # like the stray -95 dBFS impulses seen once in a real render
        report = check_render(audio, RATE, self.chords)
        self.assertFalse(report.ok)
        self.assertTrue(any(p.startswith("lead-in") and "2048" in p for p in report.problems), report.problems)

    def test_nan_fails(self):
        audio = synth(self.notes)
        audio[500000, 1] = np.nan
        report = check_render(audio, RATE, self.chords)
        self.assertFalse(report.ok)
        self.assertIn("NaN", report.problems[0])

    def test_a_plan_spanning_an_octave_is_rejected(self):
        bad = [Note("X", 48, 0, RATE, 100), Note("X", 60, 0, RATE, 100)]
        self.assertTrue(any("octave" in p for p in validate_plan(group_chords(bad), RATE, Settings())))

    def test_chords_too_close_together_are_rejected(self):
        bad = [Note("A", 60, 0, RATE, 100), Note("B", 62, RATE * 1.1, RATE * 2, 100)]
        self.assertTrue(any("too soon" in p for p in validate_plan(group_chords(bad), RATE, Settings())))


class OnsetLevelTest(unittest.TestCase):
    def test_a_gain_moves_the_onset_level_by_its_own_amount(self):
        chords = group_chords(plan_notes())
        audio = synth(plan_notes())
        before = onset_level_db(audio, RATE, chords)
        after = onset_level_db(audio * 10 ** (-12 / 20), RATE, chords)
        self.assertAlmostEqual(-12.0, after - before, places=6)

    def test_only_the_onset_windows_count(self):
        chords = group_chords(plan_notes())
        audio = synth(plan_notes())
        louder_gaps = audio.copy()
        louder_gaps[:int(chords[0].onset)] += 0.5  # loud noise before the first chord only
        self.assertAlmostEqual(onset_level_db(audio, RATE, chords), onset_level_db(louder_gaps, RATE, chords))


class NotesFileTest(unittest.TestCase):
    def test_round_trip_and_bad_header(self):
        with tempfile.TemporaryDirectory() as d:
            good = os.path.join(d, "notes.tsv")
            with open(good, "w") as f:
                f.write("chord\tpitch\tstart_sample\tend_sample\tvelocity\nC\t60\t96000.0\t144000.0\t100\n")
            self.assertEqual([Note("C", 60, 96000.0, 144000.0, 100)], load_notes(good))
            bad = os.path.join(d, "bad.tsv")
            with open(bad, "w") as f:
                f.write("pitch\tstart\n60\t1\n")
            with self.assertRaises(ValueError):
                load_notes(bad)


class WavReaderTest(unittest.TestCase):
    def write_pcm(self, path, samples, width):
        with wave.open(path, "wb") as w:
            w.setnchannels(2)
            w.setsampwidth(width)
            w.setframerate(RATE)
            scale = 2 ** (8 * width - 1) - 1
            ints = np.round(samples * scale).astype(np.int64)
            raw = b"".join(int(v).to_bytes(width, "little", signed=True) for v in ints.reshape(-1))
            w.writeframes(raw)

    def test_pcm_16_and_24_bit(self):
        samples = np.array([[0.5, -0.5], [0.25, -1.0], [0.0, 0.75]])
        with tempfile.TemporaryDirectory() as d:
            for width in (2, 3):
                path = os.path.join(d, f"t{width}.wav")
                self.write_pcm(path, samples, width)
                audio, rate = read_wav(path)
                self.assertEqual(RATE, rate)
                np.testing.assert_allclose(audio, samples, atol=2.0 ** (1 - 8 * width) * 2)

    def test_float_32_as_ardour_writes_it(self):
        samples = np.array([[0.1, -0.2], [1.5, -1.5]], dtype="<f4")
        body = samples.tobytes()
        fmt = struct.pack("<HHIIHH", 3, 2, RATE, RATE * 8, 8, 32)
        data = (b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt) + 8 + len(body)) + b"WAVE" +
                b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(body)) + body)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "f.wav")
            with open(path, "wb") as f:
                f.write(data)
            audio, _ = read_wav(path)
            np.testing.assert_allclose(audio, samples.astype(np.float64))
            with open(path, "wb") as f:
                f.write(data[:-5])  # truncated data chunk
            with self.assertRaises(WavError):
                read_wav(path)

    def test_not_a_wav(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "x.wav")
            with open(path, "wb") as f:
                f.write(b"hello world, not RIFF")
            with self.assertRaises(WavError):
                read_wav(path)


if __name__ == "__main__":
    unittest.main()
