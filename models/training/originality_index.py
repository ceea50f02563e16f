"""The originality index (models/ORIGINALITY_INDEX.md, version 1): keys of every pair of
consecutive training bars, per part, and the reader/lookup that evaluate.py and generate.py use.

A key is FNV-1a 64 over `int32 LE part_id || uint64 LE h1 || uint64 LE h2`, where h1, h2 are
the bar fingerprints of sideman_data/fingerprint.py (both non-zero: an empty bar is never a copy).
The file is `SMFP`, uint32 version, 32-byte vocab SHA-256, uint64 N, then N sorted unique uint64.
"""
from __future__ import annotations

import hashlib
import struct
from pathlib import Path

import numpy as np

MAGIC = b"SMFP"
FORMAT_VERSION = 1
HEADER_SIZE = 48
_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)


class IndexFileError(ValueError):
    """A fingerprint file that is missing, damaged or built for another vocabulary."""


def pair_keys(part_ids, h1, h2) -> np.ndarray:
    """Vectorised pair keys: FNV-1a 64 over the 20 little-endian bytes (part, h1, h2) of each row."""
    part_ids = np.asarray(part_ids, dtype="<i4")
    h1 = np.asarray(h1, dtype="<u8")
    h2 = np.asarray(h2, dtype="<u8")
    n = len(h1)
    raw = np.empty((n, 20), dtype=np.uint8)
    raw[:, 0:4] = np.broadcast_to(part_ids, (n,)).astype("<i4").view(np.uint8).reshape(n, 4)
    raw[:, 4:12] = h1.view(np.uint8).reshape(n, 8)
    raw[:, 12:20] = h2.view(np.uint8).reshape(n, 8)
    h = np.full(n, _FNV_OFFSET, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for col in range(20):
            h ^= raw[:, col].astype(np.uint64)
            h *= _FNV_PRIME  # uint64 multiplication wraps modulo 2^64, as FNV wants
    return h


def pair_key(part_id: int, h1: int, h2: int) -> int:
    """One key, in plain Python (the reference the vectorised form is tested against)."""
    data = struct.pack("<iQQ", part_id, h1, h2)
    h = 0xCBF29CE484222325
    for b in data:
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def example_part_ids(tokens: np.ndarray, offsets: np.ndarray, part_token_ids) -> np.ndarray:
    """The PART token id of each example (the first PART token after BOS)."""
    part_set = np.asarray(sorted(part_token_ids), dtype=np.int32)
    out = np.empty(len(offsets) - 1, dtype=np.int32)
    for i in range(len(out)):
        head = np.asarray(tokens[offsets[i]:min(offsets[i] + 8, offsets[i + 1])])
        hit = head[np.isin(head, part_set)]
        if len(hit) == 0:
            raise IndexFileError(f"example {i} has no PART token in its header")
        out[i] = hit[0]
    return out


def split_pairs(barhash: np.ndarray, bar_offsets: np.ndarray, part_ids: np.ndarray,
                link=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(part, h1, h2) of consecutive non-empty bars inside each example; `link[i]` True also pairs
    the last bar of example i-1 with the first bar of example i (the next bars of one piece)."""
    n = len(bar_offsets) - 1
    if len(part_ids) != n:
        raise IndexFileError(f"{len(part_ids)} part ids for {n} examples")
    ex_of_bar = np.repeat(np.arange(n), np.diff(bar_offsets))
    a = barhash[:-1]
    b = barhash[1:]
    same = ex_of_bar[:-1] == ex_of_bar[1:]
    if link is not None:
        boundary = ~same
        nxt = ex_of_bar[1:]
        same = same | (boundary & np.asarray(link, dtype=bool)[nxt]
                       & (part_ids[nxt] == part_ids[ex_of_bar[:-1]]))
    keep = same & (a != 0) & (b != 0)
    return part_ids[ex_of_bar[:-1][keep]], a[keep], b[keep]


def write_index(path: str | Path, keys: np.ndarray, vocab_sha256_hex: str) -> int:
    keys = np.unique(np.asarray(keys, dtype=np.uint64))  # sorted ascending, unique
    digest = bytes.fromhex(vocab_sha256_hex)
    if len(digest) != 32:
        raise ValueError("vocab SHA-256 must be 64 hex characters")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with open(tmp, "wb") as f:
        f.write(MAGIC + struct.pack("<I", FORMAT_VERSION) + digest + struct.pack("<Q", len(keys)))
        f.write(keys.astype("<u8").tobytes())
    tmp.replace(path)
    return len(keys)


class OriginalityIndex:
    """A loaded fingerprint file: sorted keys and a binary-search lookup."""

    def __init__(self, keys: np.ndarray, vocab_sha256: str, path: str = "") -> None:
        self.keys = keys
        self.vocab_sha256 = vocab_sha256
        self.path = path

    def __len__(self) -> int:
        return len(self.keys)

    @staticmethod
    def load(path: str | Path, vocab_sha256_hex: str | None = None) -> "OriginalityIndex":
        p = Path(path)
        try:
            raw = p.read_bytes()
        except OSError as e:
            raise IndexFileError(f"{p}: cannot read the originality index ({e.strerror})") from e
        if len(raw) < HEADER_SIZE:
            raise IndexFileError(f"{p}: {len(raw)} bytes, shorter than the {HEADER_SIZE}-byte header")
        if raw[:4] != MAGIC:
            raise IndexFileError(f"{p}: not a Sideman fingerprint file (magic {raw[:4]!r}, expected {MAGIC!r})")
        (version,) = struct.unpack_from("<I", raw, 4)
        if version != FORMAT_VERSION:
            raise IndexFileError(f"{p}: format version {version}, this reader knows {FORMAT_VERSION}")
        digest = raw[8:40].hex()
        if vocab_sha256_hex is not None and digest != vocab_sha256_hex.lower():
            raise IndexFileError(f"{p}: built for vocab.json {digest[:12]}..., not the loaded {vocab_sha256_hex[:12]}...; "
                                 "rebuild it with build_index.py")
        (n,) = struct.unpack_from("<Q", raw, 40)
        if len(raw) != HEADER_SIZE + 8 * n:
            raise IndexFileError(f"{p}: header says {n} keys ({HEADER_SIZE + 8 * n} bytes) but the file has {len(raw)} bytes")
        keys = np.frombuffer(raw, dtype="<u8", count=n, offset=HEADER_SIZE).astype(np.uint64)
        if n > 1 and not bool(np.all(keys[1:] > keys[:-1])):
            bad = int(np.argmin(keys[1:] > keys[:-1]))
            raise IndexFileError(f"{p}: keys are not strictly ascending at key {bad + 1}")
        return OriginalityIndex(keys, digest, str(p))

    def contains_key(self, key: int) -> bool:
        k = np.uint64(key)
        i = int(np.searchsorted(self.keys, k))
        return i < len(self.keys) and self.keys[i] == k

    def contains_keys(self, keys: np.ndarray) -> np.ndarray:
        keys = np.asarray(keys, dtype=np.uint64)
        i = np.searchsorted(self.keys, keys)
        i = np.minimum(i, max(0, len(self.keys) - 1))
        return (self.keys[i] == keys) if len(self.keys) else np.zeros(len(keys), dtype=bool)

    def is_copy(self, part_id: int, h1: int, h2: int) -> bool:
        """True when the 2-bar span (h1, h2) of this part occurs in the training data."""
        if h1 == 0 or h2 == 0:
            return False
        return self.contains_key(pair_key(part_id, h1, h2))

    def copied_bars(self, part_id: int, hashes) -> list[bool]:
        """For each bar of a sequence: does the 2-bar span ending at it copy training data?"""
        out = [False] * len(hashes)
        for i in range(1, len(hashes)):
            out[i] = self.is_copy(part_id, int(hashes[i - 1]), int(hashes[i]))
        return out


def vocab_digest(vocab_path: str | Path) -> str:
    return hashlib.sha256(Path(vocab_path).read_bytes()).hexdigest()
