"""evaluate.py end to end on a tiny dataset and model: every section is present, the guarded copy
rate is 0, and the report reads --tokens files (as `sideman generate --tokens-out` writes)."""
from __future__ import annotations

import json

import build_index
import evaluate
from release_fixtures import TK, V, bass_phrase, drum_phrase, save_checkpoint, tiny_model, write_split


def test_evaluate_writes_every_section(tmp_path):
    data = tmp_path / "ds"
    phrases = [bass_phrase(4, figure=(0, 48)), bass_phrase(4, figure=(0, 24, 48, 72), energy=4), drum_phrase(4),
               drum_phrase(3, hats=4)]
    write_split(data, "train", phrases, [False, True, False, True])
    write_split(data, "test", phrases, [False, True, False, True])  # the test data equals training: copies
    index = tmp_path / "i.fingerprints"
    build_index.main(["--data-dir", str(data), "--vocab", V.path, "--out", str(index)])
    ckpt = tmp_path / "m.pt"
    save_checkpoint(tiny_model(3), ckpt)
    ext = tmp_path / "ext.jsonl"
    ext.write_text(json.dumps({"tokens": [V.name(t) for t in TK.encode(phrases[0])]}) + "\n"
                   + json.dumps({"tokens": TK.encode(phrases[2])}) + "\n")
    out = tmp_path / "reports"
    assert evaluate.main(["--checkpoint", str(ckpt), "--index", str(index), "--vocab", V.path, "--data-dir", str(data),
                          "--out", str(out), "--per-group", "1", "--sweep-per-part", "1", "--tokens", str(ext)]) == 0
    r = json.loads((out / "eval.json").read_text())
    assert set(r["nll"]) == {"bass", "drums", "all_parts"}
    assert r["nll"]["all_parts"]["event_tokens"] < r["nll"]["all_parts"]["tokens"]
    assert r["nll"]["all_parts"]["examples"] == 4
    assert set(r["data"]) == {"bass/human", "bass/authored", "drums/human", "drums/authored"}
    # Test data that is the training data copies every bar after the first.
    assert r["copy_rates"]["test_human"]["rate"] == 1.0
    assert set(r["generated"]) == {"unguarded", "guarded"}
    assert r["copy_rates"]["generated_guarded"]["copied_bars"] == 0
    assert r["generated"]["guarded"]["bass/human"]["sequences"] == 1
    assert set(r["energy_sweep"]) == {"bass", "drums"}
    assert set(r["energy_sweep"]["bass"]["density"]) == {"0", "1", "2", "3", "4"}
    assert r["external"]["bass"]["sequences"] == 1 and r["external"]["drums"]["copy_rate"] == 1.0
    md = (out / "eval.md").read_text()
    for heading in ("NLL per token", "Generated vs held-out data", "Energy sweep", "Copy rate", "External samples",
                    "Definitions"):
        assert heading in md
