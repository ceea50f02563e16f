#!/usr/bin/env bash
# The Windows installer, run silently under Wine as a user's machine would run it:
#   1. installs the bundle into %COMMONPROGRAMFILES%\VST3\Sideman.vst3 (C:\Program Files\Common Files\VST3),
#      exactly the Windows half and the shared resources of the built bundle, and records an uninstaller;
#   2. run again over an install that has a file a newer version no longer ships, it replaces the
#      bundle (the stale file is gone, the rest identical);
#   3. the uninstaller removes the bundle, its own folder and its registry record.
# Usage: installer-under-wine.sh SETUP_EXE BUNDLE WORKDIR
# Exit 0 pass, 1 fail, 77 when Wine is missing (the caller counts that as a failure in CI).
set -uo pipefail
setup="$1"; bundle="$2"; work="$3"
if ! command -v wine >/dev/null || ! command -v wineserver >/dev/null; then
  echo "SKIPPED: wine is not installed (apt-get install wine64 wine; installer/deps.sh --for all installs it)"
  exit 77
fi
[[ -f "$setup" ]] || { echo "FAIL: no installer at $setup (installer/build-bundle.sh builds it)"; exit 1; }
export WINEPREFIX="$work/prefix" WINEDEBUG=-all
rm -rf "$work"; mkdir -p "$work"
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }
win() { timeout 300 wine "$@" >>"$work/wine.log" 2>&1; local rc=$?; timeout 120 wineserver -w; return $rc; }

start=$SECONDS
WINEDLLOVERRIDES="mscoree,mshtml=" wineboot -i >>"$work/wine.log" 2>&1; wineserver -w
echo "wine prefix ready in $((SECONDS - start)) s"
target="$WINEPREFIX/drive_c/Program Files/Common Files/VST3/Sideman.vst3"
uninstaller="$WINEPREFIX/drive_c/Program Files/Sideman/Uninstall Sideman.exe"
key='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Sideman'

# same_as_bundle: the installed folder holds the Windows half and Resources, byte for byte, and nothing else.
same_as_bundle() {
  local expect; expect="$(mktemp -d)"
  mkdir -p "$expect/Contents"
  cp -a "$bundle/Contents/x86_64-win" "$bundle/Contents/Resources" "$expect/Contents/"
  diff -r -q "$expect" "$target" >"$work/diff.txt" 2>&1; local rc=$?
  rm -rf "$expect"
  return $rc
}

start=$SECONDS
win "$setup" /S || bad "the installer exited with an error"
echo "silent install took $((SECONDS - start)) s"
if [[ -f "$target/Contents/x86_64-win/Sideman.vst3" ]] && same_as_bundle; then
  ok "installed into C:\\Program Files\\Common Files\\VST3\\Sideman.vst3, identical to the bundle's Windows half"
else
  bad "the installed bundle differs from the built one:"; head -n 20 "$work/diff.txt"
fi
[[ -e "$target/Contents/x86_64-linux" ]] && bad "the Windows install carries the Linux half"
[[ -f "$uninstaller" ]] && ok "uninstaller recorded" || bad "no uninstaller at $uninstaller"
version="$(wine reg query "$key" /v DisplayVersion 2>/dev/null | tr -d '\r' | awk '/DisplayVersion/ {print $NF}')"
[[ "$version" == "$(cat "$(dirname "$0")/../../VERSION")" ]] && ok "Apps & features lists version $version" \
  || bad "the uninstall record's DisplayVersion is '$version'"

# An older install with a file this version does not ship: replaced, not merged.
echo stale >"$target/Contents/Resources/models/sideman-0.0.1.onnx"
win "$setup" /S || bad "the second install exited with an error"
if [[ ! -e "$target/Contents/Resources/models/sideman-0.0.1.onnx" ]] && same_as_bundle; then
  ok "installing again replaces the older bundle (its stale file is gone)"
else
  bad "installing over an older version left it behind or changed the bundle"; head -n 20 "$work/diff.txt"
fi

# The uninstaller copies itself to %TEMP% and returns; wineserver -w waits for that copy to finish.
win "$uninstaller" /S || bad "the uninstaller exited with an error"
[[ -e "$target" ]] && bad "the uninstaller left $target" || ok "uninstalled: the bundle is gone"
[[ -e "$(dirname "$uninstaller")" ]] && bad "the uninstaller left its folder" || ok "uninstalled: its folder is gone"
wine reg query "$key" >/dev/null 2>&1 && bad "the uninstall record is still in the registry" || ok "uninstalled: the record is gone"
[[ -d "$WINEPREFIX/drive_c/Program Files/Common Files/VST3" ]] && ok "the shared VST3 folder itself stays (other plugins live there)"

[[ $fail -eq 0 ]] && echo "PASS: installer under Wine" || echo "FAILED: installer under Wine (log: $work/wine.log)"
exit $fail
