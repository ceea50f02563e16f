"""Builds the tiny model the C# tests load: synthetic vocabulary and data, a few training steps,
ONNX export, and parity fixtures (PyTorch logits for a fixed token sequence, full-sequence and
step by step with the cache). Takes a few seconds; CI runs it before the C# tests.

Usage: /usr/bin/python3 models/training/make_test_model.py [OUT_DIR]   (default build/test-model)
Writes OUT_DIR/{vocab.json, tiny.onnx, parity.json, dataset/, run/}.
"""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import torch

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import train  # noqa: E402
from export_onnx import export, load_checkpoint  # noqa: E402
from model import CachedDecoder  # noqa: E402
from vocab_info import load_vocab  # noqa: E402

# The files whose change makes the fixture stale; the C# test fixture hashes the same list.
SOURCES = ["model.py", "export_onnx.py", "train.py", "token_dataset.py", "synthetic_data.py", "vocab_info.py",
           "make_test_model.py"]
PREFILL = 7       # tokens given as one prefill chunk before stepping one at a time
CACHE_LEN = 128   # cache slots the PyTorch reference decoder uses
SEQ_LEN = 100     # long enough that C# crosses a cache bucket (64) while stepping


def source_hash() -> str:
    h = hashlib.sha256()
    for name in SOURCES:
        h.update((HERE / name).read_bytes())
    return h.hexdigest()


def f32_list(t: torch.Tensor) -> list:
    # repr of a float32 widened to float64 round-trips exactly through JSON into C#'s float.
    return [float(x) for x in t.detach().to(torch.float32).reshape(-1).tolist()]


def write_foreign_model(path: Path) -> None:
    """A valid ONNX file that is not a Sideman model (no contract metadata), for the C# error tests."""
    lin = torch.nn.Linear(4, 2).eval()
    torch.onnx.export(lin, (torch.zeros(1, 4),), str(path), opset_version=14, input_names=["x"], output_names=["y"])


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else HERE.parent.parent / "build" / "test-model").resolve()
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(HERE / "synthetic_data.py"), str(out), "--vocab-size", "64",
                    "--examples", "120", "--max-len", "40", "--seed", "7"], check=True)
    run = out / "run"
    train.main(["--vocab", str(out / "vocab.json"), "--data-dir", str(out / "dataset"), "--out", str(run),
                "--preset", "tiny", "--window", "40", "--batch-size", "8", "--steps", "30",
                "--eval-every", "15", "--log-every", "15", "--seed", "42", "--fresh", "--threads", "1"])
    model, ckpt = load_checkpoint(run / "last.pt")
    vocab = load_vocab(out / "vocab.json")
    export(model, out / "tiny.onnx", vocab.sha256, vocab.version, "test-tiny", extra={"train_step": ckpt["step"]})

    # A fixed sequence drawn from the validation split, so the logits are those of real inputs.
    valid_tokens = np.load(out / "dataset" / "valid.tokens.npy")
    tokens = [int(t) for t in np.resize(valid_tokens, SEQ_LEN)]
    with torch.no_grad():
        full = model(torch.tensor([tokens]))[0]
        dec = CachedDecoder(model, CACHE_LEN)
        stepped = [dec.feed(tokens[:PREFILL])]
        for t in tokens[PREFILL:]:
            stepped.append(dec.feed([t]))
        stepped = torch.cat(stepped, dim=0)
    diff = float((full - stepped).abs().max())
    if diff > 1e-5:
        raise SystemExit(f"make_test_model: PyTorch cached decoding differs from the full pass by {diff}")

    fixture = dict(model="tiny.onnx", vocab="vocab.json", vocab_sha256=vocab.sha256,
                   vocab_size=model.cfg.vocab_size, n_layers=model.cfg.n_layers, n_heads=model.cfg.n_heads,
                   head_dim=model.cfg.head_dim, max_positions=model.cfg.max_positions,
                   tokens=tokens, prefill=PREFILL, full_logits=f32_list(full), stepped_logits=f32_list(stepped),
                   torch_cached_vs_full_max_abs_diff=diff, source_hash=source_hash())
    write_foreign_model(out / "no_contract.onnx")
    (out / "parity.json").write_text(json.dumps(fixture), encoding="utf-8")
    print(f"make_test_model: wrote {out}/tiny.onnx and parity.json ({len(tokens)} tokens, "
          f"PyTorch cached-vs-full max diff {diff:.2e})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
