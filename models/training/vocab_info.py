"""What training and export need from models/vocab.json: its size, the special token ids, and a
hash that ties an exported model to the exact vocabulary file it was trained with.

vocab.json's full design belongs to the data pipeline; this reader depends only on:
  - the token list: a top-level "tokens" array (strings, or objects with a "name"/"token" field
    and optionally an "id" field), or a top-level "size"/"vocab_size" integer;
  - the special tokens, named PAD, BOS and EOS (case-insensitive, with or without <> or []), found
    either in the token list or in a top-level "special"/"special_tokens" object of name -> id;
  - an optional top-level "version".
The hash is SHA-256 over the file's bytes, so C# can recompute it without parsing anything.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path
from typing import Dict, Optional


@dataclasses.dataclass(frozen=True)
class VocabInfo:
    path: str
    size: int
    pad_id: int
    bos_id: Optional[int]
    eos_id: Optional[int]
    sha256: str
    version: str


def _norm(name: str) -> str:
    return name.strip().strip("<>[]").upper()


def load_vocab(path: str | Path) -> VocabInfo:
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(f"vocabulary file {p} does not exist (the data pipeline writes models/vocab.json)")
    raw = p.read_bytes()
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ValueError(f"vocabulary file {p} is not valid UTF-8 JSON: {e}") from e
    if not isinstance(doc, dict):
        raise ValueError(f"vocabulary file {p}: expected a JSON object at the top level")

    names: Dict[str, int] = {}
    size: Optional[int] = None
    tokens = doc.get("tokens")
    if isinstance(tokens, list):
        for i, t in enumerate(tokens):
            if isinstance(t, str):
                names.setdefault(_norm(t), i)
            elif isinstance(t, dict):
                name = t.get("name", t.get("token"))
                tid = int(t.get("id", i))
                if isinstance(name, str):
                    names.setdefault(_norm(name), tid)
        ids = [int(t.get("id", i)) if isinstance(t, dict) else i for i, t in enumerate(tokens)]
        size = max(ids) + 1 if ids else 0
    for key in ("size", "vocab_size"):
        if isinstance(doc.get(key), int):
            size = max(size or 0, int(doc[key]))
    for key in ("special", "special_tokens"):
        if isinstance(doc.get(key), dict):
            for n, tid in doc[key].items():
                if isinstance(tid, int):
                    names[_norm(n)] = tid
    if not size:
        raise ValueError(f"vocabulary file {p}: no 'tokens' list or 'size' field, cannot tell the vocabulary size")
    if "PAD" not in names:
        raise ValueError(f"vocabulary file {p}: no PAD token (needed to pad batches and mask the loss)")
    return VocabInfo(
        path=str(p),
        size=size,
        pad_id=names["PAD"],
        bos_id=names.get("BOS"),
        eos_id=names.get("EOS"),
        sha256=hashlib.sha256(raw).hexdigest(),
        version=str(doc.get("version", "")),
    )
