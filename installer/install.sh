#!/usr/bin/env bash
# Builds Sideman.vst3, installs it for the current user, and optionally renders a demo through it.
#
# Usage: installer/install.sh [--demo] [--dest DIR] [--no-build] [--no-deps] [--demo-out DIR]
#   --demo           after installing, render the demo through the installed bundle: the live band
#                    following chords-only MIDI in three songs (installer/demo.sh)
#   --dest DIR       install into DIR instead of ~/.vst3 (the bundle becomes DIR/Sideman.vst3)
#   --no-build       install the bundle an earlier build left in build/Sideman.vst3
#   --no-deps        skip the dependency check (installer/deps.sh --for build)
#   --demo-out DIR   where the demo songs go (default: out/demo)
#
# An older install is replaced in one atomic step: a host that scans meanwhile sees the old
# bundle or the new one, never a half-copied one.

set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
DEST="$HOME/.vst3"
DEMO=0
BUILD=1
DEPS=1
DEMO_OUT="$REPO/out/demo"
BUILT="$REPO/build/Sideman.vst3"

while [ $# -gt 0 ]; do
  case "$1" in
    --demo) DEMO=1; shift ;;
    --dest) DEST="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    --no-deps) DEPS=0; shift ;;
    --demo-out) DEMO_OUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "install.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'install.sh: error: %s\n' "$*" >&2; exit 1; }
T0=$SECONDS

if [ "$DEPS" = 1 ]; then
  step "Checking build dependencies"
  "$HERE/deps.sh" --for build || fail "dependencies are missing (see above)"
fi

if [ "$BUILD" = 1 ]; then
  step "Building the bundle (installer/build-bundle.sh)"
  [ -x "$HERE/build-bundle.sh" ] || fail "installer/build-bundle.sh is missing: this checkout has no bundle build yet"
  "$HERE/build-bundle.sh" || fail "the bundle build failed (see above)"
fi

[ -f "$BUILT/Contents/x86_64-linux/Sideman.so" ] || fail "no built bundle at $BUILT (run without --no-build)"
[ -f "$BUILT/Contents/Resources/moduleinfo.json" ] || fail "$BUILT has no moduleinfo.json: the build did not finish"

step "Installing into $DEST"
mkdir -p "$DEST" || fail "cannot create $DEST"
DEST="$(cd "$DEST" && pwd)"
TARGET="$DEST/Sideman.vst3"
# Copy beside the target first (same file system), then swap it in atomically.
INCOMING="$DEST/.Sideman.incoming.$$"
rm -rf "$INCOMING"
trap 'rm -rf "$INCOMING" "$INCOMING.old"' EXIT
cp -a "$BUILT" "$INCOMING" || fail "cannot copy the bundle into $DEST (disk full? permissions?)"
had_old=0; [ -e "$TARGET" ] && had_old=1
/usr/bin/python3 "$HERE/swap_dirs.py" "$INCOMING" "$TARGET" || fail "cannot put the bundle in place at $TARGET"
rm -rf "$INCOMING" "$INCOMING.old"
[ -f "$TARGET/Contents/x86_64-linux/Sideman.so" ] || fail "the installed bundle at $TARGET is incomplete"
if [ "$had_old" = 1 ]; then echo "replaced the earlier install"; fi
echo "installed: $TARGET ($(du -sh "$TARGET" | cut -f1))"
echo "hosts find it on their next plugin scan (in Ardour: Window > Plugin Manager > Re-scan)"

if [ "$DEMO" = 1 ]; then
  step "Rendering the demo: chords-only MIDI into the installed bundle, the band generated live inside it"
  "$HERE/demo.sh" "$TARGET" "$DEMO_OUT" || fail "the demo failed (see above)"
fi

step "Done in $((SECONDS - T0)) s"
