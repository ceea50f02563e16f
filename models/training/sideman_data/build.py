"""The dataset build: sources -> pieces -> energy -> splits -> token examples -> files.

Output (models/training/.cache/dataset/ by default), per split in {train, valid, test}:
  <split>.tokens.npy       int32, every example's tokens concatenated (BOS ... EOS each)
  <split>.offsets.npy      int64, N+1 offsets into tokens (example i = tokens[o[i]:o[i+1]])
  <split>.meta.jsonl       one JSON object per example (provenance, part, style, energy, ...)
  <split>.barhash.npy      uint64, per-bar fingerprints (sideman_data/fingerprint.py)
  <split>.bar_offsets.npy  int64, N+1 offsets into barhash
plus stats.json (computed counts for the model card) and skipped.tsv (files left out, why).
"""

import gc
import hashlib
import json
import os
import pickle
import sys
import time
import traceback
from collections import Counter, defaultdict

import numpy as np

from . import energy as energy_mod
from .census import Census
from . import extract_groove, extract_scores, render_billboard
from .corpus import CACHE_DIR, CORPUS_ROOT, manifest
from .errors import CorpusFileError
from .fingerprint import bar_hashes
from .patterns import Phrase
from .styles import STYLE_DIR, load_library
from .grammar import GrammarError
from .tokenizer import TokenizeError, Tokenizer
from .vocab import DEFAULT_PATH as VOCAB_PATH
from .vocab import load as load_vocab

SPLITS = ("train", "valid", "test")
SOURCES = ("groove", "lieder", "mutopia", "oldtime", "billboard")
MAX_BARS_PER_EXAMPLE = 16
DEFAULT_RENDERS_PER_SONG = 2
# Licence of each corpus folder's files as the manifest states it; Mutopia is per piece.
SOURCE_FOLDER = {"groove": "groove_midi_dataset", "lieder": "openscore_lieder", "mutopia": "mutopia",
                 "oldtime": "oldtime_abc_rjl20", "billboard": "project_styles"}


# Modules that run after the piece cache (or only check): changing them re-uses cached pieces.
_AFTER_CACHE = {"build.py", "census.py", "energy.py", "fingerprint.py", "grammar.py", "style_density.py"}


def code_fingerprint():
    """Hash of everything that shapes the cached pieces: extraction code, vocab.json, style files."""
    h = hashlib.sha256()
    here = os.path.dirname(os.path.abspath(__file__))
    for name in sorted(os.listdir(here)):
        if name.endswith(".py") and name not in _AFTER_CACHE:
            with open(os.path.join(here, name), "rb") as f:
                h.update(name.encode() + f.read())
    with open(VOCAB_PATH, "rb") as f:
        h.update(f.read())
    for name in sorted(os.listdir(STYLE_DIR)):
        if name.endswith(".yaml"):
            with open(os.path.join(STYLE_DIR, name), "rb") as f:
                h.update(name.encode() + f.read())
    return h.hexdigest()[:16]


def split_of(piece_id, forced=None):
    if forced:
        return forced
    x = int.from_bytes(hashlib.sha256(piece_id.encode()).digest()[:8], "big") / 2 ** 64
    return "train" if x < 0.9 else "valid" if x < 0.95 else "test"


class Progress:
    def __init__(self, label, total, stream=sys.stderr):
        self.label, self.total, self.stream = label, total, stream
        self.t0 = time.time()
        self.last = 0.0
        self.n = 0

    def step(self, extra=""):
        self.n += 1
        now = time.time()
        if now - self.last > 1.0 or self.n == self.total:
            self.last = now
            rate = self.n / max(now - self.t0, 1e-9)
            eta = (self.total - self.n) / rate if rate > 0 else 0
            self.stream.write(f"\r  {self.label}: {self.n}/{self.total} ({rate:.1f}/s, eta {eta:.0f}s) {extra}   ")
            self.stream.flush()
        if self.n == self.total:
            self.stream.write("\n")


# ------------------------------------------------------------------ work items
def work_items(sources, limit=None, renders_per_song=DEFAULT_RENDERS_PER_SONG):
    """[(source, key, callable args)] in a fixed order."""
    items = []
    if "groove" in sources:
        rows = extract_groove.rows()
        items += [("groove", r["midi_filename"], r) for r in rows[:limit]]
    if "lieder" in sources:
        ann = extract_scores.lieder_annotations()
        paths = manifest().paths("openscore_lieder/", ".mxl")[:limit]
        items += [("lieder", p, (p, ann.get(p))) for p in paths]
    if "mutopia" in sources:
        rows = [r for r in extract_scores.mutopia_pieces() if extract_scores.mutopia_kind(r)]
        items += [("mutopia", r["rel"], r) for r in rows[:limit]]
    if "oldtime" in sources:
        paths = manifest().paths("oldtime_abc_rjl20/midi_abc2midi/", ".mid")[:limit]
        items += [("oldtime", p, p) for p in paths]
    if "billboard" in sources:
        songs = render_billboard.songs()[:limit]
        items += [("billboard", rel, (rel, song, renders_per_song)) for rel, song in songs]
    return items


def _extract(vocab, library, source, arg):
    if source == "groove":
        p = extract_groove.extract(vocab, arg)
        return [p] if p else []
    if source == "lieder":
        p = extract_scores.extract_lieder(vocab, arg[0], arg[1])
        return [p] if p else []
    if source == "mutopia":
        p = extract_scores.extract_mutopia(vocab, arg)
        return [p] if p else []
    if source == "oldtime":
        p = extract_scores.extract_oldtime(vocab, arg)
        return [p] if p else []
    if source == "billboard":
        rel, song, renders = arg
        out, used = [], set()
        for ri in range(renders):
            p = render_billboard.render(vocab, library, rel, song, ri, used)
            if p:
                used.add(p.style)
                out.append(p)
        return out
    raise ValueError(source)


def extract_all(vocab, items, fingerprint, cache=True):
    """Pieces for every item (cached per item), and the skipped items with reasons."""
    library = load_library(vocab)
    pieces, skipped = [], []
    cache_dir = os.path.join(CACHE_DIR, "pieces", fingerprint)
    by_source = Counter(s for s, _, _ in items)
    progress = {s: Progress(f"extract {s}", n) for s, n in by_source.items()}
    for source, key, arg in items:
        path = os.path.join(cache_dir, source, hashlib.sha256(key.encode()).hexdigest()[:24] + ".pkl")
        got = None
        if cache and os.path.exists(path):
            try:
                with open(path, "rb") as f:
                    got = pickle.load(f)
            except (OSError, pickle.UnpicklingError, EOFError):
                got = None
        if got is None:
            try:
                got = {"pieces": _extract(vocab, library, source, arg), "error": None}
            except CorpusFileError as e:
                got = {"pieces": [], "error": str(e)}
            except Exception as e:  # a bug or an unforeseen file shape: skip the file, keep going
                got = {"pieces": [], "error": f"{key}: {type(e).__name__}: {e} "
                                               f"[{traceback.extract_tb(e.__traceback__)[-1].name}]"}
            if cache:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                tmp = path + f".{os.getpid()}.tmp"
                with open(tmp, "wb") as f:
                    pickle.dump(got, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
        if got["error"]:
            skipped.append((source, key, got["error"]))
        elif not got["pieces"]:
            skipped.append((source, key, "no usable part (unsupported instrumentation or metre, or empty)"))
        pieces.extend(got["pieces"])
        progress[source].step()
    return pieces, skipped


# ------------------------------------------------------------------ examples
def examples_of(tokenizer, piece, max_tokens, max_bars=MAX_BARS_PER_EXAMPLE):
    """Cut every run of a piece into examples of whole bars: each starts with its own header
    and ends with EOS, at most max_tokens tokens and max_bars bars."""
    v = tokenizer.vocab
    out = []
    for run in piece.runs:
        key = piece.key if run.part != "drums" else None
        header_phrase = Phrase(piece.style, run.part, key, piece.tempo_bucket, run.bars[:1])
        header = tokenizer.encode(header_phrase)
        header = header[:header.index(v.bar)]
        bar_tokens = [tokenizer.encode_bar(Phrase(piece.style, run.part, key, piece.tempo_bucket, run.bars), i)
                      for i in range(len(run.bars))]
        budget = max_tokens - len(header) - 1
        cur, cur_len, first = [], 0, 0
        for i, bt in enumerate(bar_tokens):
            if len(bt) > budget:
                # A bar too dense for one context: close what we have and leave it out.
                if cur:
                    out.append(_example(piece, run, header, cur, first, v))
                cur, cur_len, first = [], 0, i + 1
                continue
            if cur and (cur_len + len(bt) > budget or len(cur) >= max_bars):
                out.append(_example(piece, run, header, cur, first, v))
                cur, cur_len, first = [], 0, i
            cur.append(bt)
            cur_len += len(bt)
        if cur:
            out.append(_example(piece, run, header, cur, first, v))
    return [e for e in out if e["has_events"]]


def _example(piece, run, header, bars, first, v):
    tokens = list(header)
    for bt in bars:
        tokens.extend(bt)
    tokens.append(v.eos)
    rb = run.bars[first:first + len(bars)]
    return {"tokens": tokens, "part": run.part, "first": first, "bars": rb,
            "has_events": any(b.events for b in rb)}


def build(out_dir, sources=SOURCES, limit=None, renders_per_song=DEFAULT_RENDERS_PER_SONG, cache=True,
          check_grammar=True, log=sys.stderr):
    t0 = time.time()
    # Millions of small objects stay alive (every piece); without this the cyclic collector
    # re-scans them all the time and the build runs ten times slower. Nothing here makes cycles.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(out_dir, sources, limit, renders_per_song, cache, check_grammar, log, t0)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build(out_dir, sources, limit, renders_per_song, cache, check_grammar, log, t0):
    vocab = load_vocab()
    tokenizer = Tokenizer(vocab)
    fp = code_fingerprint()
    log.write(f"Sideman dataset build: corpus {CORPUS_ROOT}, code {fp}, sources {','.join(sources)}\n")
    items = work_items(sources, limit, renders_per_song)
    pieces, skipped = extract_all(vocab, items, fp, cache=cache)
    log.write(f"  {len(pieces)} pieces, {len(skipped)} files skipped ({time.time() - t0:.0f}s)\n")
    energy_mod.assign(pieces)

    os.makedirs(out_dir, exist_ok=True)
    writers = {s: {"tokens": [], "offsets": [0], "meta": [], "barhash": [], "bar_offsets": [0]} for s in SPLITS}
    prog = Progress("tokenize", len(pieces))
    census = Census()
    for piece in pieces:
        split = split_of(piece.piece_id, piece.split)
        w = writers[split]
        try:
            examples = examples_of(tokenizer, piece, vocab.max_sequence_tokens)
        except (TokenizeError, GrammarError) as e:
            # An extraction bug must not sink the build: leave the piece out and say why.
            skipped.append((piece.source, piece.files[0], f"{piece.piece_id}: {e}"))
            prog.step()
            continue
        for ex in examples:
            toks = ex["tokens"]
            if check_grammar:
                tokenizer.grammar.check_sequence(toks)
            hashes = bar_hashes(vocab, toks)
            w["tokens"].append(np.asarray(toks, dtype=np.int32))
            w["offsets"].append(w["offsets"][-1] + len(toks))
            w["barhash"].append(np.asarray(hashes, dtype=np.uint64))
            w["bar_offsets"].append(w["bar_offsets"][-1] + len(hashes))
            w["meta"].append(_meta(piece, ex, split, len(w["meta"]), len(toks)))
            census.add(piece, ex["part"], ex["bars"])
        prog.step()

    stats = _stats(writers, pieces, skipped, fp, sources, limit, renders_per_song, vocab)
    stats["census"] = census.to_json()
    for split, w in writers.items():
        tokens = np.concatenate(w["tokens"]) if w["tokens"] else np.zeros(0, dtype=np.int32)
        np.save(os.path.join(out_dir, f"{split}.tokens.npy"), tokens.astype(np.int32))
        np.save(os.path.join(out_dir, f"{split}.offsets.npy"), np.asarray(w["offsets"], dtype=np.int64))
        hashes = np.concatenate(w["barhash"]) if w["barhash"] else np.zeros(0, dtype=np.uint64)
        np.save(os.path.join(out_dir, f"{split}.barhash.npy"), hashes.astype(np.uint64))
        np.save(os.path.join(out_dir, f"{split}.bar_offsets.npy"), np.asarray(w["bar_offsets"], dtype=np.int64))
        with open(os.path.join(out_dir, f"{split}.meta.jsonl"), "w", encoding="utf-8") as f:
            for m in w["meta"]:
                f.write(json.dumps(m, ensure_ascii=False, sort_keys=True) + "\n")
    _write_files_table(os.path.join(out_dir, "files.tsv"), writers)
    with open(os.path.join(out_dir, "skipped.tsv"), "w", encoding="utf-8") as f:
        f.write("source\tfile\treason\n")
        for s, k, why in skipped:
            f.write(f"{s}\t{k}\t{why.replace(chr(9), ' ').replace(chr(10), ' ')}\n")
    stats["build_seconds"] = round(time.time() - t0, 1)
    with open(os.path.join(out_dir, "stats.json"), "w", encoding="utf-8") as f:
        json.dump(stats, f, indent=1, sort_keys=True, ensure_ascii=False)
    log.write(f"  wrote {out_dir} in {time.time() - t0:.0f}s: " +
              ", ".join(f"{s} {len(writers[s]['meta'])} examples / {writers[s]['offsets'][-1]} tokens"
                        for s in SPLITS) + "\n")
    return stats


def _write_files_table(path, writers):
    """files.tsv: every file that contributed, with its licence (manifest.tsv's, or CC0 for the
    project's style files), title and what it contributed - the model card's attribution list."""
    rows = {}
    man = manifest()
    for split, w in writers.items():
        for m in w["meta"]:
            for f in m["files"]:
                r = rows.setdefault(f, {"source": m["source"], "titles": set(), "examples": 0, "tokens": 0,
                                        "splits": set(), "parts": set()})
                if not f.startswith("models/training/styles/"):
                    r["titles"].add(m["title"])
                r["examples"] += 1
                r["tokens"] += m["n_tokens"]
                r["splits"].add(split)
                r["parts"].add(m["part"])
    with open(path, "w", encoding="utf-8") as out:
        out.write("file\tlicence\tsource\ttitle\tsplits\tparts\texamples\ttokens\n")
        for f in sorted(rows):
            r = rows[f]
            lic = man.rows[f]["license"] if f in man.rows else "CC0-1.0 (project-authored)"
            # One row per file: a title with a line break (a score's two-line title) must not split it.
            title = "; ".join(sorted(t for t in r["titles"] if t))[:200]
            title = title.replace("\t", " ").replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
            out.write(f"{f}\t{lic}\t{r['source']}\t{title}\t{','.join(sorted(r['splits']))}\t"
                      f"{','.join(sorted(r['parts']))}\t{r['examples']}\t{r['tokens']}\n")


def _meta(piece, ex, split, index, n_tokens):
    bars = ex["bars"]
    return {
        "id": f"{split}/{index}",
        "piece_id": piece.piece_id,
        "source": piece.source,
        "files": piece.files,
        "licences": piece.licences,
        "project_authored": piece.project_authored,
        "part": ex["part"],
        "style": piece.style,
        "key": piece.key if ex["part"] != "drums" else None,
        "tempo_bucket": piece.tempo_bucket,
        "chord_source": piece.chord_source if ex["part"] != "drums" else "none",
        "title": piece.title,
        "first_bar": ex["first"],
        "n_bars": len(bars),
        "n_tokens": n_tokens,
        "time_signatures": sorted({f"{b.time_signature[0]}/{b.time_signature[1]}" for b in bars}),
        "sections": [b.section for b in bars],
        "energy": [b.energy for b in bars],
        "notes_per_bar": [len(b.events) for b in bars],
    }


def _stats(writers, pieces, skipped, fp, sources, limit, renders, vocab):
    counts = {}
    for split, w in writers.items():
        for m in w["meta"]:
            for dim in ("source", "part", "style", "project_authored"):
                key = str(m[dim]).lower() if dim == "project_authored" else m[dim]
                c = counts.setdefault(dim, {}).setdefault(key, Counter())
                c["examples"] += 1
                c["tokens"] += m["n_tokens"]
                c["bars"] += m["n_bars"]
                c[f"examples_{split}"] += 1
            for lic in m["licences"]:
                c = counts.setdefault("licence", {}).setdefault(lic, Counter())
                c["examples"] += 1
                c["tokens"] += m["n_tokens"]
    pieces_by_source = Counter(p.source for p in pieces)
    files_by_source = defaultdict(set)
    for p in pieces:
        for f in p.files:
            files_by_source[p.source].add(f)
    total_tokens = sum(w["offsets"][-1] for w in writers.values())
    authored = counts.get("project_authored", {}).get("true", Counter())
    with open(VOCAB_PATH, "rb") as f:
        vocab_sha = hashlib.sha256(f.read()).hexdigest()
    return {
        "format": "sideman-dataset",
        "version": 1,
        "code_fingerprint": fp,
        "vocab_sha256": vocab_sha,
        "vocab_size": vocab.size,
        "max_sequence_tokens": vocab.max_sequence_tokens,
        "config": {"sources": list(sources), "limit": limit, "renders_per_song": renders,
                   "max_bars_per_example": MAX_BARS_PER_EXAMPLE},
        "splits": {s: {"examples": len(w["meta"]), "tokens": int(w["offsets"][-1]),
                       "bars": int(w["bar_offsets"][-1])} for s, w in writers.items()},
        "total_tokens": int(total_tokens),
        "project_authored_share": {
            "tokens": round(authored["tokens"] / total_tokens, 4) if total_tokens else 0.0,
            "examples": round(authored["examples"] / max(1, sum(len(w["meta"]) for w in writers.values())), 4),
        },
        "pieces_by_source": dict(pieces_by_source),
        "files_used_by_source": {k: len(v) for k, v in files_by_source.items()},
        "by": {dim: {k: dict(c) for k, c in sorted(d.items())} for dim, d in counts.items()},
        "skipped_files": len(skipped),
        "skipped_by_source": dict(Counter(s for s, _, _ in skipped)),
        "density_by_energy": _density_by_energy(writers),
    }


def _density_by_energy(writers):
    """Mean events per bar at each energy level, per origin and part, over every split: the
    control the model learns must rise in the data it learns from. Every bar counts, N.C. bars
    too (they are few and spread over the levels)."""
    acc = defaultdict(lambda: [[0, 0] for _ in range(5)])
    for w in writers.values():
        for m in w["meta"]:
            origin = "authored" if m["project_authored"] else "human"
            cells = acc[(origin, m["part"])]
            for e, n in zip(m["energy"], m["notes_per_bar"]):
                cells[e][0] += n
                cells[e][1] += 1
    out = {}
    for (origin, part), cells in sorted(acc.items()):
        out.setdefault(origin, {})[part] = {
            "events_per_bar": [round(t / n, 3) if n else None for t, n in cells],
            "bars": [n for _, n in cells]}
    return out
