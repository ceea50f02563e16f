#!/usr/bin/env bash
# The Windows packages from the combined bundle: the bundle without its Linux half (what a Windows machine
# needs: Contents/x86_64-win and Contents/Resources), as
#   OUT/Sideman-VERSION-win-x64-setup.exe   the NSIS installer (into %COMMONPROGRAMFILES%\VST3, with uninstaller)
#   OUT/Sideman-VERSION-win-x64.zip         Sideman.vst3/ for those who copy it by hand
# Needs makensis (Debian's nsis) and /usr/bin/python3; never Wine.
#
# Usage: installer/windows/package.sh BUNDLE OUT VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fail() { printf 'package.sh: error: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 3 ]] || fail "usage: package.sh BUNDLE OUT VERSION"
# Absolute paths: makensis resolves relative ones from the script's folder.
bundle="$(cd "$1" && pwd)"; out="$(mkdir -p "$2" && cd "$2" && pwd)"; version="$3"
[[ -f "$bundle/Contents/x86_64-win/Sideman.vst3" ]] || fail "$bundle has no Windows half (Contents/x86_64-win/Sideman.vst3)"
[[ -f "$bundle/Contents/Resources/moduleinfo.json" ]] || fail "$bundle has no Contents/Resources/moduleinfo.json"
command -v makensis >/dev/null || fail "makensis not found: apt-get install nsis (installer/deps.sh --for build)"

stage="$out/.windows-package.tmp"
rm -rf "$stage"
mkdir -p "$stage/Sideman.vst3/Contents"
cp -a "$bundle/Contents/x86_64-win" "$bundle/Contents/Resources" "$stage/Sideman.vst3/Contents/"

setup="$out/Sideman-$version-win-x64-setup.exe"
zip="$out/Sideman-$version-win-x64.zip"
rm -f "$setup" "$zip"
makensis -V2 -DVERSION="$version" -DBUNDLE="$stage/Sideman.vst3" -DOUTFILE="$setup" "$here/sideman.nsi" \
  || fail "makensis failed (see above)"
/usr/bin/python3 "$here/make_zip.py" "$stage/Sideman.vst3" "$zip" || fail "writing $zip failed"
rm -rf "$stage"
echo "installer: $setup ($(stat -c %s "$setup") bytes)"
echo "zip:       $zip ($(stat -c %s "$zip") bytes)"
