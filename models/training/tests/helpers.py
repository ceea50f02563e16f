"""Shared test setup: import path and a few real corpus files."""
import os
import sys

TRAINING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if TRAINING not in sys.path:
    sys.path.insert(0, TRAINING)

from sideman_data.corpus import CORPUS_ROOT  # noqa: E402

GROOVE_FUNK = "groove_midi_dataset/groove/drummer1/eval_session/1_funk-groove1_138_beat_4-4.mid"
OLDTIME = "oldtime_abc_rjl20/midi_abc2midi/SlowerThanDirt_X5.mid"
HYMN = "mutopia/midi/ftp/Anonymous/Old100-orig/Old100-orig.mid"
LIEDER_WIR = ("when_in_rome/Corpus/OpenScore-LiederCorpus/Brahms,_Johannes/6_Songs,_Op.3/3_Liebe_und_Frühling_II/analysis.txt",
              "openscore_lieder/scores/Brahms,_Johannes/6_Songs,_Op.3/3_Liebe_und_Frühling_II/lc5004701.mxl")
BILLBOARD = "mcgill_billboard/billboard-2.0-salami_chords/1096/salami_chords.txt"


def corpus(rel):
    return os.path.join(CORPUS_ROOT, rel)


def has_corpus():
    return os.path.exists(os.path.join(CORPUS_ROOT, "manifest.tsv"))
