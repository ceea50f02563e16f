"""training_report.py: the log parser (resumed runs, wall time) and the exact token count replay."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

import training_report

LOG = """*****
[default0]:train: 3,408,640 parameters, config {}
[default0]:train: 100 train examples (1,000 tokens), 5 valid; world 2 x 1 threads, batch 8/process, window 512, 30 steps
[default0]:step     10/30  loss 5.4319  lr 1.00e-04  1,531 tok/s  elapsed 0.7 min  eta 161.3 min
[default0]:step     20/30  loss 4.5458  lr 2.00e-04  1,552 tok/s  elapsed 1.3 min  eta 159.2 min
[default0]:train: stopped at step 23/30; run the same command again to resume
[default0]:train: resumed from runs/x/last.pt at step 23
[default0]:train: 3,408,640 parameters, config {}
[default0]:train: 100 train examples (1,000 tokens), 5 valid; world 2 x 1 threads, batch 8/process, window 512, 30 steps
[default0]:step     30/30  loss 3.1  lr 1.00e-04  1,000 tok/s  elapsed 0.4 min  eta 0.0 min
"""


def test_log_parser_finds_each_run_its_start_and_its_time():
    runs = training_report.parse_log(LOG)
    assert [(r["start_step"], r["last_step"], r["minutes"], r["world"]) for r in runs] == [(0, 20, 1.3, 2), (23, 30, 0.4, 2)]


def test_token_replay_matches_what_train_py_feeds(tmp_path):
    here = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, str(here / "synthetic_data.py"), str(tmp_path), "--vocab-size", "48",
                    "--examples", "40", "--max-len", "40"], check=True, capture_output=True)
    args = {"seed": 5, "window": 16, "batch_size": 4}
    got = training_report.tokens_per_step(str(tmp_path / "dataset"), args, 1, 48, 3)
    from token_dataset import TokenSplit
    split = TokenSplit(tmp_path / "dataset", "train", 48)
    for s in range(3):  # the same draw as train.py, counted the same way as its loss (non-PAD targets)
        pick = np.random.default_rng([5, s]).integers(0, len(split), 4)
        batch = split.batch(pick, 16, 0, np.random.default_rng([5, s, 0, 1]))
        assert got[s] == int((batch[:, 1:] != 0).sum())
