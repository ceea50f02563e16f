#!/usr/bin/python3
"""Runs one native test case under valgrind memcheck and fails on memory errors or definite
leaks whose first non-allocator frame is in OUR code (the bridge module or the test host).

The .NET runtime (libcoreclr, the JIT, JIT-compiled code) reports many false positives under
memcheck: those are outside this check by design, not suppressed one by one.
Usage: valgrind-check.py TEST_BINARY CASE
"""
import os
import re
import subprocess
import sys

OURS = re.compile(r"\((?:in |)[^)]*(Sideman\.so|sideman-native-tests)|\((?:[a-z_]+\.cpp|[a-z_]+\.h):\d+\)")
ALLOCATOR = re.compile(r"vgpreload|vg_replace_malloc|operator new|malloc|calloc|realloc")


def main() -> int:
    binary, case = sys.argv[1], sys.argv[2]
    cmd = ["valgrind", "--leak-check=full", "--errors-for-leak-kinds=definite", "--show-leak-kinds=definite",
           "--num-callers=40", binary, case]
    print("running:", " ".join(cmd), flush=True)
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
    lines = result.stdout.splitlines()
    blocks, current = [], []
    for line in lines:
        body = re.sub(r"^==\d+== ?", "", line)
        if not body.strip():
            if current:
                blocks.append(current)
            current = []
        else:
            current.append(body)
    if current:
        blocks.append(current)

    ours = []
    considered = 0
    for block in blocks:
        head = block[0]
        if not (head.startswith(("Invalid", "Conditional", "Use of uninit", "Syscall param", "Mismatched"))
                or "definitely lost" in head):
            continue
        considered += 1
        frames = [f for f in block[1:] if f.strip().startswith(("at ", "by "))]
        first = next((f for f in frames if not ALLOCATOR.search(f)), "")
        if OURS.search(first) or ("Sideman.so" in first) or ("sideman-native-tests" in first):
            ours.append(block)
    for block in ours:
        print("\n".join(block), "\n")
    summary = next((l for l in lines if "ERROR SUMMARY" in l), "no summary")
    print(f"valgrind: {considered} reports in total ({summary.split('== ')[-1]}), {len(ours)} in Sideman's own code")
    if "ERROR SUMMARY" not in summary:
        print("valgrind did not finish")
        return 1
    return 1 if ours else 0


if __name__ == "__main__":
    sys.exit(main())
