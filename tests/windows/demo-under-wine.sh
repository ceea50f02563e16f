#!/usr/bin/env bash
# The demo through the bundle's Windows half: installer/demo.sh drives the MinGW-built sideman-host.exe under
# Wine (tests/windows/sideman-host-wine.sh), which loads Contents/x86_64-win/Sideman.vst3 and its own .NET and
# ONNX Runtime. compare_demo.py then holds it against the Linux render of the same songs: band MIDI identical,
# audio within its stated tolerance. Also prints the smoke figure "factory -> first processed block" under Wine.
# Usage: demo-under-wine.sh HOST_EXE BUNDLE WORK [LINUX_DEMO]
#   LINUX_DEMO: a Linux render of the demo to compare with (tests/run-all.sh passes its demo stage's);
#               without it the Linux demo is rendered here first.
# Needs WINEPREFIX set (a prepared prefix); exit 0 pass, 1 fail.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
exe="$1"; bundle="$(cd "$2" && pwd)"; work="$3"; linux="${4:-}"
: "${WINEPREFIX:?set WINEPREFIX}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"
if [[ -z "$linux" ]]; then
  linux="$work/linux"
  echo "-- rendering the Linux demo for comparison"
  bash "$repo/installer/demo.sh" "$bundle" "$linux" >"$work/linux-demo.log" 2>&1 \
    || { echo "FAIL: the Linux demo did not render (log: $work/linux-demo.log)"; exit 1; }
fi
echo "-- the demo through the Windows bundle under Wine"
start=$SECONDS
SIDEMAN_HOST_EXE="$exe" SIDEMAN_HOST_TOOL="$here/sideman-host-wine.sh" \
  bash "$repo/installer/demo.sh" "$bundle" "$work/windows" >"$work/windows-demo.log" 2>&1
rc=$?
timeout 60 wineserver -w
if [[ $rc -ne 0 ]]; then
  echo "FAIL: the Windows demo did not render; its log:"; tail -n 20 "$work/windows-demo.log"
  exit 1
fi
echo "rendered in $((SECONDS - start)) s"
/usr/bin/python3 "$here/compare_demo.py" "$linux" "$work/windows" || exit 1

# A smoke figure, not a performance claim: Wine's loader and the first .NET start in a fresh process.
SIDEMAN_HOST_EXE="$exe" "$here/sideman-host-wine.sh" bench --bundle "$bundle" --seconds 1 >"$work/bench.txt" 2>&1
grep -i "first" "$work/bench.txt" | head -n 2 | sed 's/^/under Wine: /'
exit 0
