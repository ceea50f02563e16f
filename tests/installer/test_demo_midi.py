"""Tests of installer/demo_midi.py: the demo MIDI file is well-formed, complete and deterministic.

Run: /usr/bin/python3 -m pytest tests/installer (or python3 -m unittest discover -s tests/installer)
"""

import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "installer"))
import demo_midi  # noqa: E402


def read_vlq(data, pos):
    value = 0
    while True:
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos


def parse(data):
    """A strict reader for what demo_midi writes: format 0, one track, no running status."""
    assert data[:4] == b"MThd"
    length, fmt, ntracks, ppq = struct.unpack(">IHHH", data[4:14])
    assert (length, fmt, ntracks) == (6, 0, 1)
    assert data[14:18] == b"MTrk"
    (tlen,) = struct.unpack(">I", data[18:22])
    track = data[22:22 + tlen]
    assert len(track) == tlen and 22 + tlen == len(data), "track length must match the file"
    pos, tick, events, metas = 0, 0, [], {}
    while pos < len(track):
        delta, pos = read_vlq(track, pos)
        tick += delta
        status = track[pos]
        if status == 0xFF:
            kind = track[pos + 1]
            size, pos = read_vlq(track, pos + 2)
            metas[kind] = track[pos:pos + size]
            pos += size
            if kind == 0x2F:
                assert pos == len(track), "end of track must be last"
        else:
            assert status & 0x80, "no running status"
            events.append((tick, status & 0xF0, track[pos + 1], track[pos + 2]))
            pos += 3
    return ppq, metas, events


class DemoMidiTest(unittest.TestCase):
    def test_file_is_well_formed_with_tempo_and_meter(self):
        ppq, metas, _ = parse(demo_midi.smf_bytes())
        self.assertEqual(480, ppq)
        self.assertEqual(60_000_000 // 100, int.from_bytes(metas[0x51], "big"))
        self.assertEqual(bytes([4, 2, 24, 8]), metas[0x58])
        self.assertIn(0x2F, metas)

    def test_every_note_starts_and_ends_once_in_order(self):
        _, _, events = parse(demo_midi.smf_bytes())
        ons = [(t, p) for t, kind, p, v in events if kind == 0x90 and v > 0]
        offs = [(t, p) for t, kind, p, v in events if kind == 0x80]
        expected = sum(len(c[3]) for c in demo_midi.CHORDS) + len(demo_midi.MELODY)
        self.assertEqual(expected, len(ons))
        self.assertEqual(expected, len(offs))
        sounding = {}
        for t, kind, p, v in events:
            if kind == 0x90:
                self.assertNotIn(p, sounding, f"pitch {p} restarted at tick {t} before it ended")
                sounding[p] = t
            else:
                self.assertIn(p, sounding)
                self.assertGreater(t, sounding.pop(p))
        self.assertEqual({}, sounding, "every note ends")
        self.assertEqual(4 * 4 * 480, max(t for t, _ in offs) + 240, "four bars, last note ends half a beat early")

    def test_deterministic(self):
        self.assertEqual(demo_midi.smf_bytes(), demo_midi.smf_bytes())


if __name__ == "__main__":
    unittest.main()
