"""The attribution table: every file that contributed to the dataset, with its licence and credit.

Built from the dataset's files.tsv (one row per contributing file, with the licence manifest.tsv
gives it), the corpus's PROVENANCE.md (repository and commit of each source) and
mutopia/pieces.tsv (composer and LilyPond source of each Mutopia piece). make_model_card.py writes
it to models/ATTRIBUTION.tsv and the model card names it.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

# Who to credit, per corpus folder (the citations PROVENANCE.md asks for).
CREDITS = {
    "groove_midi_dataset": "Groove MIDI Dataset: Gillick, Roberts, Engel, Eck & Bamman, 'Learning to Groove with "
                           "Inverse Sequence Transformations', ICML 2019 (Magenta)",
    "mcgill_billboard": "McGill Billboard chord annotations: Burgoyne, Wild & Fujinaga, 'An Expert Ground-Truth Set "
                        "for Audio Chord Recognition and Music Analysis', ISMIR 2011",
    "openscore_lieder": "OpenScore Lieder Corpus (OpenScore, CC0)",
    "when_in_rome": "When in Rome: Gotham, Micchi, Nápoles López & Sailor, 'When in Rome: a meta-corpus of "
                    "functional harmony', TISMIR 2023 (analyses by Mark Gotham and contributors)",
    "oldtime_abc_rjl20": "old-time tune transcriptions by rjl20 (abc-tunebook), rendered with abcmidi",
    "mutopia": "The Mutopia Project; typeset by the piece's Mutopia maintainer (see its LilyPond source)",
    "models": "Sideman project style library (project-authored, CC0)",
}
COLUMNS = ("file", "licence", "source", "title", "composer", "credit", "link", "splits", "parts", "examples", "tokens")


def read_tsv(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def provenance_repos(provenance_md: str | Path) -> dict[str, tuple[str, str]]:
    """corpus folder -> (owner/repo, commit), from the Sources table of PROVENANCE.md."""
    out = {}
    row = re.compile(r"^\|\s*`([\w.-]+)/`\s*\|[^|]*?`github:([\w.-]+/[\w.-]+)`\s*@\s*`([0-9a-f]{40})`")
    for line in Path(provenance_md).read_text(encoding="utf-8").splitlines():
        m = row.search(line)
        if m:
            out[m.group(1)] = (m.group(2), m.group(3))
    return out


def _composer_from_path(path: str, marker: str) -> str:
    parts = path.split("/")
    if marker in parts:
        i = parts.index(marker)
        if i + 1 < len(parts):
            return parts[i + 1].replace("_", " ").replace(",", ", ").replace(",  ", ", ")
    return ""


def attribution_rows(files_tsv: str | Path, corpus_root: str | Path) -> list[dict]:
    corpus_root = Path(corpus_root)
    repos = provenance_repos(corpus_root / "PROVENANCE.md")
    pieces = {r["midi"]: r for r in read_tsv(corpus_root / "mutopia" / "pieces.tsv")}
    out = []
    for r in read_tsv(files_tsv):
        f = r["file"]
        folder = f.split("/", 1)[0]
        composer, link = "", ""
        title = r["title"]
        if folder == "mutopia":
            p = pieces.get(f.split("/", 1)[1], {})
            composer = p.get("composer", "")
            title = title or p.get("title", "")
            if p.get("source_ly") and "mutopia" in repos:
                repo, commit = repos["mutopia"]
                link = f"https://github.com/{repo}/blob/{commit}/{p['source_ly']}"
        elif folder in ("openscore_lieder", "when_in_rome"):
            composer = _composer_from_path(f, "scores") or _composer_from_path(f, "OpenScore-LiederCorpus")
        elif folder == "groove_midi_dataset":
            composer = next((s for s in f.split("/") if s.startswith("drummer")), "")
        out.append({"file": f, "licence": r["licence"], "source": r["source"], "title": title,
                    "composer": composer, "credit": CREDITS.get(folder, ""), "link": link,
                    "splits": r["splits"], "parts": r["parts"], "examples": r["examples"], "tokens": r["tokens"]})
    return out


def write_attribution(rows: list[dict], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            f.write("\t".join(str(r[c]).replace("\t", " ").replace("\n", " ") for c in COLUMNS) + "\n")
