#!/usr/bin/python3
"""Build the Sideman training dataset from ../shared/corpus and the style library.

    /usr/bin/python3 models/training/build_dataset.py            # everything
    /usr/bin/python3 models/training/build_dataset.py --limit 20 --out /tmp/ds   # a quick sample

Shows progress; caches parsed files and extracted pieces under models/training/.cache/ so a
re-run only redoes what changed; deterministic (same corpus + code -> identical files).
Output format: see sideman_data/build.py and models/training/DATASET.md.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from sideman_data import build  # noqa: E402
from sideman_data.corpus import CACHE_DIR  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=os.path.join(CACHE_DIR, "dataset"), help="output folder")
    ap.add_argument("--sources", default=",".join(build.SOURCES),
                    help=f"comma-separated subset of {','.join(build.SOURCES)}")
    ap.add_argument("--limit", type=int, help="at most this many files per source (for quick runs)")
    ap.add_argument("--renders-per-song", type=int, default=build.DEFAULT_RENDERS_PER_SONG,
                    help="style renders per Billboard song")
    ap.add_argument("--no-cache", action="store_true", help="re-extract everything")
    ap.add_argument("--no-grammar-check", action="store_true", help="skip checking every example")
    ap.add_argument("--report", action="store_true",
                    help="also copy stats.json to models/training/reports/dataset_stats.json (committed)")
    args = ap.parse_args()
    sources = [s for s in args.sources.split(",") if s]
    unknown = set(sources) - set(build.SOURCES)
    if unknown:
        ap.error(f"unknown sources: {', '.join(sorted(unknown))}")
    stats = build.build(args.out, sources, args.limit, args.renders_per_song, cache=not args.no_cache,
                        check_grammar=not args.no_grammar_check)
    if args.report:
        import json
        os.makedirs(os.path.join(HERE, "reports"), exist_ok=True)
        with open(os.path.join(HERE, "reports", "dataset_stats.json"), "w", encoding="utf-8") as f:
            json.dump(stats, f, indent=1, sort_keys=True, ensure_ascii=False)
    share = stats["project_authored_share"]
    print(f"{stats['total_tokens']} tokens; project-authored share {share['tokens']:.1%} of tokens, "
          f"{share['examples']:.1%} of examples; {stats['skipped_files']} files skipped "
          f"(see {os.path.join(args.out, 'skipped.tsv')})")


if __name__ == "__main__":
    main()
