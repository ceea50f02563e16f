#!/usr/bin/python3
"""Accuracy of sideman_data.harmony against the When-in-Rome analyses of OpenScore Lieder.

    /usr/bin/python3 models/training/harmony_eval.py [--limit N] [--write]

Per bar, the chord sounding longest in the analysis is compared with the chord sounding
longest in our analysis: root, root + triad family (maj/min/dim/aug/sus) and root + full
quality (our 24 classes). Per beat, the same at every beat. --write stores the figures in
models/training/reports/harmony_accuracy.json for the model card.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sideman_data import harmony, lieder_rn  # noqa: E402
from sideman_data.corpus import CORPUS_ROOT, cached_score  # noqa: E402
from sideman_data.errors import CorpusFileError  # noqa: E402

FAMILY = {"maj": "maj", "maj6": "maj", "add9": "maj", "dom7": "maj", "maj7": "maj", "dom9": "maj",
          "maj9": "maj", "dom13": "maj", "dom7alt": "maj", "power": "maj",
          "min": "min", "min6": "min", "min7": "min", "minmaj7": "min", "min9": "min", "min11": "min",
          "dim": "dim", "hdim7": "dim", "dim7": "dim", "aug": "aug", "aug7": "aug",
          "sus2": "sus", "sus4": "sus", "7sus4": "sus"}


def chord_at(chords, t):
    cur = chords[0]
    for c in chords:
        if c[0] <= t + 1e-9:
            cur = c
    return cur


def evaluate(limit=None, params=harmony.Params(), progress=True, fold="all"):
    tallies = {k: [0, 0] for k in ("bar_root", "bar_family", "bar_quality", "beat_root",
                                   "beat_family", "beat_quality")}
    songs, skipped = 0, []
    pairs = lieder_rn.pairs(CORPUS_ROOT)
    if fold == "heldout":
        pairs = pairs[1::2]  # Params were tuned on pairs[0::2]
    pairs = pairs[:limit]
    t0 = time.time()
    for i, (a_rel, s_rel) in enumerate(pairs):
        try:
            analysis, score = lieder_rn.load_pair(CORPUS_ROOT, a_rel, s_rel, cached_score)
        except CorpusFileError as e:
            skipped.append(str(e))
            continue
        ref = lieder_rn.reference_chords(analysis, score)
        notes = [(float(n.start), float(n.start + n.duration), n.pitch) for p in score.parts for n in p.notes]
        bars = [(float(m.start), float(m.length), m.time_signature) for m in score.measures]
        result = harmony.analyse(notes, bars, params)
        songs += 1
        for bi, r in enumerate(ref):
            if not r:
                continue
            length = bars[bi][1]
            pred = result.bar_chords[bi]
            rr, rq = harmony.bar_majority(r, length)
            pr, pq = harmony.bar_majority(pred, length)
            _tally(tallies, "bar", rr, rq, pr, pq)
            step = harmony.beat_length(bars[bi][2])
            t = 0.0
            while t < length - 1e-9:
                rc, pc = chord_at(r, t), chord_at(pred, t)
                _tally(tallies, "beat", rc[1], rc[2], pc[1], pc[2])
                t += step
        if progress and (i + 1) % 10 == 0:
            print(f"  {i + 1}/{len(pairs)} songs, {time.time() - t0:.0f}s", file=sys.stderr)
    figures = {k: {"correct": c, "total": n, "accuracy": round(c / n, 4) if n else None}
               for k, (c, n) in tallies.items()}
    return {"songs": songs, "skipped": skipped, "figures": figures}


def _tally(t, level, rr, rq, pr, pq):
    root = rr == pr
    for name, ok in (("root", root), ("family", root and FAMILY[rq] == FAMILY[pq]),
                     ("quality", root and rq == pq)):
        t[f"{level}_{name}"][0] += ok
        t[f"{level}_{name}"][1] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    results = {}
    for fold in ("heldout", "all"):
        res = results[fold] = evaluate(args.limit, fold=fold)
        print(f"When-in-Rome Lieder, {fold}: {res['songs']} songs ({len(res['skipped'])} skipped)")
        for k, f in res["figures"].items():
            print(f"  {k:13s} {f['accuracy']:.3f}  ({f['correct']}/{f['total']})")
    if args.write:
        os.makedirs(os.path.join(HERE, "reports"), exist_ok=True)
        path = os.path.join(HERE, "reports", "harmony_accuracy.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump({"method": "sideman_data/harmony.py (template matching + Viterbi)",
                       "reference": "When in Rome Roman-numeral analyses of OpenScore Lieder (CC BY-SA 4.0)",
                       "tuning": "parameters tuned on the even-numbered pairs of the TSV; 'heldout' = odd-numbered",
                       "results": results}, f, indent=1)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
