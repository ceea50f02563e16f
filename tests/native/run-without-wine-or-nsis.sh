#!/usr/bin/env bash
# Runs a test with Wine and NSIS hidden (issue 13: the combined bundle must still load on Linux without them).
# In a private mount namespace every wine*/makensis program on the system is covered by an empty,
# non-executable file and their library and data folders by an empty tmpfs, so nothing of either can run
# or be loaded; the script checks that before it starts the test. Also checks that the bundle under test
# is the combined one (it has its Windows half), so the test proves what it claims.
# Usage: run-without-wine-or-nsis.sh TEST_BINARY CASE   (SIDEMAN_BUNDLE names the bundle)
set -euo pipefail
binary="$1"; case_name="$2"
bundle="${SIDEMAN_BUNDLE:?SIDEMAN_BUNDLE must name the bundle under test}"
if [[ ! -f "$bundle/Contents/x86_64-win/Sideman.vst3" ]]; then
  echo "FAIL: $bundle has no Windows half (Contents/x86_64-win/Sideman.vst3); this test is about the combined bundle" >&2
  exit 1
fi
empty="$(mktemp)"; chmod 000 "$empty"
trap 'rm -f "$empty"' EXIT
hide=""
for dir in /usr/bin /usr/local/bin /usr/lib/wine /usr/lib64/wine /usr/lib/x86_64-linux-gnu/wine /usr/lib/i386-linux-gnu/wine; do
  [[ -d "$dir" ]] || continue
  for program in "$dir"/wine* "$dir"/makensis; do
    [[ -f "$program" && ! -d "$program" ]] && hide+="mount --bind '$empty' '$program' && "
  done
done
for dir in /usr/lib/wine /usr/lib64/wine /usr/lib/x86_64-linux-gnu/wine /usr/lib/i386-linux-gnu/wine \
           /usr/share/wine /usr/share/nsis /opt/wine-stable; do
  [[ -d "$dir" ]] && hide+="mount -t tmpfs none '$dir' && "
done
check='for p in wine wine64 wineserver makensis; do if command -v "$p" >/dev/null && [[ -x "$(command -v "$p")" ]]; then echo "FAIL: $p is still runnable" >&2; exit 1; fi; done; '
check+='for d in /usr/lib/wine /usr/lib/x86_64-linux-gnu/wine /usr/share/nsis; do if [[ -d "$d" && -n "$(ls -A "$d")" ]]; then echo "FAIL: $d is still visible" >&2; exit 1; fi; done; '
check+='echo "Wine and NSIS hidden; running '"$case_name"'"; '
inner="${hide}${check} exec env -u WINEPREFIX -u WINELOADER '$binary' '$case_name'"
exec bash "$(dirname "${BASH_SOURCE[0]}")/in-private-mount-namespace.sh" "$inner"
