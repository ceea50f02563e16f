"""Exports randomly initialised models of candidate sizes, to time them with the C# runtime before
choosing the shipped size (decode < 2 ms/token on one core at 512 context; train in <= 90 min).

Usage: /usr/bin/python3 models/training/size_candidates.py OUT_DIR [--vocab-size 512]
Then:  dotnet run -c Release --project tests/Sideman.Model.Bench -- OUT_DIR/*.onnx
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from export_onnx import export  # noqa: E402
from model import ModelConfig, SidemanLM  # noqa: E402

CANDIDATES = {
    "L2_d128": dict(n_layers=2, d_model=128, n_heads=4, d_ff=512),
    "L4_d128": dict(n_layers=4, d_model=128, n_heads=4, d_ff=512),
    "L4_d192": dict(n_layers=4, d_model=192, n_heads=4, d_ff=768),
    "L6_d192": dict(n_layers=6, d_model=192, n_heads=6, d_ff=768),
    "L4_d256": dict(n_layers=4, d_model=256, n_heads=4, d_ff=1024),
    "L6_d256": dict(n_layers=6, d_model=256, n_heads=4, d_ff=1024),
    "L6_d256_h8": dict(n_layers=6, d_model=256, n_heads=8, d_ff=1024),
    "L8_d256": dict(n_layers=8, d_model=256, n_heads=8, d_ff=1024),
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out_dir")
    ap.add_argument("--vocab-size", type=int, default=512)
    ap.add_argument("--only", nargs="*")
    a = ap.parse_args()
    out = Path(a.out_dir)
    for name, c in CANDIDATES.items():
        if a.only and name not in a.only:
            continue
        torch.manual_seed(0)
        model = SidemanLM(ModelConfig(vocab_size=a.vocab_size, max_positions=1024, **c)).eval()
        export(model, out / f"{name}.onnx", "0" * 64, "sizing", "sizing")
        print(f"{name}: {model.num_parameters():,} parameters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
