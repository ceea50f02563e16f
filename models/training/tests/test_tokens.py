"""Vocabulary, chord-relative spelling, tokenizer round trips on real corpus samples, grammar."""
import random
import subprocess
import sys
import unittest

from helpers import GROOVE_FUNK, LIEDER_WIR, OLDTIME, TRAINING, has_corpus

from sideman_data import extract_groove, extract_scores, render_billboard, styles, theory
from sideman_data import vocab as vocab_mod
from sideman_data.grammar import GrammarError
from sideman_data.patterns import Bar, BarChord, Chord, DrumHit, Phrase, PitchedNote
from sideman_data.tokenizer import TokenizeError, Tokenizer

V = vocab_mod.load()
TK = Tokenizer(V)


def phrases_of(piece):
    for run in piece.runs:
        yield Phrase(piece.style, run.part, piece.key if run.part != "drums" else None, piece.tempo_bucket, run.bars)


class VocabTest(unittest.TestCase):
    def test_vocab_json_matches_the_spec(self):
        r = subprocess.run([sys.executable, f"{TRAINING}/make_vocab.py", "--check"], capture_output=True, text=True)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)

    def test_kinds_are_contiguous_and_special_ids_fixed(self):
        self.assertEqual((V.pad, V.bos, V.eos), (0, 1, 2))
        self.assertEqual(sum(k["count"] for k in V.data["kinds"].values()), V.size)
        self.assertEqual(len(V.pitch_id), 7 * 21)


class SpellingTest(unittest.TestCase):
    def test_every_pitch_round_trips(self):
        for q in theory.QUALITY_NAMES:
            for part in theory.REGISTER_CENTRES:
                for root in range(12):
                    for midi in range(10, 120):
                        rel = theory.midi_to_relative(midi, root, q, part)
                        if rel is not None:
                            self.assertEqual(theory.relative_to_midi(*rel, root, q, part), midi)

    def test_slot_three_follows_the_chord(self):
        e_over_c = theory.midi_to_relative(64, 0, "maj", "keys")
        self.assertEqual(e_over_c[1:], (3, 0))
        self.assertEqual(theory.relative_to_midi(*e_over_c, 0, "min", "keys"), 63)
        self.assertEqual(theory.relative_to_midi(*e_over_c, 0, "sus4", "keys"), 65)

    def test_harte_classification(self):
        for label, want in {"C:min7/b3": "min7", "G:7(#9)": "dom7alt", "A:maj(9)": "add9",
                            "E:sus4(b7,9)": "7sus4", "F#:hdim7": "hdim7", "C:aug(b7)": "aug7", "C:5": "power"}.items():
            root, ivs, bass = theory.parse_harte(label)
            self.assertEqual(theory.classify(ivs), want, label)
        self.assertIsNone(theory.parse_harte("N"))


class TokenizerTest(unittest.TestCase):
    def assert_round_trip(self, phrase):
        tokens = TK.encode(phrase)
        TK.grammar.check_sequence(tokens)
        self.assertEqual(TK.decode(tokens), phrase)
        self.assertEqual(TK.encode(TK.decode(tokens)), tokens)
        return tokens

    @unittest.skipUnless(has_corpus(), "corpus not present")
    def test_round_trip_on_real_corpus_samples(self):
        rows = extract_groove.rows()
        row = next(r for r in rows if r["midi_filename"].endswith(GROOVE_FUNK.split("groove/")[-1]))
        pieces = [extract_groove.extract(V, row),
                  extract_scores.extract_lieder(V, LIEDER_WIR[1], LIEDER_WIR[0]),
                  extract_scores.extract_oldtime(V, OLDTIME)]
        mut = extract_scores.mutopia_pieces()
        pieces.append(extract_scores.extract_mutopia(V, next(r for r in mut if extract_scores.mutopia_kind(r) == "choir")))
        lib = styles.load_library(V)
        rel, song = render_billboard.songs()[7]
        pieces.append(render_billboard.render(V, lib, rel, song, 0))
        parts = set()
        for piece in pieces:
            self.assertIsNotNone(piece)
            for phrase in phrases_of(piece):
                self.assert_round_trip(phrase)
                parts.add(phrase.part)
        self.assertTrue({"drums", "bass", "keys", "melody"} <= parts, parts)
        # The groove keeps its human timing: micro offsets survive the round trip.
        drums = next(phrases_of(pieces[0]))
        self.assertTrue(any(e.micro for b in drums.bars for e in b.events))

    def test_refuses_unquantised_values(self):
        bar = Bar((4, 4), "verse", 2, [BarChord(0, Chord(0, "maj"))], [PitchedNote(5, 0, 1, 0, 12, 88)])
        with self.assertRaises(TokenizeError):
            TK.encode(Phrase("pop", "bass", 0, 3, [bar]))
        bar = Bar((4, 4), "verse", 2, [BarChord(0, Chord(0, "maj"))], [PitchedNote(0, 0, 1, 0, 12, 90)])
        with self.assertRaises(TokenizeError):
            TK.encode(Phrase("pop", "bass", 0, 3, [bar]))

    def test_malformed_sequences_are_rejected_with_position(self):
        good = TK.encode(Phrase("rock", "drums", None, 4, [Bar((4, 4), "none", 1, [], [DrumHit(0, "kick", 88)])]))
        with self.assertRaises(TokenizeError) as ctx:
            TK.decode(good[:-1])
        self.assertIn("no EOS", str(ctx.exception))
        swapped = list(good)
        swapped[1], swapped[2] = swapped[2], swapped[1]
        with self.assertRaises(TokenizeError) as ctx:
            TK.decode(swapped)
        self.assertIn("token 1", str(ctx.exception))

    def test_everything_the_mask_allows_decodes(self):
        rng = random.Random(7)
        finished = 0
        for _ in range(200):
            st, seq = TK.grammar.start(), []
            while not TK.grammar.is_end(st) and len(seq) < 500:
                ids = [i for i, ok in enumerate(TK.grammar.mask(st)) if ok]
                self.assertTrue(ids, f"dead end in {TK.grammar.state_names[st.state]}")
                tok = V.eos if V.eos in ids and rng.random() < 0.05 else rng.choice(ids)
                seq.append(tok)
                TK.grammar.step(st, tok)
            if TK.grammar.is_end(st):
                finished += 1
                self.assertEqual(TK.encode(TK.decode(seq)), seq)
        self.assertGreater(finished, 150)

    def test_grammar_checks_positions(self):
        st = TK.grammar.start()
        for name in ["BOS", "STYLE_pop", "PART_keys", "KEY_C", "TEMPO_3", "BAR", "TS_3/4", "SEC_verse", "EN_2",
                     "ROOT_0", "Q_maj", "POS_24"]:
            TK.grammar.step(st, V.id[name])
        self.assertFalse(TK.grammar.allows(st, V.id["POS_12"]))
        with self.assertRaises(GrammarError):
            TK.grammar.step(st.copy(), V.id["POS_72"])


if __name__ == "__main__":
    unittest.main()
