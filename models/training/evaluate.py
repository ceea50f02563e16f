#!/usr/bin/python3
"""Evaluates the model against held-out human data (the yardstick) and project-authored renders.

    /usr/bin/python3 models/training/evaluate.py --checkpoint RUN/best.pt --index models/sideman-0.4.0.fingerprints
        [--data-dir models/training/.cache/dataset] [--out models/training/reports]
        [--per-group 16] [--sweep-per-part 20] [--tokens samples.jsonl ...]

Reports (definitions in music_metrics.DEFINITIONS, copied into the report):
  * NLL per token on the test split, by part (all tokens, and the event tokens the model writes);
  * on the test split, split by origin (human corpus vs project-authored renders), and on samples
    generated from test prompts of the same origin (the header and every bar's conditioning forced,
    the events sampled): chord-tone ratio on strong beats, scale consistency, pitch-class entropy,
    groove and drum-pattern consistency, empty-bar rate, note density per energy level;
  * the copy rate (2-bar spans found in the train split's originality index) of the test data, of
    samples drawn WITHOUT the guard (the model's own tendency) and WITH it (must be 0);
  * an energy sweep: the same prompts with every bar forced to energy 0..4, density per level;
  * optionally, token sequences written elsewhere (e.g. `sideman generate --tokens-out`), --tokens.
Writes eval.json and eval.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import Sampler, SamplerSettings, read_split_examples  # noqa: E402
from music_metrics import DEFINITIONS, Tally, density_rises  # noqa: E402
from originality_index import OriginalityIndex  # noqa: E402
from prompts import Prompt, event_mask, split_prompt  # noqa: E402
from sideman_data.fingerprint import bar_hashes  # noqa: E402
from sideman_data.tokenizer import Tokenizer  # noqa: E402

PARTS = ("drums", "bass", "keys", "pad", "arp", "melody")
ORIGINS = ("human", "authored")


def origin_of(meta: dict) -> str:
    return "authored" if meta.get("project_authored") else "human"


# ------------------------------------------------------------------ NLL
@torch.no_grad()
def test_nll(model, vocab, tokens, offsets, meta, limit: int | None, batch_tokens: int = 8192) -> dict:
    """Teacher-forced NLL per token on the test split, by part: all tokens and event tokens."""
    model.eval()
    n = len(meta)
    order = list(range(n))
    if limit and limit < n:
        order = sorted(np.random.default_rng(7).choice(n, size=limit, replace=False).tolist())
    order.sort(key=lambda i: offsets[i + 1] - offsets[i])  # similar lengths together: little padding
    sums = defaultdict(lambda: [0.0, 0, 0.0, 0])  # part -> [nll all, count all, nll events, count events]
    i = 0
    while i < len(order):
        width = int(offsets[order[i] + 1] - offsets[order[i]])
        j = i
        while j < len(order) and (j - i + 1) * int(offsets[order[j] + 1] - offsets[order[j]]) <= batch_tokens:
            j += 1
        j = max(j, i + 1)
        rows = order[i:j]
        width = max(int(offsets[r + 1] - offsets[r]) for r in rows)
        x = np.full((len(rows), width), vocab.pad, dtype=np.int64)
        ev = np.zeros((len(rows), width), dtype=bool)
        for k, r in enumerate(rows):
            seq = np.asarray(tokens[offsets[r]:offsets[r + 1]])
            x[k, :len(seq)] = seq
            ev[k, :len(seq)] = event_mask(vocab, seq)
        xt = torch.from_numpy(x)
        logits = model(xt[:, :-1])
        nll = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), xt[:, 1:].reshape(-1),
                              ignore_index=vocab.pad, reduction="none").view(len(rows), -1).numpy()
        real = x[:, 1:] != vocab.pad
        evm = ev[:, 1:] & real
        for k, r in enumerate(rows):
            s = sums[meta[r]["part"]]
            s[0] += float(nll[k][real[k]].sum())
            s[1] += int(real[k].sum())
            s[2] += float(nll[k][evm[k]].sum())
            s[3] += int(evm[k].sum())
        i = j
    out = {}
    total = [0.0, 0, 0.0, 0]
    for part in PARTS:
        if part in sums:
            s = sums[part]
            total = [a + b for a, b in zip(total, s)]
            out[part] = {"all": round(s[0] / s[1], 4), "events": round(s[2] / max(1, s[3]), 4),
                         "tokens": s[1], "event_tokens": s[3]}
    out["all_parts"] = {"all": round(total[0] / max(1, total[1]), 4), "events": round(total[2] / max(1, total[3]), 4),
                        "tokens": total[1], "event_tokens": total[3], "examples": len(order)}
    return out


# ------------------------------------------------------------------ data and samples
def score_sequences(vocab, tokenizer, seqs, index: OriginalityIndex | None) -> Tally:
    t = Tally()
    for seq in seqs:
        phrase = tokenizer.decode(seq)
        t.add_phrase(vocab, phrase)
        if index is not None:
            part_id = vocab.part_id[phrase.part]
            t.add_copies(index.copied_bars(part_id, bar_hashes(vocab, seq)))
    return t


def test_split_metrics(vocab, tokenizer, tokens, offsets, meta, index) -> dict:
    groups = defaultdict(list)
    for i, m in enumerate(meta):
        groups[(m["part"], origin_of(m))].append(np.asarray(tokens[offsets[i]:offsets[i + 1]]).tolist())
    return {f"{p}/{o}": score_sequences(vocab, tokenizer, seqs, index).summary()
            for (p, o), seqs in sorted(groups.items())}


def choose_prompts(meta, per_group: int, seed: int) -> dict:
    """Up to per_group test examples per (part, origin), drawn with a fixed seed."""
    groups = defaultdict(list)
    for i, m in enumerate(meta):
        groups[(m["part"], origin_of(m))].append(i)
    rng = np.random.default_rng([seed, 11])
    return {k: sorted(rng.choice(v, size=min(per_group, len(v)), replace=False).tolist())
            for k, v in sorted(groups.items())}


def with_energy(vocab, prompt: Prompt, level: int) -> Prompt:
    en = vocab.energy_id[level]
    bars = [[en if vocab.kind[t] == "EN" else t for t in bar] for bar in prompt.bars]
    return Prompt(prompt.header, bars, prompt.events, prompt.part, prompt.part_id)


def generate_groups(sampler: Sampler, vocab, tokens, offsets, picks: dict, seed: int, log) -> dict:
    out = {}
    for (part, origin), idx in picks.items():
        seqs, guard = [], defaultdict(int)
        t0 = time.time()
        for i in idx:
            prompt = split_prompt(vocab, tokens[offsets[i]:offsets[i + 1]])
            s = sampler.generate(prompt, np.random.default_rng([seed, i]))
            seqs.append(s.tokens)
            for k, v in s.guard.as_dict().items():
                guard[k] += int(v)
        out[(part, origin)] = (seqs, dict(guard))
        log(f"  {part}/{origin}: {len(seqs)} samples, {sum(len(s) for s in seqs)} tokens, "
            f"{guard['rejected']} rejected bars ({time.time() - t0:.0f}s)")
    return out


def energy_sweep(sampler: Sampler, vocab, tokenizer, tokens, offsets, meta, per_part: int, seed: int, log) -> dict:
    """Same prompts, every bar forced to one energy level: does density follow the control?"""
    rng = np.random.default_rng([seed, 23])
    out = {}
    for part in PARTS:
        idx = [i for i, m in enumerate(meta) if m["part"] == part]
        if not idx:
            continue
        idx = sorted(rng.choice(idx, size=min(per_part, len(idx)), replace=False).tolist())
        levels = {}
        for level in range(5):
            t = Tally()
            for i in idx:
                prompt = with_energy(vocab, split_prompt(vocab, tokens[offsets[i]:offsets[i + 1]]), level)
                s = sampler.generate(prompt, np.random.default_rng([seed, i, level]))
                t.add_phrase(vocab, tokenizer.decode(s.tokens))
            d = t.summary()["density_by_energy"].get(str(level))
            levels[str(level)] = d
        judged = {k: v for k, v in levels.items() if v}
        out[part] = {"prompts": len(idx), "density": levels,
                     "rises": len(judged) == 5 and density_rises(judged) is True}
        log(f"  sweep {part}: " + ", ".join(f"EN{k} {levels[str(k)]['mean']:.2f}" for k in range(5) if levels[str(k)]))
    return out


def read_token_file(vocab, path: str) -> list:
    """JSON lines with "tokens": a list of ids or of token names (as `sideman generate --tokens-out` writes)."""
    seqs = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            row = json.loads(line)
            toks = row.get("tokens") if isinstance(row, dict) else row
            if not isinstance(toks, list) or not toks:
                raise SystemExit(f"{path}:{n}: expected an object with a non-empty 'tokens' list")
            seqs.append([vocab.id[t] if isinstance(t, str) else int(t) for t in toks])
    return seqs


# ------------------------------------------------------------------ main
def main(argv=None) -> int:
    from sideman_data import vocab as vocab_mod
    from vocab_info import load_vocab

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", help="model to evaluate (without one, only the data and --tokens are scored)")
    ap.add_argument("--index", help="originality index (copy rates and the guard)")
    ap.add_argument("--vocab", default=str(HERE.parent / "vocab.json"))
    ap.add_argument("--data-dir", default=str(HERE / ".cache" / "dataset"))
    ap.add_argument("--split", default="test")
    ap.add_argument("--out", default=str(HERE / "reports"))
    ap.add_argument("--nll-examples", type=int, default=0, help="test examples for NLL (0 = all)")
    ap.add_argument("--per-group", type=int, default=16, help="generated samples per (part, origin)")
    ap.add_argument("--sweep-per-part", type=int, default=20, help="prompts per part in the energy sweep")
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--top-p", type=float, default=0.95)
    ap.add_argument("--seed", type=int, default=2024)
    ap.add_argument("--tokens", action="append", default=[], help="JSONL of token sequences to score as well")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    log = lambda *m: print(*m, flush=True)  # noqa: E731
    t_start = time.time()

    vocab = vocab_mod.load(a.vocab)
    info = load_vocab(a.vocab)
    tokenizer = Tokenizer(vocab)
    index = OriginalityIndex.load(a.index, info.sha256) if a.index else None
    tokens, offsets, meta = read_split_examples(Path(a.data_dir), a.split)
    report: dict = {"definitions": DEFINITIONS, "split": a.split, "vocab_sha256": info.sha256,
                    "index": {"path": Path(a.index).name, "keys": len(index)} if index else None,
                    "sampling": {"temperature": a.temperature, "top_p": a.top_p, "seed": a.seed,
                                 "per_group": a.per_group, "grammar_mask": True,
                                 "guard_max_attempts": SamplerSettings().max_attempts}}
    log(f"evaluate: {len(meta)} {a.split} examples")
    report["data"] = test_split_metrics(vocab, tokenizer, tokens, offsets, meta, index)
    log(f"evaluate: data metrics done ({time.time() - t_start:.0f}s)")

    if a.checkpoint:
        from export_onnx import load_checkpoint
        model, ckpt = load_checkpoint(a.checkpoint)
        if ckpt.get("vocab_sha256") not in (None, info.sha256):
            raise SystemExit(f"{a.checkpoint} was trained with another vocab.json than {a.vocab}")
        report["model"] = {"checkpoint_step": ckpt.get("step"), "config": ckpt.get("config")}
        report["nll"] = test_nll(model, vocab, tokens, offsets, meta, a.nll_examples or None)
        log(f"evaluate: NLL {report['nll']['all_parts']} ({time.time() - t_start:.0f}s)")
        picks = choose_prompts(meta, a.per_group, a.seed)
        settings = SamplerSettings(a.temperature, a.top_p)
        gen = {}
        for mode, idx in (("unguarded", None), ("guarded", index)):
            if mode == "guarded" and index is None:
                continue
            log(f"evaluate: generating ({mode})")
            sampler = Sampler(model, vocab, idx, settings)
            groups = generate_groups(sampler, vocab, tokens, offsets, picks, a.seed, log)
            gen[mode] = {}
            for (part, origin), (seqs, guard) in groups.items():
                s = score_sequences(vocab, tokenizer, seqs, index).summary()
                s["guard"] = guard
                gen[mode][f"{part}/{origin}"] = s
        report["generated"] = gen
        log("evaluate: energy sweep")
        report["energy_sweep"] = energy_sweep(Sampler(model, vocab, index, settings), vocab, tokenizer, tokens,
                                              offsets, meta, a.sweep_per_part, a.seed, log)
    if a.tokens:
        ext = defaultdict(list)
        for path in a.tokens:
            for seq in read_token_file(vocab, path):
                ext[vocab.tokens[seq[2]]["part"] if len(seq) > 2 and vocab.kind[seq[2]] == "PART" else "?"].append(seq)
        report["external"] = {p: score_sequences(vocab, tokenizer, seqs, index).summary() for p, seqs in sorted(ext.items())}
        report["external_files"] = [Path(p).name for p in a.tokens]
    report["copy_rates"] = copy_rates(report)
    report["seconds"] = round(time.time() - t_start, 1)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "eval.json").write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    from eval_report import markdown
    (out / "eval.md").write_text(markdown(report), encoding="utf-8")
    log(f"evaluate: wrote {out / 'eval.json'} and {out / 'eval.md'} ({report['seconds']:.0f}s)")
    return 0


def copy_rates(report: dict) -> dict:
    """Pooled copy rates: test data by origin, generated samples by mode."""
    def pool(groups: dict, keep) -> dict:
        c = [0, 0]
        for k, s in groups.items():
            if keep(k) and "copy_rate" in s:
                c[0] += s["copied_bars"]
                c[1] += s["copy_bars"]
        return {"copied_bars": c[0], "bars": c[1], "rate": round(c[0] / c[1], 4) if c[1] else None}
    out = {}
    for origin in ORIGINS:
        out[f"test_{origin}"] = pool(report.get("data", {}), lambda k, o=origin: k.endswith("/" + o))
    for mode, groups in report.get("generated", {}).items():
        for origin in ORIGINS:
            out[f"generated_{mode}_{origin}"] = pool(groups, lambda k, o=origin: k.endswith("/" + o))
        out[f"generated_{mode}"] = pool(groups, lambda k: True)
    return out


if __name__ == "__main__":
    sys.exit(main())
