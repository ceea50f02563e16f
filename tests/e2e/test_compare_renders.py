"""compare_renders.py: passes only on bit-identical renders, and says where a difference starts."""

import os
import tempfile
import unittest

import numpy as np

from compare_renders import compare, main


def write_float_wav(path, samples, rate=48000):
    """A minimal 32-bit float WAV (format 3), frames x channels."""
    data = np.ascontiguousarray(samples, dtype="<f4").tobytes()
    channels = samples.shape[1]
    fmt = (3).to_bytes(2, "little") + channels.to_bytes(2, "little") + rate.to_bytes(4, "little") \
        + (rate * 4 * channels).to_bytes(4, "little") + (4 * channels).to_bytes(2, "little") + (32).to_bytes(2, "little")
    body = b"WAVE" + b"fmt " + len(fmt).to_bytes(4, "little") + fmt + b"data" + len(data).to_bytes(4, "little") + data
    with open(path, "wb") as f:
        f.write(b"RIFF" + len(body).to_bytes(4, "little") + body)


class CompareRendersTest(unittest.TestCase):
    def setUp(self):
        rng = np.random.default_rng(3)
        self.audio = (rng.standard_normal((4800, 2)) * 0.1).astype(np.float32)
        self.dir = tempfile.TemporaryDirectory()

    def tearDown(self):
        self.dir.cleanup()

    def path(self, name, samples, rate=48000):
        p = os.path.join(self.dir.name, name)
        write_float_wav(p, samples, rate)
        return p

    def test_identical_renders_pass(self):
        self.assertEqual(main([self.path("a.wav", self.audio), self.path("b.wav", self.audio.copy())]), 0)

    def test_one_sample_one_ulp_off_fails_and_is_located(self):
        other = self.audio.copy()
        other[1234, 1] = np.nextafter(other[1234, 1], np.float32(1))
        problems = compare(self.audio.astype(np.float64), 48000, other.astype(np.float64), 48000)
        self.assertEqual(len(problems), 1)
        self.assertIn("1 of 4800 frames differ, from frame 1234", problems[0])
        self.assertEqual(main([self.path("a.wav", self.audio), self.path("b.wav", other)]), 1)

    def test_negative_zero_counts_as_a_difference(self):
        zeros = np.zeros((10, 2), dtype=np.float32)
        negative = zeros.copy()
        negative[5, 0] = -0.0
        self.assertTrue(compare(zeros.astype(np.float64), 48000, negative.astype(np.float64), 48000))

    def test_a_host_shift_of_the_notes_is_named(self):
        silent_then_sound = np.zeros((200, 1), dtype=np.float32)
        silent_then_sound[100:, 0] = 0.5
        early = np.zeros((200, 1), dtype=np.float32)
        early[84:, 0] = 0.5
        problems = compare(silent_then_sound.astype(np.float64), 48000, early.astype(np.float64), 48000)
        self.assertIn("frame 100 in one and 84 in the other", problems[0])
        self.assertIn("16 samples apart", problems[0])

    def test_length_or_rate_mismatch_fails(self):
        self.assertTrue(compare(self.audio, 48000, self.audio[:-1], 48000))
        self.assertEqual(main([self.path("a.wav", self.audio), self.path("b.wav", self.audio, rate=44100)]), 1)

    def test_unreadable_file_fails(self):
        bad = os.path.join(self.dir.name, "bad.wav")
        with open(bad, "wb") as f:
            f.write(b"not a wav")
        self.assertEqual(main([self.path("a.wav", self.audio), bad]), 1)


if __name__ == "__main__":
    unittest.main()
