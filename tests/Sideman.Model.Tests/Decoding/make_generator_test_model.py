"""Builds the small model the part-generator tests load: the REAL vocabulary (models/vocab.json),
a 2-layer model with 512 positions, trained for a few seconds on the real token sequences of
tests/fixtures/tokens/corpus_samples.json, exported with the ONNX contract. The model is weak, but
its vocabulary, grammar and context length are the shipped ones, so the generator's masks, sliding
window and guard run exactly as they will on the real model.

Also writes pair_keys.json: originality pair keys computed here, in Python, from the fixture's
bar hashes, by the rule of models/ORIGINALITY_INDEX.md, so the C# key function is checked against
an independent implementation.

And corpus_samples.fingerprints: the index of the samples' bar pairs written by the training
pipeline's own writer (models/training/originality_index.py), so the C# reader is tested on a file
the Python side made.

And sampler_parity.json: the Python sampler's greedy generations for a few charts (sampler_parity.py),
which the C# generator must reproduce token for token.

Usage: /usr/bin/python3 tests/Sideman.Model.Tests/Decoding/make_generator_test_model.py OUT_DIR
Writes OUT_DIR/{generator.onnx, pair_keys.json, corpus_samples.fingerprints, sampler_parity.json, info.json}.
"""
from __future__ import annotations

import hashlib
import json
import struct
import sys
import tempfile
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
TRAINING = REPO / "models" / "training"
sys.path.insert(0, str(TRAINING))
import originality_index  # noqa: E402
import sampler_parity  # noqa: E402
import train  # noqa: E402
from export_onnx import export, load_checkpoint  # noqa: E402
from sideman_data import vocab as data_vocab  # noqa: E402
from vocab_info import load_vocab  # noqa: E402

# Files whose change makes the output stale; the C# fixture hashes the same list, in this order.
SOURCES = ["models/training/model.py", "models/training/export_onnx.py", "models/training/train.py",
           "models/training/token_dataset.py", "models/training/vocab_info.py", "models/training/originality_index.py",
           "models/training/generate.py", "models/training/prompts.py", "models/training/sideman_data/tokenizer.py",
           "models/training/sideman_data/grammar.py",
           "models/vocab.json",
           "tests/fixtures/tokens/corpus_samples.json",
           "tests/Sideman.Model.Tests/Decoding/make_generator_test_model.py",
           "tests/Sideman.Model.Tests/Decoding/sampler_parity.py"]

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = 0xFFFFFFFFFFFFFFFF


def source_hash() -> str:
    h = hashlib.sha256()
    for name in SOURCES:
        h.update((REPO / name).read_bytes())
    return h.hexdigest()


def fnv1a64_bytes(data: bytes) -> int:
    h = FNV_OFFSET
    for b in data:
        h ^= b
        h = (h * FNV_PRIME) & MASK64
    return h


def pair_key(part_token: int, h1: int, h2: int) -> int:
    """models/ORIGINALITY_INDEX.md: FNV-1a 64 over int32 LE part ‖ uint64 LE h1 ‖ uint64 LE h2."""
    return fnv1a64_bytes(struct.pack("<iQQ", part_token, h1, h2))


def write_dataset(samples: list, out: Path) -> None:
    seqs = [np.asarray(s["tokens"], dtype=np.int32) for s in samples]
    tokens = np.concatenate(seqs)
    offsets = np.zeros(len(seqs) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(s) for s in seqs])
    for split in ("train", "valid"):
        np.save(out / f"{split}.tokens.npy", tokens)
        np.save(out / f"{split}.offsets.npy", offsets)
        with open(out / f"{split}.meta.jsonl", "w", encoding="utf-8") as f:
            for i, s in enumerate(samples):
                f.write(json.dumps({"source": s["source"], "part": s["part"], "index": i}) + "\n")


def pair_key_cases(samples: list, vocab_doc: dict) -> list:
    part_ids = {t["name"]: t["id"] for t in vocab_doc["tokens"] if t["kind"] == "PART"}
    cases = []
    for s in samples:
        p = part_ids["PART_" + s["part"]]
        hashes = [int(h) for h in s["bar_hashes"]]
        for h1, h2 in zip(hashes, hashes[1:]):
            if h1 and h2:
                cases.append({"part_token": p, "h1": str(h1), "h2": str(h2), "key": str(pair_key(p, h1, h2))})
    # and two hand-made edge cases: extreme hash values and a negative-looking part id field
    cases.append({"part_token": 4, "h1": str(MASK64), "h2": "1", "key": str(pair_key(4, MASK64, 1))})
    cases.append({"part_token": 0x7FFFFFFF, "h1": "1", "h2": str(MASK64), "key": str(pair_key(0x7FFFFFFF, 1, MASK64))})
    return cases


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else REPO / "build" / "generator-test-model").resolve()
    out.mkdir(parents=True, exist_ok=True)
    vocab_path = REPO / "models" / "vocab.json"
    vocab = load_vocab(vocab_path)
    vocab_doc = json.loads(vocab_path.read_text(encoding="utf-8"))
    samples = json.loads((REPO / "tests" / "fixtures" / "tokens" / "corpus_samples.json").read_text(encoding="utf-8"))["samples"]

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "dataset"
        data.mkdir()
        write_dataset(samples, data)
        run = Path(tmp) / "run"
        train.main(["--vocab", str(vocab_path), "--data-dir", str(data), "--out", str(run),
                    "--preset", "tiny", "--d-model", "48", "--heads", "2", "--d-ff", "96", "--max-positions", "512",
                    "--window", "512", "--batch-size", "8", "--steps", "150", "--lr", "3e-3", "--warmup", "10",
                    "--eval-every", "75", "--log-every", "50", "--seed", "5", "--fresh", "--threads", "1",
                    "--dropout", "0.0", "--max-minutes", "0"])
        model, ckpt = load_checkpoint(run / "last.pt")
    export(model, out / "generator.onnx", vocab.sha256, vocab.version, "test-generator", extra={"train_step": ckpt["step"]})

    cases = [c for c in pair_key_cases(samples, vocab_doc)[:-2]]
    keys = originality_index.pair_keys([c["part_token"] for c in cases], [int(c["h1"]) for c in cases],
                                       [int(c["h2"]) for c in cases])
    originality_index.write_index(out / "corpus_samples.fingerprints", keys, vocab.sha256)
    (out / "pair_keys.json").write_text(json.dumps({"cases": pair_key_cases(samples, vocab_doc)}), encoding="utf-8")
    parity = sampler_parity.parity_cases(model, data_vocab.load(str(vocab_path)))
    (out / "sampler_parity.json").write_text(json.dumps({"cases": parity}), encoding="utf-8")
    (out / "info.json").write_text(json.dumps({"model": "generator.onnx", "vocab_sha256": vocab.sha256,
                                               "source_hash": source_hash()}), encoding="utf-8")
    print(f"make_generator_test_model: wrote {out}/generator.onnx, pair_keys.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
