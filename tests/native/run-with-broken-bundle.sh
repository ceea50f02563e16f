#!/usr/bin/env bash
# Runs a test against a damaged copy of the bundle, with a fresh private log folder.
# Usage: run-with-broken-bundle.sh TEST_BINARY BUNDLE WORKDIR MODE
#   MODE no-runtime:   Contents/x86_64-linux/dotnet is missing (the managed plugin and its .NET runtime)
#   MODE no-hostfxr:   that folder is there but libhostfxr.so is not
#   MODE no-model:     the band's model file is missing (the instrument must still play)
#   MODE bad-model:    the band's model file is garbage
set -euo pipefail
binary="$1"; bundle="$2"; work="$3"; mode="$4"
[[ -d "$bundle/Contents" ]] || { echo "no bundle at $bundle: run installer/build-bundle.sh first" >&2; exit 1; }
rm -rf "$work"
mkdir -p "$work/cache" "$work/Sideman.vst3/Contents"
mkdir -p "$work/Sideman.vst3/Contents/x86_64-linux"
cp "$bundle/Contents/x86_64-linux/Sideman.so" "$work/Sideman.vst3/Contents/x86_64-linux/"
cp -r "$bundle/Contents/Resources" "$work/Sideman.vst3/Contents/"
case "$mode" in
  no-runtime) expect=".NET folder is missing" ;;
  no-hostfxr)
    cp -r "$bundle/Contents/x86_64-linux/dotnet" "$work/Sideman.vst3/Contents/x86_64-linux/"
    rm "$work/Sideman.vst3/Contents/x86_64-linux/dotnet/libhostfxr.so"
    expect="libhostfxr.so is missing" ;;
  no-model|bad-model)
    cp -r "$bundle/Contents/x86_64-linux/dotnet" "$work/Sideman.vst3/Contents/x86_64-linux/"
    model="$(ls "$work"/Sideman.vst3/Contents/Resources/models/sideman-*.onnx)"
    if [[ "$mode" == no-model ]]; then rm "$model"; expect="reinstall"; else head -c 4096 /dev/urandom > "$model"; expect="$(basename "$model")"; fi
    SIDEMAN_BUNDLE="$work/Sideman.vst3" XDG_CACHE_HOME="$work/cache" SIDEMAN_EXPECT_IN_LOG="$expect" \
      exec "$binary" band_without_its_model_still_plays_the_player ;;
  *) echo "unknown mode $mode" >&2; exit 2 ;;
esac
SIDEMAN_BUNDLE="$work/Sideman.vst3" XDG_CACHE_HOME="$work/cache" SIDEMAN_EXPECT_IN_LOG="$expect" \
  exec "$binary" broken_bundle_fails_politely
