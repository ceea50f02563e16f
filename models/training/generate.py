#!/usr/bin/python3
"""Python-side sampler: the model writes the events of each bar under the user's conditioning.

The header (style, part, key, tempo) and every bar's conditioning (time signature, section,
energy, chords) are forced from a prompt; the model samples the events, with the grammar mask
of vocab.json (sideman_data/grammar.py, the same table the C# GrammarMask applies), temperature
and top-p, from a seeded RNG. The bar ends when the model picks the bar end (BAR, or EOS on the
last bar). With an originality index, every completed bar is checked with its predecessor: a
2-bar span found in the training data is rejected and the bar resampled (the guard). With
--musical-guard N, every bar is also checked against its part's rules (musical_guard.py, the same
rules as the C# generator's musical guard): a bar that breaks one is resampled, up to N samples,
and when every sample breaks one the lowest-scoring is kept (a bass bar that missed beat one then
gets the chord's bass on its note at tick 0, musical_guard.repair_beat_one). (The C# guard also stops a sample early
at the token that breaks beat one or a strong beat; that only saves time, the decisions are the same.)

    /usr/bin/python3 models/training/generate.py CHECKPOINT --prompts test --count 8 --out samples.jsonl
        [--index models/sideman-0.4.0.fingerprints] [--temperature 1.0] [--top-p 0.95] [--seed 1]
        [--musical-guard 4]

Output: JSON lines {"prompt_id", "part", "style", "seed", "tokens": [ids], "guard": {...}}.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import musical_guard  # noqa: E402
from model import CachedDecoder, SidemanLM  # noqa: E402
from originality_index import OriginalityIndex  # noqa: E402
from prompts import EVENT_KINDS, Prompt, split_prompt  # noqa: E402
from sideman_data.tokenizer import Tokenizer  # noqa: E402
from sideman_data.fingerprint import fnv1a64  # noqa: E402
from sideman_data.grammar import Grammar  # noqa: E402


@dataclass
class SamplerSettings:
    temperature: float = 1.0
    top_p: float = 0.95
    max_attempts: int = 16  # tries per bar before the guard's last resort
    temperature_step: float = 0.05  # each rejected try samples a little hotter
    musical_attempts: int = 0  # samples per bar the musical guard may draw (0 = off, 1 = only count)
    beat_one_grace: int = musical_guard.BEAT_ONE_GRACE
    repair_beat_one: bool = True  # with 2+ musical attempts: a bass bar whose every try missed beat one gets its bass


@dataclass
class GuardStats:
    bars: int = 0
    checked: int = 0
    rejected: int = 0  # sampled bars that copied a training span and were thrown away
    resampled_bars: int = 0  # bars that needed at least one resample
    last_resort: int = 0  # bars where every try copied and a velocity was nudged instead
    truncated: bool = False  # the context filled up before the prompt's last bar
    musical_checks: int = 0  # samples checked against the part's rules
    beat_one_rejections: int = 0  # samples thrown away for each broken rule (a sample may break several)
    strong_beat_rejections: int = 0
    out_of_key_rejections: int = 0
    musical_resamples: int = 0
    musical_violations_kept: int = 0  # bars kept although every sample broke a rule (the best was kept)
    beat_one_repairs: int = 0  # kept bass bars whose note on one was given the chord's bass

    def as_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Sample:
    tokens: list
    bar_hashes: list
    guard: GuardStats = field(default_factory=GuardStats)


def sample_from(logits: torch.Tensor, allowed: np.ndarray, rng: np.random.Generator, temperature: float,
                top_p: float) -> int:
    """One token: masked softmax at `temperature`, nucleus of mass `top_p`, inverse-CDF draw."""
    x = logits.double().numpy()
    ids = np.flatnonzero(allowed)
    if len(ids) == 0:
        raise RuntimeError("the grammar allows no token here")
    if len(ids) == 1:
        rng.random()  # keep the RNG stream independent of the mask's shape
        return int(ids[0])
    z = x[ids] / max(temperature, 1e-6)
    p = np.exp(z - z.max())
    p /= p.sum()
    order = np.argsort(-p, kind="stable")
    cum = np.cumsum(p[order])
    keep = int(np.searchsorted(cum, top_p) + 1)
    chosen = order[:keep]
    q = p[chosen] / p[chosen].sum()
    u = rng.random()
    j = min(int(np.searchsorted(np.cumsum(q), u, side="right")), len(chosen) - 1)
    return int(ids[chosen[j]])


class Sampler:
    def __init__(self, model: SidemanLM, vocab, index: OriginalityIndex | None = None,
                 settings: SamplerSettings | None = None) -> None:
        self.model = model.eval()
        self.vocab = vocab
        self.grammar = Grammar(vocab)
        self.tokenizer = Tokenizer(vocab)
        self.index = index
        self.s = settings or SamplerSettings()
        self.max_len = model.cfg.max_positions
        kinds = np.array(vocab.kind)
        self.event_allowed = np.isin(kinds, list(EVENT_KINDS))
        self.pos_or_mt = np.isin(kinds, ["POS", "MT"])
        self.vel_ids = sorted((t["velocity"], t["id"]) for t in vocab.tokens if t["kind"] == "VEL")

    def _feed(self, dec: CachedDecoder, st, seq: list, tokens: list) -> torch.Tensor:
        for t in tokens:
            self.grammar.step(st, t)
        seq.extend(tokens)
        return dec.feed(tokens)[-1]

    def generate(self, prompt: Prompt, rng: np.random.Generator) -> Sample:
        v, g = self.vocab, self.grammar
        dec = CachedDecoder(self.model, self.max_len)
        st = g.start()
        seq: list = []
        hashes: list = []
        stats = GuardStats()
        logits = self._feed(dec, st, seq, list(prompt.header) + list(prompt.bars[0]))
        n_bars = len(prompt.bars)
        musical = self.s.musical_attempts > 0 and prompt.part != "drums"
        tries = max(self.s.max_attempts, self.s.musical_attempts if musical else 1)
        memory = musical_guard.SONG_START
        for b in range(n_bars):
            nxt = prompt.bars[b + 1] if b + 1 < n_bars else None
            # Room for the next bar's conditioning and a few events; otherwise end the piece here.
            if nxt is not None and len(seq) + len(nxt) + 8 > self.max_len:
                nxt = None
                stats.truncated = True
            end_tok = nxt[0] if nxt is not None else v.eos
            mark = (len(seq), st.copy(), logits)
            prev = hashes[-1] if hashes else 0
            events, h = None, 0
            best = None  # (score, events, hash, verdict, attempt) of the best sample that broke a rule
            checked_last = False
            verdict = musical_guard.Verdict()
            outcome = "accept"
            for attempt in range(tries):
                if attempt:
                    dec.length = mark[0]
                    del seq[mark[0]:]
                    st = mark[1].copy()
                    logits = mark[2]
                checked_last = False
                temp = self.s.temperature + attempt * self.s.temperature_step
                events, logits, st = self._sample_bar(dec, st, seq, logits, end_tok, rng, temp,
                                                      len(nxt) if nxt is not None else 0)
                h = fnv1a64(events) if events else 0
                if self._copies(prompt.part_id, prev, h):
                    stats.rejected += 1
                    if attempt + 1 < self.s.max_attempts and not (best and attempt + 1 >= self.s.musical_attempts):
                        continue
                    outcome = "best" if best else "last_resort"
                    break
                if not musical:
                    break
                verdict = self._verdict(prompt, seq, mark[0], memory)
                stats.musical_checks += 1
                checked_last = True
                if verdict.score == 0:
                    break
                if best is None or verdict.score <= best[0]:  # ties go to the newer sample
                    best = (verdict.score, list(events), h, verdict, attempt)
                if attempt + 1 < self.s.musical_attempts:
                    self._count_rejection(stats, verdict, +1)
                    stats.musical_resamples += 1
                    continue
                outcome = "best"
                break
            if outcome == "best":
                if best[4] != attempt:
                    # An earlier sample was the best: feed it back in place of the last one.
                    if checked_last:
                        self._count_rejection(stats, verdict, +1)
                    self._count_rejection(stats, best[3], -1)  # counted when the loop moved past it
                    dec.length = mark[0]
                    del seq[mark[0]:]
                    st = mark[1].copy()
                    events, h = best[1], best[2]
                    logits = self._feed(dec, st, seq, events) if events else mark[2]
                verdict = best[3]
                if verdict.beat_one and self.s.repair_beat_one and self.s.musical_attempts > 1:
                    # Last resort: the note on one takes the chord's bass (as the C# BeatOneRepair).
                    chord = musical_guard.chord_at(self._decode_bar(prompt, seq, mark[0]).chords, 0)
                    repaired = musical_guard.repair_beat_one(v, events, chord, prompt.part)
                    if repaired is not None and not self._copies(prompt.part_id, prev, fnv1a64(repaired)):
                        dec.length = mark[0]
                        del seq[mark[0]:]
                        st = mark[1].copy()
                        events, h = repaired, fnv1a64(repaired)
                        logits = self._feed(dec, st, seq, events)
                        verdict = self._verdict(prompt, seq, mark[0], memory)
                        stats.beat_one_repairs += 1
                stats.musical_violations_kept += int(verdict.score > 0)
            elif outcome == "last_resort":
                # Every try copied: nudge one velocity so the span is no longer the training one.
                dec.length = mark[0]
                del seq[mark[0]:]
                st = mark[1].copy()
                events = self._last_resort(prompt.part_id, prev, events)
                h = fnv1a64(events) if events else 0
                logits = self._feed(dec, st, seq, events) if events else mark[2]
                stats.last_resort += 1
                if musical:
                    verdict = self._verdict(prompt, seq, mark[0], memory)
            if musical:
                memory = musical_guard.remember(prompt.part, prompt_key(self.vocab, prompt),
                                                self._decode_bar(prompt, seq, mark[0]), memory, verdict)
            if prev and h and self.index is not None:
                stats.checked += 1
            if attempt and self.index is not None:
                stats.resampled_bars += 1
            stats.bars += 1
            hashes.append(h)
            if nxt is None:
                self.grammar.step(st, v.eos)
                seq.append(v.eos)
                break
            logits = self._feed(dec, st, seq, list(nxt))
        return Sample(seq, hashes, stats)

    def _decode_bar(self, prompt: Prompt, seq: list, events_start: int):
        """The bar in progress (its conditioning, then seq[events_start:]) as a decoded pattern Bar."""
        start = events_start
        while self.vocab.kind[seq[start - 1]] != "BAR":
            start -= 1
        tokens = list(prompt.header) + seq[start - 1:] + [self.vocab.eos]
        return self.tokenizer.decode(tokens).bars[0]

    def _verdict(self, prompt: Prompt, seq: list, events_start: int, memory) -> "musical_guard.Verdict":
        bar = self._decode_bar(prompt, seq, events_start)
        return musical_guard.check(prompt.part, prompt_style(self.vocab, prompt), prompt_key(self.vocab, prompt), bar,
                                   memory, self.s.beat_one_grace)

    @staticmethod
    def _count_rejection(stats: GuardStats, verdict, count: int) -> None:
        stats.beat_one_rejections += count * int(verdict.beat_one)
        stats.strong_beat_rejections += count * int(verdict.strong > 0)
        stats.out_of_key_rejections += count * int(verdict.out_of_key > 0)

    def _copies(self, part_id: int, prev: int, h: int) -> bool:
        return self.index is not None and self.index.is_copy(part_id, prev, h)

    def _sample_bar(self, dec, st, seq, logits, end_tok, rng, temperature, reserve=0):
        """Samples events until the model ends the bar; the end token itself is not fed.
        `reserve` tokens (the next bar's conditioning) must still fit in the context afterwards."""
        g = self.grammar
        events = []
        while True:
            allowed = g.mask(st) & self.event_allowed
            if g.allows(st, end_tok):
                allowed[end_tok] = True
            if len(seq) >= self.max_len - 4 - reserve:
                # Context nearly full: finish the note in progress, then end the bar.
                if g.allows(st, end_tok):
                    return events, logits, st
                allowed &= ~self.pos_or_mt
            t = sample_from(logits, allowed, rng, temperature, self.s.top_p)
            if t == end_tok:
                return events, logits, st
            events.append(t)
            logits = self._feed(dec, st, seq, [t])

    def _last_resort(self, part_id: int, prev: int, events: list) -> list:
        vel_of = {tid: vel for vel, tid in self.vel_ids}
        ids = [tid for _, tid in self.vel_ids]
        for i in range(len(events) - 1, -1, -1):
            if events[i] in vel_of:
                k = ids.index(events[i])
                for nk in (k - 1, k + 1):
                    if 0 <= nk < len(ids):
                        trial = events[:i] + [ids[nk]] + events[i + 1:]
                        if not self._copies(part_id, prev, fnv1a64(trial)):
                            return trial
        return []  # no velocity change escapes the index: leave the bar silent (never a copy)


def prompt_key(vocab, prompt: Prompt):
    return next((vocab.tokens[t]["pc"] for t in prompt.header if vocab.kind[t] == "KEY"), None)


def prompt_style(vocab, prompt: Prompt) -> str:
    return next(vocab.tokens[t]["style"] for t in prompt.header if vocab.kind[t] == "STYLE")


def load_model(checkpoint: str | Path) -> tuple[SidemanLM, dict]:
    from export_onnx import load_checkpoint
    return load_checkpoint(checkpoint)


def read_split_examples(data_dir: Path, split: str):
    tokens = np.load(data_dir / f"{split}.tokens.npy", mmap_mode="r")
    offsets = np.load(data_dir / f"{split}.offsets.npy")
    with open(data_dir / f"{split}.meta.jsonl", encoding="utf-8") as f:
        meta = [json.loads(line) for line in f if line.strip()]
    return tokens, offsets, meta


def main(argv=None) -> int:
    from sideman_data import vocab as vocab_mod
    from vocab_info import load_vocab

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint")
    ap.add_argument("--vocab", default=str(HERE.parent / "vocab.json"))
    ap.add_argument("--data-dir", default=str(HERE / ".cache" / "dataset"))
    ap.add_argument("--prompts", default="test", help="split whose examples give the conditioning")
    ap.add_argument("--count", type=int, default=8)
    ap.add_argument("--part", help="only prompts of this part")
    ap.add_argument("--index", help="originality index: reject and resample copied 2-bar spans")
    ap.add_argument("--temperature", type=float, default=1.0)
    ap.add_argument("--top-p", type=float, default=0.95)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--musical-guard", type=int, default=0, metavar="N",
                    help="samples per bar the musical guard may draw when a bar breaks its part's rules (0 = off)")
    ap.add_argument("--out", required=True)
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    vocab = vocab_mod.load(a.vocab)
    info = load_vocab(a.vocab)
    model, ckpt = load_model(a.checkpoint)
    if ckpt.get("vocab_sha256") not in (None, info.sha256):
        raise SystemExit(f"{a.checkpoint} was trained with another vocab.json than {a.vocab}")
    index = OriginalityIndex.load(a.index, info.sha256) if a.index else None
    tokens, offsets, meta = read_split_examples(Path(a.data_dir), a.prompts)
    pick = [i for i, m in enumerate(meta) if not a.part or m["part"] == a.part]
    rng = np.random.default_rng([a.seed, 0])
    pick = sorted(rng.choice(pick, size=min(a.count, len(pick)), replace=False).tolist())
    sampler = Sampler(model, vocab, index, SamplerSettings(a.temperature, a.top_p, musical_attempts=a.musical_guard))
    with open(a.out, "w", encoding="utf-8") as f:
        for i in pick:
            prompt = split_prompt(vocab, tokens[offsets[i]:offsets[i + 1]])
            s = sampler.generate(prompt, np.random.default_rng([a.seed, i]))
            f.write(json.dumps({"prompt_id": meta[i]["id"], "part": meta[i]["part"], "style": meta[i]["style"],
                                "seed": a.seed, "tokens": s.tokens, "guard": s.guard.as_dict()}) + "\n")
            print(f"{meta[i]['id']} {meta[i]['part']}: {len(s.tokens)} tokens, {s.guard.bars} bars, "
                  f"{s.guard.rejected} rejected", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
