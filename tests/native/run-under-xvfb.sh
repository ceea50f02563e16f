#!/usr/bin/env bash
# Runs one native test under a private X server (Xvfb), as the editor tests need a display: a DAW's window to
# embed the editor in, and XTEST for real pointer input. A missing Xvfb fails the test (it is a test dependency,
# installer/deps.sh installs it); it is never skipped.
# Usage: run-under-xvfb.sh PROGRAM [ARGS...]
set -uo pipefail
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v Xvfb >/dev/null 2>&1; then
  echo "FAIL: xvfb-run/Xvfb not found: the editor tests need them. Install with installer/deps.sh (apt-get install xvfb)." >&2
  exit 1
fi
# -a: a free display number (tests may run side by side); 24-bit TrueColor, room for a 2x-scaled window.
exec xvfb-run -a -s "-screen 0 2560x1600x24 -nolisten tcp" "$@"
