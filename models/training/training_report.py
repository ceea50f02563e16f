#!/usr/bin/python3
"""Summarises a finished (or resumed) training run into the committed reports.

    /usr/bin/python3 models/training/training_report.py RUN_DIR [--out models/training/reports]

Reads RUN_DIR/last.pt (config, arguments, step, history) and RUN_DIR/train.log (one or more
resumed runs, appended), and writes to --out: training.json (configuration, steps, tokens seen,
wall time per run and in total, tokens/s, final and best losses), history.jsonl, loss.png and
train.log. Tokens seen are recomputed exactly by replaying the seeded data order of every step,
so they do not depend on the log.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

STEP_LINE = re.compile(r"step\s+(\d+)/(\d+)\s+loss\s+([\d.]+).*?([\d,]+) tok/s\s+elapsed\s+([\d.]+) min")
START_LINE = re.compile(r"train: [\d,]+ parameters")
RESUME_LINE = re.compile(r"train: resumed from .* at step (\d+)")
WORLD_LINE = re.compile(r"world (\d+) x (\d+) threads, batch (\d+)/process")


def parse_log(text: str) -> list[dict]:
    """One entry per run in the log: the step it started from, the last step it logged and the
    minutes elapsed at that step, and the world size."""
    runs: list[dict] = []
    resumed_at = 0
    for line in text.splitlines():
        m = RESUME_LINE.search(line)
        if m:
            resumed_at = int(m.group(1))
            continue
        if START_LINE.search(line):
            runs.append({"start_step": resumed_at, "last_step": None, "minutes": 0.0})
            resumed_at = 0
            continue
        m = WORLD_LINE.search(line)
        if m and runs:
            runs[-1].update(world=int(m.group(1)), threads=int(m.group(2)), batch_per_process=int(m.group(3)))
            continue
        m = STEP_LINE.search(line)
        if m and runs:
            step, minutes = int(m.group(1)), float(m.group(5))
            r = runs[-1]
            r["last_step"] = step
            r["minutes"] = minutes
    return [r for r in runs if r["last_step"] is not None]


def tokens_per_step(data_dir: str, args: dict, world: int, vocab_size: int, steps: int) -> np.ndarray:
    """Non-PAD target tokens of every step, replaying train.py's seeded batch choice."""
    from token_dataset import TokenSplit
    split = TokenSplit(data_dir, "train", vocab_size)
    lengths = np.minimum(split.lengths, args["window"] + 1) - 1
    per = args["batch_size"] * world
    out = np.empty(steps, dtype=np.int64)
    for s in range(steps):
        pick = np.random.default_rng([args["seed"], s]).integers(0, len(split), per)
        out[s] = int(lengths[pick].sum())
    return out


def summarise(run: Path, data_dir: str | None = None) -> dict:
    import torch
    ckpt = torch.load(run / "last.pt", map_location="cpu")
    args, history, step = ckpt["args"], ckpt["history"], ckpt["step"]
    log_path = run / "train.log"
    runs = parse_log(log_path.read_text(encoding="utf-8", errors="replace")) if log_path.exists() else []
    world = next((r["world"] for r in runs if "world" in r), 1)
    train = [h for h in history if "train_loss" in h]
    valid = [h for h in history if "valid_loss" in h]
    tokens = tokens_per_step(data_dir or args["data_dir"], args, world, ckpt["config"]["vocab_size"], step)
    minutes = sum(r["minutes"] for r in runs)
    tail = [h["train_loss"] for h in train[-5:]]
    return {
        "model_config": ckpt["config"],
        "parameters": None,
        "training_args": {k: args[k] for k in ("preset", "window", "batch_size", "steps", "lr", "min_lr", "warmup",
                                               "weight_decay", "dropout", "seed", "eval_every", "eval_batches",
                                               "max_minutes", "threads") if k in args},
        "processes": world,
        "global_batch": args["batch_size"] * world,
        "steps_done": step,
        "finished": step >= args["steps"],
        "tokens_seen": int(tokens.sum()),
        "epochs": round(float(tokens.sum()) / max(1, _train_tokens(data_dir or args["data_dir"])), 3),
        "runs": runs,
        "wall_minutes": round(minutes, 1),
        # Tokens of the steps each run logged, over the time it took to reach them.
        "tokens_per_second": round(sum(int(tokens[r["start_step"]:r["last_step"]].sum()) for r in runs)
                                   / (minutes * 60)) if minutes else None,
        "final_train_loss": round(sum(tail) / len(tail), 4) if tail else None,
        "final_valid_loss": round(valid[-1]["valid_loss"], 4) if valid else None,
        "best_valid_loss": round(min(h["valid_loss"] for h in valid), 4) if valid else None,
        "vocab_sha256": ckpt["vocab_sha256"],
    }


def _train_tokens(data_dir: str) -> int:
    return int(np.load(Path(data_dir) / "train.offsets.npy")[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("run")
    ap.add_argument("--data-dir", help="the dataset the run trained on (default: the run's own --data-dir)")
    ap.add_argument("--out", default=str(HERE / "reports"))
    a = ap.parse_args(argv)
    run, out = Path(a.run), Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    s = summarise(run, a.data_dir)
    from model import ModelConfig, SidemanLM
    s["parameters"] = SidemanLM(ModelConfig.from_dict(s["model_config"])).num_parameters()
    (out / "training.json").write_text(json.dumps(s, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for name in ("history.jsonl", "loss.png", "train.log"):
        if (run / name).exists():
            shutil.copyfile(run / name, out / name)
    print(f"training_report: {s['steps_done']} steps, {s['tokens_seen']:,} tokens, {s['wall_minutes']} min, "
          f"{s['tokens_per_second']} tok/s, final train {s['final_train_loss']}, valid {s['final_valid_loss']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
