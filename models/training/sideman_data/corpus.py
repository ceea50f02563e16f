"""Where the corpus is, what manifest.tsv says about each file, and a parse cache.

The corpus root is ../shared/corpus relative to the repository (override with the
SIDEMAN_CORPUS environment variable). Parsed files are pickled under
models/training/.cache/parsed/ (SIDEMAN_CACHE moves the whole cache), keyed by the file's SHA-256 from manifest.tsv and the
reader's version, so a changed file or reader is re-parsed and nothing else is.
"""

import csv
import hashlib
import os
import pickle

HERE = os.path.dirname(os.path.abspath(__file__))
TRAINING_DIR = os.path.dirname(HERE)
REPO_ROOT = os.path.normpath(os.path.join(TRAINING_DIR, "..", ".."))
CACHE_DIR = os.environ.get("SIDEMAN_CACHE") or os.path.join(TRAINING_DIR, ".cache")


def _default_corpus():
    env = os.environ.get("SIDEMAN_CORPUS")
    if env:
        return os.path.abspath(env)
    # The worktree sits beside shared/: <work>/<worktree>/ and <work>/shared/corpus.
    for candidate in (os.path.join(REPO_ROOT, "..", "shared", "corpus"),
                      os.path.join(REPO_ROOT, "shared", "corpus")):
        if os.path.isdir(candidate):
            return os.path.normpath(candidate)
    return os.path.normpath(os.path.join(REPO_ROOT, "..", "shared", "corpus"))


CORPUS_ROOT = _default_corpus()

# Bump when a reader's output changes, so cached parses are redone.
READER_VERSIONS = {"musicxml": 1, "midi": 1, "billboard": 1, "romantext": 1}


class Manifest:
    """manifest.tsv: path -> (sha256, source, licence)."""

    def __init__(self, root=CORPUS_ROOT):
        self.root = root
        self.rows = {}
        with open(os.path.join(root, "manifest.tsv"), encoding="utf-8") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                self.rows[r["path"]] = r

    def licence(self, rel):
        return self.rows[rel]["license"]

    def sha256(self, rel):
        return self.rows[rel]["sha256"]

    def paths(self, prefix="", suffix=""):
        return sorted(p for p in self.rows if p.startswith(prefix) and p.endswith(suffix))


_manifest = None


def manifest():
    global _manifest
    if _manifest is None:
        _manifest = Manifest()
    return _manifest


def rel_path(path):
    return os.path.relpath(os.path.abspath(path), CORPUS_ROOT).replace(os.sep, "/")


def _digest(path):
    rel = rel_path(path)
    row = manifest().rows.get(rel)
    if row:
        return row["sha256"]
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def cached(reader_name, reader, path):
    """reader(path), memoised on disk by content hash and reader version."""
    key = f"{reader_name}-v{READER_VERSIONS[reader_name]}-{_digest(path)}"
    cache_path = os.path.join(CACHE_DIR, "parsed", key[:len(reader_name) + 6], key + ".pkl")
    if os.path.exists(cache_path):
        try:
            with open(cache_path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass  # a damaged cache entry is simply redone
    value = reader(path)
    os.makedirs(os.path.dirname(cache_path), exist_ok=True)
    tmp = cache_path + f".{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, cache_path)
    return value


def cached_score(path):
    from .musicxml import read_musicxml
    return cached("musicxml", read_musicxml, path)


def cached_midi(path):
    from .midi import read_midi
    return cached("midi", read_midi, path)
