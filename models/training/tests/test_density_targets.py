"""density_targets.py: figures per style, part and energy level from the train split's meta, the all-styles figure
where a style has too few bars, every row rising, and the shipped file matching what the script writes."""
import json
from pathlib import Path

import density_targets as dt

REPO = Path(__file__).resolve().parents[3]


def meta(style, part, energy, notes):
    return json.dumps({"style": style, "part": part, "energy": energy, "notes_per_bar": notes})


def test_a_style_with_enough_bars_keeps_its_own_figures_and_others_take_the_parts():
    lines = [meta("pop", "bass", [lv] * dt.MIN_BARS, [lv + 1] * dt.MIN_BARS) for lv in range(dt.LEVELS)]
    lines.append(meta("hymn", "bass", [0] * 3, [9, 9, 9]))  # too few bars of its own
    lines.append(meta("pop", "melody", [0], [5]))  # not a band part
    table, fallback, own = dt.targets(dt.tally(lines), ["pop", "hymn"])
    assert table["pop"]["bass"] == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert own["pop"]["bass"] == 5 and own["hymn"]["bass"] == 0
    assert table["hymn"]["bass"] == fallback["bass"]
    assert "melody" not in fallback


def test_every_row_rises_by_at_least_the_step():
    assert dt.rising([4.0, 3.0, 10.0, 10.0, 9.0]) == [4.0, 4.8, 10.0, 12.0, 14.4]


def test_the_shipped_file_is_what_the_script_writes_for_the_vocabulary():
    version = (REPO / "VERSION").read_text().strip()
    doc = json.loads((REPO / "models" / f"sideman-{version}.density.json").read_text())
    assert doc["format"] == dt.FORMAT and doc["levels"] == dt.LEVELS
    assert doc["vocab_sha256"] == dt.vocab_digest(REPO / "models" / "vocab.json")
    vocab = json.loads((REPO / "models" / "vocab.json").read_text())
    styles = sorted(t["name"][6:] for t in vocab["tokens"] if t["name"].startswith("STYLE_"))
    assert sorted(doc["styles"]) == styles
    for style, parts in doc["styles"].items():
        assert sorted(parts) == sorted(dt.PARTS)
        for part, row in parts.items():
            assert all(b > a for a, b in zip(row, row[1:])), (style, part, row)
