#!/usr/bin/python3
"""Write models/vocab.json from sideman_data/vocab_spec.py (run after changing the spec).

    /usr/bin/python3 models/training/make_vocab.py [--check]

--check exits 1 if the committed vocab.json differs from what the spec produces.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sideman_data import vocab_spec  # noqa: E402

VOCAB_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "vocab.json")


def render():
    """Pretty JSON, but one line per token so diffs of the vocabulary stay readable."""
    vocab = vocab_spec.build()
    tokens = vocab.pop("tokens")
    head = json.dumps(vocab, indent=1, ensure_ascii=False)
    lines = ",\n  ".join(json.dumps(t, ensure_ascii=False) for t in tokens)
    return head[:-2] + ',\n "tokens": [\n  ' + lines + "\n ]\n}\n"


def main():
    text = render()
    path = os.path.normpath(VOCAB_PATH)
    if "--check" in sys.argv:
        with open(path, encoding="utf-8") as f:
            same = f.read() == text
        print(f"{path}: {'up to date' if same else 'OUT OF DATE: run make_vocab.py'}")
        sys.exit(0 if same else 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    v = json.loads(text)
    print(f"wrote {path}: {v['size']} tokens in {len(v['kinds'])} kinds")
    for k, r in v["kinds"].items():
        print(f"  {k:8s} {r['count']:4d}")


if __name__ == "__main__":
    main()
