"""Groove MIDI Dataset -> drum runs with human micro-timing and style labels (info.csv)."""

import csv
import math
import os

from .corpus import CORPUS_ROOT, cached_midi
from .extract_common import BarSpan, Piece, drum_events, make_run, supported_ts

FOLDER = "groove_midi_dataset"
INFO = "groove_midi_dataset/groove/info.csv"

# Groove's style/sub-style -> vocabulary style.
_SUBSTYLE = {"jazz/funk": "funk", "dance/disco": "disco", "dance/breakbeat": "hiphop",
             "latin/reggaeton": "latin", "afrocuban/calypso": "afrocuban", "neworleans/funk": "neworleans"}
_STYLE = {"rock": "rock", "funk": "funk", "jazz": "jazz_swing", "latin": "latin", "hiphop": "hiphop",
          "soul": "soul", "afrocuban": "afrocuban", "punk": "punk", "neworleans": "neworleans",
          "country": "country", "pop": "pop", "reggae": "reggae", "gospel": "gospel",
          "afrobeat": "afrobeat", "dance": "disco", "blues": "blues", "highlife": "afrobeat",
          "middleeastern": "world"}


def style_of(label, bpm):
    label = label.strip().lower()
    sub = "/".join(label.split("/")[:2])
    if sub in _SUBSTYLE:
        return _SUBSTYLE[sub]
    top = label.split("/")[0]
    style = _STYLE.get(top, "rock")
    if style == "jazz_swing" and bpm < 80:
        return "jazz_ballad"
    return style


def rows(corpus_root=CORPUS_ROOT):
    with open(os.path.join(corpus_root, INFO), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def extract(vocab, row, corpus_root=CORPUS_ROOT):
    rel = f"{FOLDER}/groove/{row['midi_filename']}"
    midi = cached_midi(os.path.join(corpus_root, rel))
    num, den = (int(x) for x in row["time_signature"].split("-"))
    if not supported_ts(vocab, (num, den)):
        return None
    bpm = float(row["bpm"])
    tpq = midi.ticks_per_quarter
    hits = [(n.start / tpq, n.pitch, n.velocity) for t in midi.tracks for n in t.notes]
    if not hits:
        return None
    bar_q = num * 4 / den
    last = max(h[0] for h in hits)
    n_bars = max(1, math.floor(last / bar_q + 1e-6) + 1)
    section = "fill" if row["beat_type"] == "fill" else "none"
    bars = [BarSpan(i * bar_q, bar_q, (num, den), section) for i in range(n_bars)]
    events = drum_events(vocab, hits, bars, human=True)
    # Drop an empty or near-empty trailing bar (the final crash of a take).
    while len(events) > 1 and len(events[-1]) <= 2:
        events.pop()
        bars.pop()
    split = {"train": "train", "validation": "valid", "test": "test"}[row["split"]]
    piece = Piece(piece_id=f"groove:{row['id']}", source=FOLDER, files=[rel], licences=["CC-BY-4.0"],
                  style=style_of(row["style"], bpm), tempo_bucket=vocab.tempo_bucket(bpm), key=None,
                  chord_source="none", title=row["id"], split=split)
    piece.runs.append(make_run(vocab, "drums", bars, events, [[] for _ in bars], 0, len(bars)))
    return piece
