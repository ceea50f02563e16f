"""The musical guard's rules (musical_guard.py) on the hand-made bars that the C# guard is tested on too, and the
Python sampler's guard (generate.py --musical-guard): resampling, keeping the best try, counters."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import musical_guard as mg
from generate import Sampler, SamplerSettings
from prompts import split_prompt
from release_fixtures import TK, V, bass_phrase, tiny_model

CASES = Path(__file__).resolve().parents[3] / "tests" / "fixtures" / "guard" / "musical_guard_cases.json"


def cases():
    return json.loads(CASES.read_text(encoding="utf-8"))["cases"]


def decode_case(c):
    header = ["BOS", f"STYLE_{c['style']}", f"PART_{c['part']}", V.name(V.key_id[c["key"]]), "TEMPO_4"]
    ids = [V.id[n] for n in header + c["tokens"] + ["EOS"]]
    return TK.decode(ids).bars[0]


def memory_of(m):
    return mg.Memory(frozenset(m["carry"]), m["misses"], m["mode"])


@pytest.mark.parametrize("c", cases(), ids=lambda c: c["name"])
def test_each_fixture_bar_gets_the_hand_worked_verdict(c):
    bar = decode_case(c)
    memory = memory_of(c["memory"])
    v = mg.check(c["part"], c["style"], c["key"], bar, memory, c["grace"])
    e = c["expect"]
    assert (v.beat_one_miss, v.beat_one, v.strong, v.out_of_key) == \
        (e["beat_one_miss"], e["beat_one"], e["strong"], e["out_of_key"]), c["why"]
    if "memory_after" in c:
        assert mg.remember(c["part"], c["key"], bar, memory, v) == memory_of(c["memory_after"])


@pytest.mark.parametrize("c", [c for c in cases() if "repair" in c], ids=lambda c: c["name"])
def test_the_beat_one_repair_gives_the_hand_worked_pitch(c):
    bar = decode_case(c)
    ids = [V.id[n] for n in c["tokens"]]
    repaired = mg.repair_beat_one(V, ids, mg.chord_at(bar.chords, 0), c["part"])
    if c["repair"] is None:
        assert repaired is None
    else:
        changed = [i for i, (a, b) in enumerate(zip(ids, repaired)) if a != b]
        assert len(changed) == 1 and V.name(repaired[changed[0]]) == c["repair"]
        fixed = TK.decode([V.id[n] for n in ["BOS", f"STYLE_{c['style']}", "PART_bass", V.name(V.key_id[c["key"]]), "TEMPO_4"]]
                          + repaired + [V.eos]).bars[0]
        assert not mg.check(c["part"], c["style"], c["key"], fixed, memory_of(c["memory"]), c["grace"]).beat_one_miss


def test_the_fixture_covers_every_rule_and_metre():
    cs = cases()
    assert any(c["expect"]["beat_one"] for c in cs) and any(c["expect"]["strong"] for c in cs)
    assert any(c["expect"]["out_of_key"] for c in cs)
    metres = {t for c in cs for t in c["tokens"] if t.startswith("TS_")}
    assert {"TS_4/4", "TS_3/4", "TS_6/8", "TS_5/4"} <= metres
    assert any("BASS_11" in c["tokens"] for c in cs) and any("NOCHORD" in c["tokens"] for c in cs)
    assert any(c["memory"]["carry"] for c in cs)


def test_strong_ticks_follow_the_beat_groups():
    assert mg.strong_ticks((4, 4)) == (0, 48)
    assert mg.strong_ticks((3, 4)) == (0,)
    assert mg.strong_ticks((6, 8)) == (0, 36)
    assert mg.strong_ticks((5, 4)) == (0, 72)
    assert mg.strong_ticks((12, 8)) == (0, 72)


def replay(part, style, key, tokens, grace):
    """The verdict of every bar of a finished sequence, as the guard saw them (memory carried bar to bar)."""
    phrase = TK.decode(tokens)
    memory, verdicts = mg.Memory(), []
    for bar in phrase.bars:
        v = mg.check(part, style, key, bar, memory, grace)
        memory = mg.remember(part, key, bar, memory, v)
        verdicts.append(v)
    return verdicts


def test_the_sampler_resamples_bars_that_break_a_rule_and_counts_what_it_kept():
    # Random weights: the bass often leaves beat one; grace 0 makes every such bar a fault.
    prompt = split_prompt(V, TK.encode(bass_phrase(8, chords=((0, "maj"), (7, "maj"), (9, "min"), (5, "maj")))))
    off = Sampler(tiny_model(4), V, settings=SamplerSettings(beat_one_grace=0)).generate(prompt, np.random.default_rng(5))
    on = Sampler(tiny_model(4), V, settings=SamplerSettings(musical_attempts=6, beat_one_grace=0)).generate(
        prompt, np.random.default_rng(5))
    TK.grammar.check_sequence(on.tokens)
    broken_off = sum(v.score > 0 for v in replay("bass", "pop", 0, off.tokens, 0))
    kept = replay("bass", "pop", 0, on.tokens, 0)
    assert broken_off >= 2, "the unguarded sample must break rules for this test to mean anything"
    assert on.guard.musical_checks >= len(kept) and on.guard.musical_resamples >= 1
    assert on.guard.beat_one_rejections + on.guard.strong_beat_rejections + on.guard.out_of_key_rejections >= 1
    # Every bar written with a broken rule is one the guard counted as kept with a violation.
    assert sum(v.score > 0 for v in kept) == on.guard.musical_violations_kept
    assert on.guard.musical_violations_kept < broken_off
    assert off.guard.musical_checks == 0


def test_when_every_try_breaks_a_rule_the_lowest_score_is_kept(monkeypatch):
    # A rule that every bar breaks, with scores that make the second of three tries the best.
    scores = iter([5, 2, 7] * 100)
    calls = []
    real_check = mg.check

    def failing(part, style, key, bar, memory, grace=mg.BEAT_ONE_GRACE):
        s = next(scores)
        calls.append((s, tuple(bar.events)))
        real_check(part, style, key, bar, memory, grace)
        return mg.Verdict(False, False, s, 0)  # `s` strong-beat notes: score 2s

    monkeypatch.setattr(mg, "check", failing)
    prompt = split_prompt(V, TK.encode(bass_phrase(3)))
    s = Sampler(tiny_model(3), V, settings=SamplerSettings(musical_attempts=3)).generate(prompt, np.random.default_rng(2))
    TK.grammar.check_sequence(s.tokens)
    assert s.guard.musical_checks == 9 and s.guard.musical_resamples == 6
    assert s.guard.musical_violations_kept == 3
    # Each bar kept the events of its second try, and the counters un-count the kept one.
    written = [tuple(b.events) for b in TK.decode(s.tokens).bars]
    assert written == [calls[3 * b + 1][1] for b in range(3)]
    assert s.guard.strong_beat_rejections == 6


def test_a_song_starts_on_the_one_and_then_one_bar_in_six_may_miss():
    assert mg.BEAT_ONE_GRACE == 5
    memory = mg.SONG_START
    tolerated = []
    for bar in range(12):
        allowed = (memory.misses & ((1 << mg.BEAT_ONE_GRACE) - 1)) == 0
        tolerated.append(allowed)
        # The bass misses whenever the guard lets it: the most it can miss.
        memory = mg.Memory(memory.carry, ((memory.misses << 1) | int(allowed)) & 0xFF, memory.mode)
    assert tolerated == [False] * 5 + [True] + [False] * 5 + [True]
