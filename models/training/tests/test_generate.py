"""The Python sampler: grammar-valid output under forced conditioning, seeded determinism, and the
originality guard (reject and resample copied 2-bar spans)."""
from __future__ import annotations

import numpy as np
import torch

from release_fixtures import TK, V, bass_phrase, drum_phrase, tiny_model
from generate import Sampler, SamplerSettings, sample_from
from originality_index import OriginalityIndex, pair_keys
from prompts import EVENT_KINDS, event_mask, split_prompt
from sideman_data.fingerprint import bar_hashes


def conditioning(tokens):
    return [t for t in tokens if V.kind[t] not in EVENT_KINDS]


def test_prompt_split_round_trips():
    toks = TK.encode(bass_phrase(3))
    p = split_prompt(V, toks)
    rebuilt = list(p.header)
    for cond, ev in zip(p.bars, p.events):
        rebuilt += cond + ev
    assert rebuilt + [V.eos] == toks
    assert p.part == "bass" and p.part_id == V.part_id["bass"]
    mask = event_mask(V, toks)
    assert [t for t, m in zip(toks, mask) if m and V.kind[t] in EVENT_KINDS] == [t for t in toks if V.kind[t] in EVENT_KINDS]
    assert sum(1 for t, m in zip(toks, mask) if m and V.kind[t] in ("BAR", "EOS")) == 3  # each bar's end


def test_samples_are_well_formed_and_keep_the_conditioning():
    sampler = Sampler(tiny_model(1), V)
    for phrase in (bass_phrase(4), drum_phrase(3)):
        toks = TK.encode(phrase)
        s = sampler.generate(split_prompt(V, toks), np.random.default_rng(3))
        TK.grammar.check_sequence(s.tokens)
        decoded = TK.decode(s.tokens)  # decodes into a pattern
        assert len(decoded.bars) == len(phrase.bars)
        assert conditioning(s.tokens) == conditioning(toks)
        assert s.bar_hashes == bar_hashes(V, s.tokens)


def test_a_full_context_ends_the_piece_cleanly_instead_of_overflowing_the_cache():
    # Random weights write long bars; with 96 positions the context fills up mid-prompt, and the
    # next bar's conditioning must still fit after the bar being sampled (it once overflowed by 4).
    for seed in range(6):
        sampler = Sampler(tiny_model(seed, max_positions=96), V, settings=SamplerSettings(temperature=1.5, top_p=1.0))
        prompt = split_prompt(V, TK.encode(bass_phrase(16, figure=(0, 12, 24, 36))))
        s = sampler.generate(prompt, np.random.default_rng(seed))
        assert len(s.tokens) <= 96 + 1  # the context, plus the EOS that is never fed
        assert s.guard.truncated
        TK.grammar.check_sequence(s.tokens)


def test_same_seed_same_tokens_other_seed_other_tokens():
    sampler = Sampler(tiny_model(2), V)
    prompt = split_prompt(V, TK.encode(bass_phrase(4)))
    a = sampler.generate(prompt, np.random.default_rng(7)).tokens
    b = sampler.generate(prompt, np.random.default_rng(7)).tokens
    c = sampler.generate(prompt, np.random.default_rng(8)).tokens
    assert a == b and a != c


def test_top_p_keeps_only_the_nucleus_and_the_mask_is_obeyed():
    logits = torch.tensor([0.0, 5.0, 4.0, -10.0, 6.0])
    allowed = np.array([True, True, True, True, False])
    rng = np.random.default_rng(0)
    picks = {sample_from(logits, allowed, rng, 1.0, 0.5) for _ in range(200)}
    assert picks == {1}  # token 4 is masked; token 1 alone holds > 50% of the rest
    picks = {sample_from(logits, allowed, rng, 1.0, 0.99) for _ in range(400)}
    assert picks == {1, 2}


def test_guard_rejects_copies_and_leaves_none(tmp_path):
    model = tiny_model(5)
    prompt = split_prompt(V, TK.encode(bass_phrase(6)))
    free = Sampler(model, V).generate(prompt, np.random.default_rng(11))
    h = np.array(free.bar_hashes, dtype=np.uint64)
    keep = (h[:-1] != 0) & (h[1:] != 0)
    assert keep.sum() >= 2, "the unguarded sample should have consecutive non-empty bars"
    # An index holding exactly the spans the unguarded sampler wrote: the guard must avoid them all.
    keys = pair_keys(np.full(int(keep.sum()), prompt.part_id, dtype=np.int32), h[:-1][keep], h[1:][keep])
    idx = OriginalityIndex(np.unique(keys), "")
    assert any(idx.copied_bars(prompt.part_id, free.bar_hashes))
    guarded = Sampler(model, V, idx, SamplerSettings(max_attempts=4)).generate(prompt, np.random.default_rng(11))
    TK.grammar.check_sequence(guarded.tokens)
    assert not any(idx.copied_bars(prompt.part_id, bar_hashes(V, guarded.tokens)))
    assert guarded.guard.rejected >= 1 and guarded.guard.checked >= 1
    assert conditioning(guarded.tokens) == conditioning(free.tokens)


def test_guard_last_resort_when_every_try_copies():
    # A model that always plays the same bar: only the last resort (a velocity nudge) escapes.
    model = tiny_model(6)
    prompt = split_prompt(V, TK.encode(bass_phrase(3)))
    sampler = Sampler(model, V, None, SamplerSettings(temperature=0.01, top_p=0.01, max_attempts=3,
                                                      temperature_step=0.0))
    free = sampler.generate(prompt, np.random.default_rng(1))
    h = [x for x in free.bar_hashes]
    pairs = [(a, b) for a, b in zip(h, h[1:]) if a and b]
    assert pairs, "this seed's greedy bars are non-empty, so there are spans to copy"
    keys = pair_keys(np.full(len(pairs), prompt.part_id, dtype=np.int32),
                     np.array([a for a, _ in pairs], dtype=np.uint64), np.array([b for _, b in pairs], dtype=np.uint64))
    sampler.index = OriginalityIndex(np.unique(keys), "")
    guarded = sampler.generate(prompt, np.random.default_rng(1))
    TK.grammar.check_sequence(guarded.tokens)
    assert not any(sampler.index.copied_bars(prompt.part_id, bar_hashes(V, guarded.tokens)))
    assert guarded.guard.last_resort >= 1
