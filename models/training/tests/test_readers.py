"""Corpus readers on real files and on damaged ones: clear errors, never a crash."""
import os
import tempfile
import unittest
import zipfile

from helpers import BILLBOARD, GROOVE_FUNK, HYMN, LIEDER_WIR, corpus, has_corpus

from sideman_data.billboard import read_billboard
from sideman_data.errors import CorpusFileError
from sideman_data.midi import read_midi
from sideman_data.musicxml import read_musicxml
from sideman_data.romantext import parse_numeral, read_romantext


def _tmp(data, suffix):
    f = tempfile.NamedTemporaryFile(delete=False, suffix=suffix)
    f.write(data)
    f.close()
    return f.name


@unittest.skipUnless(has_corpus(), "corpus not present")
class MidiReaderTest(unittest.TestCase):
    def test_groove_file(self):
        m = read_midi(corpus(GROOVE_FUNK))
        self.assertEqual(m.ticks_per_quarter, 480)
        self.assertEqual(m.time_signatures[0][1:], (4, 4))
        self.assertAlmostEqual(60e6 / m.tempos[0][1], 138, delta=0.5)
        notes = m.all_notes()
        self.assertGreater(len(notes), 300)
        self.assertTrue(all(n.channel == 9 and n.end > n.start for n in notes))

    def test_hymn_tracks(self):
        m = read_midi(corpus(HYMN))
        self.assertEqual(m.format, 1)
        self.assertEqual([len(t.notes) > 0 for t in m.tracks], [False, True, True])

    def test_running_status_and_hanging_notes(self):
        track = bytes([0x00, 0x90, 60, 100,  # note on
                       0x10, 64, 90,  # running status: another note on
                       0x10, 60, 0,  # running status: note off by velocity 0
                       0x00, 0xFF, 0x2F, 0x00])
        data = b"MThd" + (6).to_bytes(4, "big") + (0).to_bytes(2, "big") + (1).to_bytes(2, "big") + \
               (96).to_bytes(2, "big") + b"MTrk" + len(track).to_bytes(4, "big") + track
        m = read_midi("mem.mid", data)
        notes = sorted((n.pitch, n.start, n.end) for n in m.all_notes())
        self.assertEqual(notes, [(60, 0, 32), (64, 16, 32)])  # 64 never ends: it ends with the track

    def test_damaged_files_name_file_and_problem(self):
        with open(corpus(GROOVE_FUNK), "rb") as f:
            real = f.read()
        cases = {b"RIFF" + real[4:]: "not a Standard MIDI File",
                 real[:len(real) // 2]: "truncated",
                 real[:12] + bytes([0xE7, 0x28]) + real[14:]: "SMPTE"}
        for data, problem in cases.items():
            path = _tmp(data, ".mid")
            with self.assertRaises(CorpusFileError) as ctx:
                read_midi(path)
            self.assertIn(path, str(ctx.exception))
            self.assertIn(problem, str(ctx.exception))
            os.unlink(path)


@unittest.skipUnless(has_corpus(), "corpus not present")
class MusicXmlReaderTest(unittest.TestCase):
    def test_lieder_score(self):
        s = read_musicxml(corpus(LIEDER_WIR[1]))
        self.assertEqual(len(s.parts), 2)
        piano = s.parts[1]
        self.assertEqual(piano.staves, 2)
        self.assertTrue(s.measures[0].implicit, "this song starts with a pickup")
        self.assertLess(s.measures[0].length, 4)
        self.assertEqual(s.measures[1].start, s.measures[0].length)
        # Ties are merged: no two notes of one staff and pitch touch end to start with a tie.
        self.assertTrue(all(n.duration > 0 for p in s.parts for n in p.notes))
        self.assertEqual(s.measures[5].time_signature, (4, 4))

    def test_ties_merge_into_one_note(self):
        xml = b"""<?xml version="1.0"?><score-partwise><part-list><score-part id="P1"><part-name>Pf</part-name></score-part></part-list>
        <part id="P1"><measure number="1"><attributes><divisions>2</divisions><time><beats>2</beats><beat-type>4</beat-type></time></attributes>
        <note><pitch><step>C</step><octave>4</octave></pitch><duration>2</duration><tie type="start"/><voice>1</voice></note>
        <note><pitch><step>C</step><octave>4</octave></pitch><duration>2</duration><tie type="stop"/><tie type="start"/><voice>1</voice></note></measure>
        <measure number="2"><note><pitch><step>C</step><octave>4</octave></pitch><duration>1</duration><tie type="stop"/><voice>1</voice></note>
        <note><chord/><pitch><step>E</step><alter>-1</alter><octave>4</octave></pitch><duration>1</duration><voice>1</voice></note>
        <note><rest/><duration>3</duration><voice>1</voice></note></measure></part></score-partwise>"""
        path = _tmp(xml, ".musicxml")
        s = read_musicxml(path)
        os.unlink(path)
        notes = [(n.pitch, float(n.start), float(n.duration)) for n in s.parts[0].notes]
        self.assertEqual(notes, [(60, 0.0, 2.5), (63, 2.0, 0.5)])

    def test_damaged_files(self):
        bad_zip = _tmp(b"PK\x03\x04 this is not a zip", ".mxl")
        with self.assertRaises(CorpusFileError) as ctx:
            read_musicxml(bad_zip)
        self.assertIn("not a valid .mxl", str(ctx.exception))
        d = tempfile.mkdtemp()
        broken = os.path.join(d, "broken.mxl")
        with zipfile.ZipFile(broken, "w") as z:
            z.writestr("score.xml", "<score-partwise><part id='P1'><measure>")
        with self.assertRaises(CorpusFileError) as ctx:
            read_musicxml(broken)
        self.assertIn(broken, str(ctx.exception))
        self.assertIn("not well-formed", str(ctx.exception))
        bad_pitch = _tmp(b"<score-partwise><part id='P1'><measure number='1'><note><pitch><step>H</step>"
                         b"<octave>4</octave></pitch><duration>1</duration></note></measure></part></score-partwise>",
                         ".xml")
        with self.assertRaises(CorpusFileError) as ctx:
            read_musicxml(bad_pitch)
        self.assertIn("measure 1: bad pitch", str(ctx.exception))


@unittest.skipUnless(has_corpus(), "corpus not present")
class ChordAnnotationReaderTest(unittest.TestCase):
    def test_billboard_song(self):
        s = read_billboard(corpus(BILLBOARD))
        self.assertEqual(s.title, "Look-Ka Py Py")
        self.assertEqual(s.bars[0].tonic, 7)
        self.assertEqual(s.bars[0].chords, [(0.0, "N")])
        self.assertEqual(s.bars[2].section, "verse")
        self.assertEqual(s.bars[2].chords, [(0.0, "G:7")])
        self.assertTrue(70 < s.tempo_bpm < 140)

    def test_billboard_beat_placeholders(self):
        text = ("# title: T\n# artist: A\n# metre: 4/4\n# tonic: C\n\n0.0\tsilence\n"
                "1.0\tA, verse, | C:maj . . G:7 | (2/4) F:maj | x2\n9.0\tend\n")
        path = _tmp(text.encode(), ".txt")
        s = read_billboard(path)
        os.unlink(path)
        self.assertEqual(len(s.bars), 4)
        self.assertEqual(s.bars[0].chords, [(0.0, "C:maj"), (0.75, "G:7")])
        self.assertEqual(s.bars[1].metre, (2, 4))

    def test_billboard_damage(self):
        path = _tmp(b"# metre: 4/4\n# tonic: C\n1.0\t| C:xyz |\n", ".txt")
        with self.assertRaises(CorpusFileError) as ctx:
            read_billboard(path)
        self.assertIn("line 3: bad chord 'C:xyz'", str(ctx.exception))
        os.unlink(path)

    def test_romantext_analysis(self):
        a = read_romantext(corpus(LIEDER_WIR[0]))
        self.assertEqual(a.time_signatures[1], (4, 4))
        first = a.measures[0][0]
        self.assertEqual((first.key_tonic, first.root, first.quality), (11, 6, "maj"))  # B: V = F#
        self.assertEqual(len(a.measures[19]), len(a.measures[17]))  # m19-20 = m17-18

    def test_roman_numerals(self):
        cases = {("V7", 0, False): (7, "dom7", 0), ("V65/V", 0, False): (2, "dom7", 4),
                 ("viio7", 9, True): (8, "dim7", 0), ("N6", 0, False): (1, "maj", 4),
                 ("Cad64", 7, False): (7, "maj", 7), ("iiø65", 0, False): (2, "hdim7", 3),
                 ("VI", 9, True): (5, "maj", 0), ("IV7", 0, False): (5, "maj7", 0), ("Ger65", 0, False): (8, "dom7", 0)}
        for (rn, tonic, minor), want in cases.items():
            self.assertEqual(parse_numeral(rn, tonic, minor), want, rn)
        with self.assertRaises(ValueError):
            parse_numeral("Q7", 0, False)


if __name__ == "__main__":
    unittest.main()
