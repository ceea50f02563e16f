"""Energy is the model's density control. The committed reports of the release must show it
working: the data the model learned from rises with energy (dataset_stats.json, written by the
dataset build), and so does what the shipped model writes when every bar is forced to one level
(eval.json's energy sweep, written by evaluate.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from music_metrics import density_rises

REPORTS = Path(__file__).resolve().parents[1] / "reports"
PARTS = ("drums", "bass", "keys", "pad", "arp")
# Levels with fewer bars than this are too thin to judge a data trend (the human pad data).
MIN_BARS = 200


def load(name: str) -> dict:
    path = REPORTS / name
    if not path.exists():
        pytest.skip(f"{name} not committed yet")
    return json.loads(path.read_text(encoding="utf-8"))


def rising_levels(means: list, bars: list) -> list:
    """The (level, mean) pairs with enough bars to judge a trend on."""
    return [(e, m) for e, (m, n) in enumerate(zip(means, bars)) if n >= MIN_BARS and m is not None]


@pytest.mark.parametrize("origin", ["human", "authored"])
def test_training_data_density_rises_with_energy(origin):
    table = load("dataset_stats.json").get("density_by_energy")
    assert table, "dataset_stats.json has no density_by_energy table (rebuild the dataset with --report)"
    for part, row in table[origin].items():
        levels = rising_levels(row["events_per_bar"], row["bars"])
        if len(levels) < 2:
            continue
        means = [m for _, m in levels]
        assert all(b > a for a, b in zip(means, means[1:])), f"{origin} {part}: {levels}"


def test_shipped_model_follows_the_energy_control():
    sweep = load("eval.json")["energy_sweep"]
    assert set(PARTS) <= set(sweep)
    for part in PARTS:
        s = sweep[part]
        assert s["prompts"] >= 16, f"{part}: too few prompts to judge ({s['prompts']})"
        means = [s["density"][str(e)]["mean"] for e in range(5)]
        assert all(b > a for a, b in zip(means, means[1:])), f"{part}: EN0..EN4 = {means}"
        assert s["rises"] is True


def test_trend_check_tells_a_dip():
    dens = {str(e): {"mean": m, "bars": 50} for e, m in enumerate([2.0, 3.0, 4.0, 5.0, 4.9])}
    assert density_rises(dens) is False
    dens["4"]["mean"] = 5.5
    assert density_rises(dens) is True
    assert rising_levels([1.0, None, 3.0], [500, 0, 100]) == [(0, 1.0)]
