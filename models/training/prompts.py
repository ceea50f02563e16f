"""Splits an example's tokens into what a user gives the model and what the model writes.

A user (the plugin) fixes the header (BOS STYLE PART [KEY] TEMPO) and, for each bar, its
conditioning: BAR TS SEC EN and the chord list. The model writes the bar's events (POS, PITCH,
DUR, VEL, MT, DRUM). generate.py forces the conditioning and samples the events; evaluate.py
uses the same split to score only the tokens the model is responsible for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List

EVENT_KINDS = frozenset({"POS", "PITCH", "DUR", "VEL", "MT", "DRUM"})
HEADER_KINDS = frozenset({"BOS", "STYLE", "PART", "KEY", "TEMPO"})


@dataclass
class Prompt:
    header: List[int]
    bars: List[List[int]]  # each bar's conditioning tokens, starting with BAR
    events: List[List[int]] = field(default_factory=list)  # the original events of each bar
    part: str = ""
    part_id: int = -1


def split_prompt(vocab, tokens) -> Prompt:
    """Header, per-bar conditioning and per-bar original events of a well-formed example."""
    tokens = [int(t) for t in tokens]
    kinds = [vocab.kind[t] for t in tokens]
    if not tokens or kinds[0] != "BOS" or kinds[-1] != "EOS":
        raise ValueError("an example starts with BOS and ends with EOS")
    i = 0
    header = []
    while i < len(tokens) and kinds[i] in HEADER_KINDS:
        header.append(tokens[i])
        i += 1
    part_tok = next((t for t in header if vocab.kind[t] == "PART"), None)
    if part_tok is None:
        raise ValueError("the example's header has no PART token")
    bars, events = [], []
    while i < len(tokens) and kinds[i] == "BAR":
        cond = [tokens[i]]
        i += 1
        while i < len(tokens) and kinds[i] not in EVENT_KINDS and kinds[i] not in ("BAR", "EOS"):
            cond.append(tokens[i])
            i += 1
        ev = []
        while i < len(tokens) and kinds[i] in EVENT_KINDS:
            ev.append(tokens[i])
            i += 1
        bars.append(cond)
        events.append(ev)
    if i != len(tokens) - 1:
        raise ValueError(f"unexpected token {vocab.name(tokens[i])} at {i}")
    return Prompt(header, bars, events, vocab.tokens[part_tok]["part"], part_tok)


def event_mask(vocab, tokens) -> List[bool]:
    """For each position: is this token one the model writes (an event, or the bar's end)?

    The bar end counts: deciding where a bar's events stop is the model's choice too."""
    out, seen_bar = [], False
    for t in tokens:
        k = vocab.kind[int(t)]
        out.append(k in EVENT_KINDS or (k in ("BAR", "EOS") and seen_bar))
        seen_bar = seen_bar or k == "BAR"
    return out
