"""Exports a trained checkpoint to ONNX (opset 14) with the key/value-cache interface described in
models/ONNX_CONTRACT.md, and stamps the metadata the C# runtime checks before it trusts the file.

Usage:
    /usr/bin/python3 models/training/export_onnx.py CHECKPOINT OUT.onnx [--vocab models/vocab.json]
        [--model-version 0.4.0]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import onnx
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ModelConfig, SidemanLM  # noqa: E402
from vocab_info import load_vocab  # noqa: E402

HERE = Path(__file__).resolve().parent
CONTRACT_VERSION = "1"
OPSET = 14


class _CachedGraph(torch.nn.Module):
    """Flattens forward_cached's per-layer lists into positional inputs/outputs for export."""

    def __init__(self, model: SidemanLM) -> None:
        super().__init__()
        self.model = model
        self.n = model.cfg.n_layers

    def forward(self, tokens, past_length, *caches):
        keys, values = list(caches[: self.n]), list(caches[self.n:])
        logits, nk, nv = self.model.forward_cached(tokens, past_length, keys, values)
        return (logits, *nk, *nv)


def io_names(n_layers: int):
    inputs = ["tokens", "past_length"] + [f"cache_key.{i}" for i in range(n_layers)] + \
             [f"cache_value.{i}" for i in range(n_layers)]
    outputs = ["logits"] + [f"new_key.{i}" for i in range(n_layers)] + [f"new_value.{i}" for i in range(n_layers)]
    return inputs, outputs


def load_checkpoint(path: str | Path) -> tuple[SidemanLM, dict]:
    ckpt = torch.load(path, map_location="cpu")
    cfg = ModelConfig.from_dict(ckpt["config"])
    model = SidemanLM(cfg)
    model.load_state_dict(ckpt["model"])
    model.eval()
    return model, ckpt


def export(model: SidemanLM, out_path: str | Path, vocab_sha256: str, vocab_version: str,
           model_version: str, extra: dict | None = None) -> None:
    cfg = model.cfg
    # The exporter restores the wrapper's training flag afterwards, recursively: keep it in eval.
    wrapper = _CachedGraph(model).eval()
    # Trace with a 3-token chunk against a 5-slot cache; every such size is a dynamic axis.
    tokens = torch.zeros((1, 3), dtype=torch.long)
    past = torch.tensor([2], dtype=torch.long)
    keys, values = model.empty_cache(1, 5)
    inputs, outputs = io_names(cfg.n_layers)
    dyn = {"tokens": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}}
    for n in inputs[2:]:
        dyn[n] = {0: "batch", 2: "cache_len"}
    for n in outputs[1:]:
        dyn[n] = {0: "batch", 2: "seq"}
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with torch.no_grad():
        torch.onnx.export(wrapper, (tokens, past, *keys, *values), str(out_path), opset_version=OPSET,
                          input_names=inputs, output_names=outputs, dynamic_axes=dyn,
                          do_constant_folding=True, training=torch.onnx.TrainingMode.EVAL)
    model.eval()

    m = onnx.load(str(out_path))
    meta = {
        "sideman.contract": CONTRACT_VERSION,
        "sideman.model_version": model_version,
        "sideman.vocab_sha256": vocab_sha256,
        "sideman.vocab_version": vocab_version,
        "sideman.vocab_size": str(cfg.vocab_size),
        "sideman.n_layers": str(cfg.n_layers),
        "sideman.n_heads": str(cfg.n_heads),
        "sideman.head_dim": str(cfg.head_dim),
        "sideman.d_model": str(cfg.d_model),
        "sideman.max_positions": str(cfg.max_positions),
        "sideman.pad_id": str(cfg.pad_id),
        "sideman.config": cfg.to_json(),
    }
    for k, v in (extra or {}).items():
        meta[f"sideman.{k}"] = str(v)
    del m.metadata_props[:]
    for k, v in sorted(meta.items()):
        p = m.metadata_props.add()
        p.key, p.value = k, v
    m.producer_name = "sideman-export"
    m.model_version = 1
    m.doc_string = "Sideman accompaniment model; I/O contract in models/ONNX_CONTRACT.md"
    onnx.checker.check_model(m)
    onnx.save(m, str(out_path))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("checkpoint")
    ap.add_argument("out")
    ap.add_argument("--vocab", default=str(HERE.parent / "vocab.json"))
    ap.add_argument("--model-version", default=(HERE.parent.parent / "VERSION").read_text().strip()
                    if (HERE.parent.parent / "VERSION").exists() else "0")
    a = ap.parse_args()
    model, ckpt = load_checkpoint(a.checkpoint)
    vocab = load_vocab(a.vocab)
    if ckpt.get("vocab_sha256") not in (None, vocab.sha256):
        raise SystemExit(f"{a.checkpoint} was trained with a different vocabulary than {a.vocab} "
                         f"(sha256 {ckpt['vocab_sha256'][:12]}... vs {vocab.sha256[:12]}...)")
    if vocab.size != model.cfg.vocab_size:
        raise SystemExit(f"{a.vocab} has {vocab.size} tokens but the model was trained with {model.cfg.vocab_size}")
    export(model, a.out, vocab.sha256, vocab.version, a.model_version,
           extra={"train_step": ckpt.get("step", 0)})
    size = Path(a.out).stat().st_size
    print(f"export_onnx: wrote {a.out} ({size / 1e6:.2f} MB), {model.num_parameters():,} parameters, "
          f"opset {OPSET}, contract {CONTRACT_VERSION}; metadata {json.dumps({'vocab_sha256': vocab.sha256[:16]})}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
