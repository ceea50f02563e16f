"""Small hand-built phrases and datasets in the real vocabulary, for the release-pipeline tests
(index, sampler, metrics, evaluation, model card). Needs no corpus."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import torch

import helpers  # noqa: F401  (import path)
from model import ModelConfig, SidemanLM
from sideman_data import vocab as vocab_mod
from sideman_data.fingerprint import bar_hashes
from sideman_data.patterns import Bar, BarChord, Chord, DrumHit, Phrase, PitchedNote
from sideman_data.tokenizer import Tokenizer

V = vocab_mod.load()
TK = Tokenizer(V)


def bass_phrase(n_bars=4, energy=2, figure=(0, 48), style="pop", chords=((0, "maj"), (7, "maj"))) -> Phrase:
    """A bass line: a root note at each tick of `figure` in every bar, chords cycling."""
    bars = []
    for b in range(n_bars):
        root, q = chords[b % len(chords)]
        events = [PitchedNote(t, 0, 1, 0, 24, 88) for t in figure]
        bars.append(Bar((4, 4), "verse", energy, [BarChord(0, Chord(root, q))], events))
    return Phrase(style, "bass", 0, 3, bars)


def drum_phrase(n_bars=4, energy=2, hats=8) -> Phrase:
    bars = []
    for _ in range(n_bars):
        ev = [DrumHit(0, "kick", 104), DrumHit(48, "snare", 104)]
        ev += [DrumHit(t, "hh_closed", 72) for t in range(0, 96, 96 // hats)]
        ev.sort(key=lambda e: (e.tick, V.drum_index[e.drum]))
        from sideman_data.tokenizer import canonical_events
        bars.append(Bar((4, 4), "verse", energy, [], canonical_events(V, ev)))
    return Phrase("rock", "drums", None, 4, bars)


def tiny_model(seed=0, max_positions=512) -> SidemanLM:
    torch.manual_seed(seed)
    return SidemanLM(ModelConfig(vocab_size=V.size, n_layers=1, d_model=32, n_heads=2, d_ff=64,
                                 max_positions=max_positions, dropout=0.0)).eval()


def save_checkpoint(model: SidemanLM, path: Path) -> None:
    from vocab_info import load_vocab
    info = load_vocab(V.path)
    torch.save({"config": json.loads(model.cfg.to_json()), "model": model.state_dict(), "step": 0,
                "vocab_sha256": info.sha256, "vocab_version": info.version}, path)


def write_split(out: Path, split: str, phrases: list, authored: list, piece_ids: list | None = None,
                first_bars: list | None = None) -> None:
    """One example per phrase, in the data pipeline's file format."""
    out.mkdir(parents=True, exist_ok=True)
    toks, offs, hashes, boffs, meta = [], [0], [], [0], []
    for i, p in enumerate(phrases):
        t = TK.encode(p)
        h = bar_hashes(V, t)
        toks += t
        offs.append(len(toks))
        hashes += h
        boffs.append(len(hashes))
        meta.append({"id": f"{split}/{i}", "piece_id": piece_ids[i] if piece_ids else f"p{i}",
                     "part": p.part, "style": p.style, "project_authored": authored[i],
                     "first_bar": first_bars[i] if first_bars else 0, "n_bars": len(p.bars), "n_tokens": len(t),
                     "source": "project_styles" if authored[i] else "groove_midi_dataset"})
    np.save(out / f"{split}.tokens.npy", np.asarray(toks, dtype=np.int32))
    np.save(out / f"{split}.offsets.npy", np.asarray(offs, dtype=np.int64))
    np.save(out / f"{split}.barhash.npy", np.asarray(hashes, dtype=np.uint64))
    np.save(out / f"{split}.bar_offsets.npy", np.asarray(boffs, dtype=np.int64))
    with open(out / f"{split}.meta.jsonl", "w", encoding="utf-8") as f:
        for m in meta:
            f.write(json.dumps(m) + "\n")
