"""Greedy generations of the Python sampler (models/training/generate.py) for prompts built the way the
training data is built (sideman_data's Tokenizer over Phrase/Bar/Chord), written as a fixture for
PythonSamplerParityTests.cs. The C# generator gets the same songs as chart text through SongPlan and
must write the same token stream: the same header and bar conditioning (so the C# prompt encodes
exactly what training saw) and, at temperature 0, the same events (the same mask and bar endings).

Each case also records, per sampled token, the gap between the best and second-best logit, so the C#
side can tell a real disagreement from a near-tie that float rounding decides.
"""
from __future__ import annotations

import numpy as np
import torch

from generate import Sampler, SamplerSettings
from prompts import split_prompt
from sideman_data.patterns import Bar, BarChord, Chord, Phrase
from sideman_data.tokenizer import Tokenizer

# (chart as the C# user types it, time signature, the same bars as the data pipeline writes them).
# Chords are (tick, root pitch class, quality, bass interval above the root); None root = N.C.
CASES = [
    dict(part="keys", style="pop", key="C", key_pc=0, bpm=100, energy=2, section="verse", ts=(4, 4),
         chart="C | Am7/G | F/A G7 | Cmaj7/B | Dm7b5 E7 | N.C. | Bb/C | C",
         bars=[[(0, 0, "maj", 0)], [(0, 9, "min7", 10)], [(0, 5, "maj", 4), (48, 7, "dom7", 0)],
               [(0, 0, "maj7", 11)], [(0, 2, "hdim7", 0), (48, 4, "dom7", 0)], [(0, None, "none", 0)],
               [(0, 10, "maj", 2)], [(0, 0, "maj", 0)]]),
    dict(part="bass", style="soul", key="E", key_pc=4, bpm=70, energy=1, section="bridge", ts=(6, 8),
         chart="Em | C/E | Am/E B7 | Em",
         bars=[[(0, 4, "min", 0)], [(0, 0, "maj", 4)], [(0, 9, "min", 7), (36, 11, "dom7", 0)], [(0, 4, "min", 0)]]),
    # folk, like every style without a style-library file, is trained with SEC none only (StyleSections.cs).
    dict(part="arp", style="folk", key="F", key_pc=5, bpm=132, energy=3, section="none", ts=(3, 4),
         chart="F | Gm7 | C7sus4 | F",
         bars=[[(0, 5, "maj", 0)], [(0, 7, "min7", 0)], [(0, 0, "7sus4", 0)], [(0, 5, "maj", 0)]]),
    dict(part="drums", style="jazz_swing", key="C", key_pc=None, bpm=160, energy=3, section="none", ts=(5, 4),
         chart="C | C | C | C", bars=[[], [], [], []]),
]


def _phrase(vocab, case) -> Phrase:
    bars = [Bar(case["ts"], case["section"], case["energy"],
                [BarChord(t, Chord(root, q if root is not None else "none", bass)) for t, root, q, bass in chords])
            for chords in case["bars"]]
    return Phrase(case["style"], case["part"], case["key_pc"], vocab.tempo_bucket(case["bpm"]), bars)


def _margins(model, sampler, vocab, tokens, prompt) -> list:
    """Per token the sampler chose (events and each bar's end: the next BAR, or EOS), the gap between the
    best and second-best logit among the tokens it could choose there; None where the token was forced
    (the header and each bar's conditioning after its BAR)."""
    with torch.no_grad():
        logits = model(torch.tensor([tokens]))[0].double().numpy()
    g = sampler.grammar
    st = g.start()
    out = [None] * len(tokens)
    i, b = 0, 0
    first_free = len(prompt.header) + len(prompt.bars[0])
    while i < len(tokens):
        if i >= first_free:
            end_tok = vocab.bar if b + 1 < len(prompt.bars) else vocab.eos
            allowed = g.mask(st) & sampler.event_allowed
            allowed[end_tok] = g.allows(st, end_tok)
            row = np.sort(logits[i - 1][np.flatnonzero(allowed)])
            out[i] = float(row[-1] - row[-2]) if len(row) > 1 else None
            if tokens[i] == vocab.bar:
                b += 1
                for t in tokens[i:i + len(prompt.bars[b])]:
                    g.step(st, t)
                i += len(prompt.bars[b])
                continue
        g.step(st, tokens[i])
        i += 1
    return out


def parity_cases(model, vocab) -> list:
    tokenizer = Tokenizer(vocab)
    sampler = Sampler(model, vocab, None, SamplerSettings(temperature=0.0, top_p=1.0))
    out = []
    for case in CASES:
        prompt_tokens = tokenizer.encode(_phrase(vocab, case))
        prompt = split_prompt(vocab, prompt_tokens)
        sample = sampler.generate(prompt, np.random.default_rng(0))
        out.append({
            "part": case["part"], "style": case["style"], "key": case["key"], "bpm": case["bpm"],
            "energy": case["energy"], "section": case["section"], "time_signature": f"{case['ts'][0]}/{case['ts'][1]}",
            "chart": case["chart"], "prompt_tokens": prompt_tokens, "tokens": sample.tokens,
            "margins": _margins(model, sampler, vocab, sample.tokens, prompt),
        })
    return out
