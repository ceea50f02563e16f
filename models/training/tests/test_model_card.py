"""The model card's counts are computed, never typed: the committed card agrees with the committed
dataset stats and attribution list, and a card built from a small fixture repeats its numbers."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import make_model_card
from attribution import provenance_repos

MODELS = Path(__file__).resolve().parents[2]
TRAINING = MODELS / "training"


def table_after(md: str, heading: str) -> list[dict]:
    """The first markdown table after `heading`, as dicts keyed by its header cells."""
    lines = md.splitlines()
    i = next(k for k, line in enumerate(lines) if line.strip() == heading)
    while not lines[i].startswith("|"):
        i += 1
    head = [c.strip() for c in lines[i].strip("|").split("|")]
    rows = []
    for line in lines[i + 2:]:
        if not line.startswith("|"):
            break
        rows.append(dict(zip(head, (c.strip() for c in line.strip().strip("|").split("|")))))
    return rows


def n(cell: str) -> int:
    return int(cell.replace(",", ""))


def check_card_against(md: str, stats: dict, files: list[dict]) -> None:
    for row in table_after(md, "## Training data"):
        sp = stats["splits"][row["split"]]
        assert (n(row["examples"]), n(row["tokens"]), n(row["bars"])) == (sp["examples"], sp["tokens"], sp["bars"])
    src_rows = table_after(md, "### By source")
    assert len(src_rows) == len(stats["by"]["source"])
    for row in src_rows:
        src = row["folder"].strip("`")
        c = stats["by"]["source"][src]
        assert (n(row["examples"]), n(row["tokens"]), n(row["bars"])) == (c["examples"], c["tokens"], c["bars"])
        assert n(row["pieces"]) == stats["pieces_by_source"][src]
        assert n(row["files"]) == sum(1 for f in files if f["source"] == src)
    for row in table_after(md, "### By licence"):
        if row["examples"] != "–":
            c = stats["by"]["licence"][row["licence"]]
            assert (n(row["examples"]), n(row["tokens"])) == (c["examples"], c["tokens"])
        assert n(row["files"]) == sum(1 for f in files if f["licence"] == row["licence"])
    for row in table_after(md, "### By part"):
        c = stats["by"]["part"][row["part"]]
        assert (n(row["examples"]), n(row["tokens"]), n(row["train examples"])) == \
            (c["examples"], c["tokens"], c["examples_train"])
    share = stats["project_authored_share"]
    assert f"**{100 * share['tokens']:.1f}% of tokens and {100 * share['examples']:.1f}% of examples**" in md
    assert f"Every one of the {len(files):,} files is named in `models/ATTRIBUTION.tsv`" in md


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.mark.skipif(not (MODELS / "MODEL_CARD.md").exists(), reason="no committed model card yet")
def test_committed_card_equals_the_committed_dataset_stats():
    md = (MODELS / "MODEL_CARD.md").read_text(encoding="utf-8")
    stats = json.loads((TRAINING / "reports" / "dataset_stats.json").read_text(encoding="utf-8"))
    attribution = read_tsv(MODELS / "ATTRIBUTION.tsv")
    assert all(len(r) == 11 and r["licence"] for r in attribution)
    check_card_against(md, stats, attribution)
    vocab_sha = stats["vocab_sha256"]
    assert vocab_sha in md
    import hashlib
    assert hashlib.sha256((MODELS / "vocab.json").read_bytes()).hexdigest() == vocab_sha


def fixture(tmp: Path) -> tuple[Path, Path]:
    data, corpus = tmp / "ds", tmp / "corpus"
    (corpus / "mutopia").mkdir(parents=True)
    data.mkdir()
    (corpus / "PROVENANCE.md").write_text(
        "| folder | repository @ commit |\n|---|---|\n"
        "| `mutopia/` | `github:MutopiaProject/MutopiaProject` @ `" + "a" * 40 + "` (LilyPond) |\n")
    (corpus / "mutopia" / "pieces.tsv").write_text(
        "midi\tsource_ly\tlicense_as_written\tlicense_spdx\tstyle\tinstrument\tcomposer\tlilypond_version_declared\ttitle\n"
        "midi/ftp/X/a.mid\tftp/X/a.ly\tCC BY-SA\tCC-BY-SA-4.0\t\tPiano\tComposerX\t2.18\tSonatina\n")
    files = ("file\tlicence\tsource\ttitle\tsplits\tparts\texamples\ttokens\n"
             "mutopia/midi/ftp/X/a.mid\tCC-BY-SA-4.0\tmutopia\tSonatina\ttrain\tkeys\t3\t300\n"
             "groove_midi_dataset/groove/drummer1/s/1.mid\tCC-BY-4.0\tgroove_midi_dataset\td1\ttest\tdrums\t2\t150\n"
             "models/training/styles/pop.yaml\tCC0-1.0 (project-authored)\tproject_styles\t\ttrain\tbass\t5\t900\n")
    (data / "files.tsv").write_text(files)
    by = lambda ex, tok, bars, tr: {"examples": ex, "tokens": tok, "bars": bars, "examples_train": tr}  # noqa: E731
    stats = {"vocab_sha256": "f" * 64, "total_tokens": 1350, "skipped_files": 1, "skipped_by_source": {"mutopia": 1},
             "splits": {"train": {"examples": 8, "tokens": 1200, "bars": 40}, "valid": {"examples": 0, "tokens": 0, "bars": 0},
                        "test": {"examples": 2, "tokens": 150, "bars": 6}},
             "pieces_by_source": {"mutopia": 1, "groove_midi_dataset": 1, "project_styles": 4},
             "files_used_by_source": {"mutopia": 1, "groove_midi_dataset": 1, "project_styles": 1},
             "project_authored_share": {"tokens": 0.6667, "examples": 0.5},
             "by": {"source": {"groove_midi_dataset": by(2, 150, 6, 0), "mutopia": by(3, 300, 12, 3),
                               "project_styles": by(5, 900, 28, 5)},
                    "licence": {"CC-BY-4.0": {"examples": 2, "tokens": 150}, "CC-BY-SA-4.0": {"examples": 3, "tokens": 300},
                                "CC0-1.0": {"examples": 5, "tokens": 900}},
                    "part": {"bass": by(5, 900, 28, 5), "drums": by(2, 150, 6, 0), "keys": by(3, 300, 12, 3)},
                    "project_authored": {"false": by(5, 450, 18, 3), "true": by(5, 900, 28, 5)}}}
    (data / "stats.json").write_text(json.dumps(stats))
    return data, corpus


def test_card_built_from_a_fixture_repeats_its_numbers(tmp_path):
    data, corpus = fixture(tmp_path)
    reports = tmp_path / "reports"
    reports.mkdir()
    md, attr = make_model_card.build_card(data, reports, tmp_path / "none.onnx", tmp_path / "none.fp", corpus)
    stats = json.loads((data / "stats.json").read_text())
    files = read_tsv(data / "files.tsv")
    check_card_against(md, stats, files)
    assert "CC BY-SA 4.0" in md and "Gillick" in md
    mut = next(r for r in attr if r["file"].startswith("mutopia/"))
    assert mut["composer"] == "ComposerX" and mut["link"].endswith("/" + "a" * 40 + "/ftp/X/a.ly")
    assert "| Sonatina | ComposerX | CC-BY-SA-4.0 |" in md  # CC pieces are credited in the card itself
    # Change one count and the check fails: the test can tell.
    stats["by"]["source"]["mutopia"]["tokens"] += 1
    with pytest.raises(AssertionError):
        check_card_against(md, stats, files)


def test_provenance_table_gives_repositories_and_commits():
    corpus = MODELS.parent.parent / "shared" / "corpus"
    if not (corpus / "PROVENANCE.md").exists():
        pytest.skip("corpus not present")
    repos = provenance_repos(corpus / "PROVENANCE.md")
    assert repos["mutopia"][0] == "MutopiaProject/MutopiaProject" and len(repos["mutopia"][1]) == 40
    assert {"groove_midi_dataset", "mcgill_billboard", "openscore_lieder", "when_in_rome", "oldtime_abc_rjl20"} <= set(repos)


def _style(name, family, backbeat, kicks, plain, plain_bars, slash, slash_bars, rises):
    part = lambda notes, ct, ook: {"notes": notes, "chord_tones": ct, "out_of_key": ook, "density_rises": rises}
    return {"style": name, "family": family,
            "drums_4_4": {"generated": {"bars": 10, "backbeat": backbeat, "kicks_per_bar": kicks, "hats_per_bar": 8.0}},
            "bass_beat_1": {"plain": plain, "plain_bars": plain_bars, "slash": slash, "slash_bars": slash_bars,
                            "worst_seed": {"seed": 2, "rate": min(plain, slash)}},
            "parts": {"drums": {"density_rises": rises}, "bass": part(100, 0.9, 0.01), "keys": part(300, 0.8, 0.015),
                      "pad": part(0, None, None), "arp": part(50, 1.0, 0.0)}}


def test_the_style_section_pools_the_styles_by_their_bars_and_names_every_failing_bound():
    se = {"suite": {"songs": 4, "bars": 32, "seeds": [1, 2]},
          "human": {"backbeat_styles": {"backbeat": 0.6, "kicks_per_bar": 3.8, "hats_per_bar": 6.7}},
          "styles": [_style("pop", "backbeat", 0.7, 3.0, 1.0, 30, 0.5, 10, True),
                     _style("funk", "backbeat", 0.5, 5.0, 0.8, 10, 1.0, 10, False)],
          "accents": {"6/8": {"kicks_on_beat": [9, 1, 2, 8, 1, 2]}},
          "bounds": {"checked": 3, "failed": 1, "results": [
              {"holds": True, "text": "ok"}, {"holds": False, "text": "kicks per 4/4 bar in funk: 5.00"},
              {"holds": True, "text": "ok too"}]},
          "guards": {"musical_attempts": 8, "bars": 64, "musical_checks": 50, "musical_resamples": 7,
                     "musical_violations_kept": 2, "beat_one_repairs": 1, "copies_rejected": 3}}
    md = "\n".join(make_model_card.style_section(se))
    assert "**Bounds (issue 11): 2 of 3 hold.**" in md
    assert "- fails: kicks per 4/4 bar in funk: 5.00" in md
    assert "| backbeat, 4/4 bars of the backbeat styles | 60.0% | 60.0% |" in md      # (0.7 + 0.5) / 2 by bars
    assert "| kicks per 4/4 bar, backbeat styles | 4.00 | 3.80 |" in md
    assert "| bass on the root on beat 1, plain chords | 95.0% | – |" in md           # (30 + 8) / 40
    assert "| bass on the written bass on beat 1, slash chords | 75.0% | – |" in md
    assert "| worst style and seed, bass on beat 1 | pop seed 2: 50.0% | – |" in md
    assert "| pad:" not in md                                                          # no pad notes: no row
    assert "| density rising with energy (style × part ladders) | 5 of 10 | – |" in md
    assert "| 6/8 kicks on eighths 1..6 | 9 1 2 8 1 2 | – |" in md
    assert "drew 7 of 50 pitched samples again and kept 2 of 64 bars" in md
