"""Trains Sideman's accompaniment model.

Single process (the default, uses --threads CPU threads):
    /usr/bin/python3 models/training/train.py --out models/training/runs/main

Several processes with DistributedDataParallel (gloo on CPU, nccl when CUDA is present):
    torchrun --standalone --nproc_per_node=2 models/training/train.py --out models/training/runs/main

It is seeded and reproducible: the examples of step s are drawn from a generator seeded by
(seed, s), dropout by (seed, s, rank), so a resumed run continues exactly as an uninterrupted one.
Re-running with the same --out resumes from <out>/last.pt (use --fresh to start over). --max-minutes
stops cleanly with a checkpoint so a long training can be spread over several runs.
Writes <out>/last.pt, <out>/best.pt (lowest validation loss), <out>/history.jsonl and <out>/loss.png.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F

sys.path.insert(0, str(Path(__file__).resolve().parent))
from model import ModelConfig, SidemanLM  # noqa: E402
from token_dataset import TokenSplit  # noqa: E402
from vocab_info import load_vocab  # noqa: E402

HERE = Path(__file__).resolve().parent
# Names the validation subset evaluate() uses; history entries carry it so losses of another subset
# (older checkpoints measured the first examples only) are never compared or plotted with these.
VALID_SET = "spread-v1"
# Model sizes measured with the C# runtime (see docs/BENCHMARKS.md); "base" is the shipped one.
PRESETS = {
    "tiny": dict(n_layers=2, d_model=32, n_heads=2, d_ff=64, max_positions=128),
    "small": dict(n_layers=4, d_model=128, n_heads=4, d_ff=512, max_positions=512),
    "base": dict(n_layers=4, d_model=256, n_heads=4, d_ff=1024, max_positions=512),
}


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vocab", default=str(HERE.parent / "vocab.json"))
    ap.add_argument("--data-dir", default=str(HERE / ".cache" / "dataset"))
    ap.add_argument("--out", default=str(HERE / "runs" / "main"))
    ap.add_argument("--preset", choices=sorted(PRESETS), default="base")
    ap.add_argument("--layers", type=int)
    ap.add_argument("--d-model", type=int)
    ap.add_argument("--heads", type=int)
    ap.add_argument("--d-ff", type=int)
    ap.add_argument("--max-positions", type=int)
    ap.add_argument("--dropout", type=float, default=0.1)
    ap.add_argument("--window", type=int, default=512, help="training sequence length (tokens)")
    ap.add_argument("--batch-size", type=int, default=16, help="sequences per step per process")
    ap.add_argument("--steps", type=int, default=1500)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--min-lr", type=float, default=1e-4)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--weight-decay", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--eval-every", type=int, default=200)
    ap.add_argument("--eval-batches", type=int, default=8)
    ap.add_argument("--log-every", type=int, default=10)
    ap.add_argument("--max-minutes", type=float, default=85.0,
                    help="stop with a checkpoint after this long; run again to resume (0 = no limit)")
    ap.add_argument("--threads", type=int, default=0, help="torch CPU threads per process (0 = cores / processes)")
    ap.add_argument("--fresh", action="store_true", help="ignore an existing checkpoint in --out")
    ap.add_argument("--stop-at-step", type=int, default=0, help="stop (with a checkpoint) at this step, as an interruption would")
    ap.add_argument("--quiet", action="store_true")
    return ap.parse_args(argv)


class Dist:
    """World info; a world of one when not launched by torchrun."""

    def __init__(self) -> None:
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.device = torch.device("cpu")
        if self.world > 1:
            if torch.cuda.is_available():
                local = int(os.environ.get("LOCAL_RANK", "0"))
                torch.cuda.set_device(local)
                self.device = torch.device("cuda", local)
                dist.init_process_group("nccl")
            else:
                dist.init_process_group("gloo")

    @property
    def main(self) -> bool:
        return self.rank == 0

    def all_sum(self, values) -> list:
        t = torch.tensor(values, dtype=torch.float64, device=self.device)
        if self.world > 1:
            dist.all_reduce(t)
        return t.tolist()

    def close(self) -> None:
        if self.world > 1:
            # Without a barrier, one rank can tear gloo down while the other is still inside its
            # last collective, and that rank then never exits (seen about 1 run in 8).
            dist.barrier()
            dist.destroy_process_group()


def model_config(a: argparse.Namespace, vocab_size: int, pad_id: int) -> ModelConfig:
    p = dict(PRESETS[a.preset])
    for key, arg in (("n_layers", a.layers), ("d_model", a.d_model), ("n_heads", a.heads),
                     ("d_ff", a.d_ff), ("max_positions", a.max_positions)):
        if arg is not None:
            p[key] = arg
    if a.window > p["max_positions"]:
        p["max_positions"] = a.window
    return ModelConfig(vocab_size=vocab_size, dropout=a.dropout, pad_id=pad_id, **p)


def lr_at(step: int, a: argparse.Namespace) -> float:
    warmup = max(1, min(a.warmup, a.steps // 10))
    if step < warmup:
        return a.lr * (step + 1) / warmup
    frac = min(1.0, (step - warmup) / max(1, a.steps - warmup))
    return a.min_lr + 0.5 * (a.lr - a.min_lr) * (1.0 + math.cos(math.pi * frac))


def lm_loss(model, batch: torch.Tensor, pad_id: int):
    logits = model(batch[:, :-1])
    targets = batch[:, 1:]
    loss_sum = F.cross_entropy(logits.reshape(-1, logits.shape[-1]), targets.reshape(-1),
                               ignore_index=pad_id, reduction="sum")
    return loss_sum, int((targets != pad_id).sum())


@torch.no_grad()
def evaluate(model, split: TokenSplit, a, pad_id: int, d: Dist) -> float:
    model.eval()
    rng = np.random.default_rng([a.seed, 999_999])
    n = len(split)
    # Evenly spaced over the split: the data pipeline writes examples source by source, so the first
    # N examples would all be one source (Groove drums) and the loss would not be the split's.
    k = min(n, a.eval_batches * a.batch_size * d.world)
    idx = np.unique(np.linspace(0, n - 1, k).round().astype(np.int64)) if n else np.arange(0)
    mine = idx[d.rank::d.world]
    loss, count = 0.0, 0
    if n == 0:
        return float("nan")  # no validation split: best.pt falls back to the last checkpoint
    for start in range(0, len(mine), a.batch_size):
        batch = split.batch(mine[start:start + a.batch_size], a.window, pad_id, rng).to(d.device)
        s, c = lm_loss(model, batch, pad_id)
        loss += float(s)
        count += c
    model.train()
    total, tokens = d.all_sum([loss, count])
    return total / max(1.0, tokens)


def save_checkpoint(path: Path, payload: dict) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(payload, tmp)
    os.replace(tmp, path)


def plot_history(out: Path, history: list) -> None:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tr = [(h["step"], h["train_loss"]) for h in history if "train_loss" in h]
    va = [(h["step"], h["valid_loss"]) for h in history if "valid_loss" in h and h.get("valid_set") == VALID_SET]
    fig, ax = plt.subplots(figsize=(7, 4))
    if tr:
        ax.plot(*zip(*tr), label="train", linewidth=1)
    if va:
        ax.plot(*zip(*va), label="valid", marker="o")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (nats / token)")
    ax.set_title("Sideman model training")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(out / "loss.png", dpi=100)
    plt.close(fig)


def main(argv=None) -> int:
    a = parse_args(argv)
    d = Dist()
    threads = a.threads or max(1, (os.cpu_count() or 1) // d.world)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    log = (lambda *m: print(*m, flush=True)) if d.main and not a.quiet else (lambda *m: None)

    vocab = load_vocab(a.vocab)
    train = TokenSplit(a.data_dir, "train", vocab.size)
    valid = TokenSplit(a.data_dir, "valid", vocab.size)
    if len(train) == 0:
        raise SystemExit(f"{a.data_dir}: the train split has no examples")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    ckpt_path = out / "last.pt"
    ckpt = None
    if ckpt_path.exists() and not a.fresh:
        ckpt = torch.load(ckpt_path, map_location="cpu")
        if ckpt["vocab_sha256"] != vocab.sha256:
            raise SystemExit(f"{ckpt_path} was trained with another vocab.json; use --fresh or another --out")
        cfg = ModelConfig.from_dict(ckpt["config"])
    else:
        cfg = model_config(a, vocab.size, vocab.pad_id)

    torch.manual_seed(a.seed)  # same initial weights on every rank
    model = SidemanLM(cfg).to(d.device)
    opt = torch.optim.AdamW(model.parameters(), lr=a.lr, betas=(0.9, 0.95), weight_decay=a.weight_decay)
    step, history, best = 0, [], float("inf")
    if ckpt is not None:
        model.load_state_dict(ckpt["model"])
        opt.load_state_dict(ckpt["optimizer"])
        step, history, best = ckpt["step"], ckpt["history"], ckpt["best_valid"]
        if any("valid_loss" in h and h.get("valid_set") != VALID_SET for h in history):
            # Losses of an older validation subset are not comparable: best.pt restarts from this subset.
            same = [h["valid_loss"] for h in history if h.get("valid_set") == VALID_SET]
            best = min(same) if same else float("inf")
        log(f"train: resumed from {ckpt_path} at step {step}")
    ddp = torch.nn.parallel.DistributedDataParallel(model) if d.world > 1 else model

    log(f"train: {model.num_parameters():,} parameters, config {cfg.to_json()}")
    log(f"train: {len(train)} train examples ({train.n_tokens:,} tokens), {len(valid)} valid; "
        f"world {d.world} x {threads} threads, batch {a.batch_size}/process, window {a.window}, {a.steps} steps")

    def checkpoint(path: Path) -> None:
        if d.main:
            save_checkpoint(path, dict(config=json.loads(cfg.to_json()), model=model.state_dict(),
                                       optimizer=opt.state_dict(), step=step, history=history,
                                       best_valid=best, vocab_sha256=vocab.sha256, vocab_version=vocab.version,
                                       args=vars(a)))

    t0 = time.time()
    t_log, tokens_since = time.time(), 0
    start_step = step
    stopped_early = False
    while step < a.steps:
        for g in opt.param_groups:
            g["lr"] = lr_at(step, a)
        # The batch of step s depends only on (seed, s): resuming replays the same data order.
        pick = np.random.default_rng([a.seed, step]).integers(0, len(train), a.batch_size * d.world)
        crop = np.random.default_rng([a.seed, step, d.rank, 1])
        batch = train.batch(pick[d.rank::d.world], a.window, vocab.pad_id, crop).to(d.device)
        torch.manual_seed(a.seed * 1_000_003 + step * 1_009 + d.rank)
        loss_sum, count = lm_loss(ddp, batch, vocab.pad_id)
        # Mean over this process's real tokens; DDP averages the gradients across processes.
        loss = loss_sum / max(1, count)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        step += 1
        tokens_since += count

        if step % a.log_every == 0 or step == a.steps:
            tl, tc = d.all_sum([float(loss_sum), count])
            rate = d.all_sum([tokens_since])[0] / max(1e-9, time.time() - t_log)
            history.append(dict(step=step, train_loss=tl / max(1.0, tc), lr=lr_at(step - 1, a)))
            elapsed = time.time() - t0
            eta = elapsed / (step - start_step) * (a.steps - step)
            log(f"step {step:6d}/{a.steps}  loss {tl / max(1.0, tc):.4f}  lr {lr_at(step - 1, a):.2e}  "
                f"{rate:,.0f} tok/s  elapsed {elapsed / 60:.1f} min  eta {eta / 60:.1f} min")
            t_log, tokens_since = time.time(), 0
        if step % a.eval_every == 0 or step == a.steps:
            vl = evaluate(ddp, valid, a, vocab.pad_id, d)
            history.append(dict(step=step, valid_loss=vl, valid_set=VALID_SET))
            log(f"step {step:6d}  valid loss {vl:.4f}" + ("  (best)" if vl < best else ""))
            if vl < best:
                best = vl
                checkpoint(out / "best.pt")
            checkpoint(ckpt_path)
            if d.main:
                plot_history(out, history)
        if a.stop_at_step and step >= a.stop_at_step and step < a.steps:
            stopped_early = True
            break
        if a.max_minutes > 0:
            over = d.all_sum([1.0 if time.time() - t0 > a.max_minutes * 60 else 0.0])[0] > 0
            if over and step < a.steps:
                stopped_early = True
                break

    checkpoint(ckpt_path)
    if best == float("inf"):
        checkpoint(out / "best.pt")
    if d.main:
        with open(out / "history.jsonl", "w", encoding="utf-8") as f:
            for h in history:
                f.write(json.dumps(h) + "\n")
        plot_history(out, history)
    if stopped_early:
        log(f"train: stopped at step {step}/{a.steps}; "
            f"run the same command again to resume from {ckpt_path}")
    else:
        log(f"train: done, {step} steps in {(time.time() - t0) / 60:.1f} min; best valid loss {best:.4f}; "
            f"checkpoints in {out}")
    d.close()
    return 0


if __name__ == "__main__":
    code = main()
    if int(os.environ.get("WORLD_SIZE", "1")) > 1:
        # Debian's torch 1.13 with gloo sometimes hangs in interpreter teardown after a clean
        # destroy_process_group (a native thread never joins): everything is saved, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)
