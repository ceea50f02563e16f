#!/usr/bin/env bash
# The Windows half of the bundle, tested here under Wine (tests/run-all.sh's `windows` stage):
#   native     sideman-host.exe, sideman-moduleinfo.exe and the native test suite, cross-built with MinGW-w64,
#              load Contents/x86_64-win/Sideman.vst3 as a Windows DAW does (native-under-wine.sh)
#   demo       the demo rendered through the Windows half, compared with the Linux render (demo-under-wine.sh)
#   installer  the NSIS installer and its uninstaller, silent (installer-under-wine.sh)
# Usage: run-windows-tests.sh BUNDLE WORK [LINUX_DEMO]
# Exit 0 when every part passed; 1 when one failed; 77 when a tool is missing (named), which the caller
# must count as a failure where the tools are meant to be installed.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
bundle="$(cd "$1" && pwd)"; work="$2"; linux_demo="${3:-}"
mkdir -p "$work"; work="$(cd "$work" && pwd)"

missing=()
command -v wine >/dev/null || missing+=("wine (apt-get install wine)")
command -v wineserver >/dev/null || missing+=("wineserver (apt-get install wine)")
[[ -x /usr/lib/wine/wine64 ]] || missing+=("64-bit Wine (apt-get install wine64)")
command -v x86_64-w64-mingw32-g++-posix >/dev/null || missing+=("x86_64-w64-mingw32-g++-posix (apt-get install g++-mingw-w64-x86-64-posix)")
/usr/bin/python3 -c 'import mido, numpy' 2>/dev/null || missing+=("python3-mido, python3-numpy")
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "cannot test the Windows bundle; missing (installer/deps.sh --for all installs them):"
  printf '  %s\n' "${missing[@]}"
  exit 77
fi
version="$(cat "$repo/VERSION")"
setup="$repo/build/Sideman-$version-win-x64-setup.exe"
[[ -f "$bundle/Contents/x86_64-win/Sideman.vst3" ]] || { echo "FAIL: $bundle has no Windows half (build without --linux-only)"; exit 1; }

# One prefix for the native suite and the demo (native-under-wine.sh makes it); the installer test makes its own
# clean one on purpose.
export WINEDEBUG=-all WINEPREFIX="$work/prefix"

declare -A result
part() {
  local name="$1"; shift
  local t=$SECONDS
  printf '\n--- windows: %s\n' "$name"
  "$@"; local rc=$?
  result[$name]="$([[ $rc -eq 0 ]] && echo PASS || echo FAIL) in $((SECONDS - t)) s"
}
part native bash "$here/native-under-wine.sh" "$bundle" "$work/native"
part demo bash "$here/demo-under-wine.sh" "$work/native/host/sideman-host.exe" "$bundle" "$work/demo" "$linux_demo"
part installer bash "$here/installer-under-wine.sh" "$setup" "$bundle" "$work/installer"

printf '\n--- windows summary\n'
failed=0
for name in native demo installer; do
  echo "  $name: ${result[$name]}"
  [[ "${result[$name]}" == PASS* ]] || failed=1
done
exit $failed
