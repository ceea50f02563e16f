#!/usr/bin/python3
"""Write tests/fixtures/tokens/corpus_samples.json: token sequences of real corpus samples,
their decoded events, bar fingerprints and a table of lookups, for the C# agreement tests
(tests/Sideman.Model.Tests/Tokens/CrossLanguageTests.cs).

    /usr/bin/python3 models/training/make_fixtures.py
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sideman_data import energy, extract_groove, extract_scores, render_billboard, styles, theory  # noqa: E402
from sideman_data import vocab as vocab_mod  # noqa: E402
from sideman_data.build import examples_of  # noqa: E402
from sideman_data.corpus import REPO_ROOT  # noqa: E402
from sideman_data.fingerprint import bar_hashes  # noqa: E402
from sideman_data.patterns import DrumHit  # noqa: E402
from sideman_data.tokenizer import Tokenizer  # noqa: E402

OUT = os.path.join(REPO_ROOT, "tests", "fixtures", "tokens", "corpus_samples.json")


def sample_pieces(v):
    """A few real pieces from every source (fixed choices, so the fixture is stable)."""
    rows = extract_groove.rows()
    yield extract_groove.extract(v, next(r for r in rows if r["beat_type"] == "beat" and "funk" in r["style"]))
    yield extract_groove.extract(v, next(r for r in rows if r["beat_type"] == "fill" and "jazz" in r["style"]))
    ann = extract_scores.lieder_annotations()
    annotated = sorted(ann)[0]
    yield extract_scores.extract_lieder(v, annotated, ann[annotated])
    mut = extract_scores.mutopia_pieces()
    yield extract_scores.extract_mutopia(v, next(r for r in mut if extract_scores.mutopia_kind(r) == "choir"))
    yield extract_scores.extract_mutopia(v, next(r for r in mut if "Guitar" in r["instrument"]))
    yield extract_scores.extract_oldtime(v, "oldtime_abc_rjl20/midi_abc2midi/SlowerThanDirt_X5.mid")
    lib = styles.load_library(v)
    songs = render_billboard.songs()
    for i in (3, 40):
        rel, song = songs[i]
        yield render_billboard.render(v, lib, rel, song, 0)


def phrase_json(v, phrase):
    bars = []
    for b in phrase.bars:
        events = []
        for e in b.events:
            if isinstance(e, DrumHit):
                events.append([e.tick, v.tokens[v.drum_id[e.drum]]["gm_note"], e.velocity, e.micro])
            else:
                events.append([e.tick, e.octave, e.degree, e.alteration, e.duration, e.velocity, e.micro])
        bars.append({"ts": list(b.time_signature), "section": b.section, "energy": b.energy,
                     "chords": [[c.tick, c.chord.root, c.chord.quality if c.chord.root is not None else None,
                                 c.chord.bass] for c in b.chords],
                     "events": events})
    return {"style": phrase.style, "part": phrase.part, "key": phrase.key, "tempo_bucket": phrase.tempo_bucket,
            "bars": bars}


def main():
    v = vocab_mod.load()
    tk = Tokenizer(v)
    samples = []
    pieces = [p for p in sample_pieces(v) if p is not None]
    energy.assign(pieces)
    for piece in pieces:
        seen_parts = set()
        for ex in examples_of(tk, piece, v.max_sequence_tokens, max_bars=4):
            if ex["part"] in seen_parts:
                continue
            seen_parts.add(ex["part"])
            phrase = tk.decode(ex["tokens"])
            assert tk.encode(phrase) == ex["tokens"]
            samples.append({"source": piece.source, "file": piece.files[0], "part": ex["part"],
                            "tokens": ex["tokens"], "phrase": phrase_json(v, phrase),
                            "bar_hashes": [str(h) for h in bar_hashes(v, ex["tokens"])]})
    pitch_cases = []
    for qi, q in enumerate(theory.QUALITY_NAMES):
        for part in theory.REGISTER_CENTRES:
            root = (qi * 5) % 12
            for midi in range(24, 100, 7):
                rel = theory.midi_to_relative(midi, root, q, part)
                pitch_cases.append([midi, root, q, part] + (list(rel) if rel else [None, None, None]))
    lookups = {
        "duration": [[t, v.duration_value(t)] for t in range(1, 420, 1)],
        "velocity": [[x, v.velocity_value(x)] for x in range(1, 128)],
        "tempo": [[bpm, v.tempo_bucket(bpm)] for bpm in (20, 69.9, 70, 84, 99, 100, 114.5, 129, 130, 149, 150, 174, 175, 300)],
        "drum": [[n, v.drum_id[v.drum_map[n]]] for n in sorted(v.drum_map)],
        "pitch": [[o, d, a, v.pitch_id[(o, d, a)]] for (o, d, a) in sorted(v.pitch_id)],
    }
    with open(vocab_mod.DEFAULT_PATH, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump({"comment": "Written by models/training/make_fixtures.py; compared by "
                              "tests/Sideman.Model.Tests/Tokens/CrossLanguageTests.cs.",
                   "vocab_sha256": sha, "vocab_size": v.size, "samples": samples,
                   "pitch_cases": pitch_cases, "lookups": lookups}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {OUT}: {len(samples)} samples, {sum(len(s['tokens']) for s in samples)} tokens, "
          f"{len(pitch_cases)} pitch cases")


if __name__ == "__main__":
    main()
