#!/usr/bin/env bash
# Runs a test against a copy of the bundle that lacks Contents/Resources (the managed plugin
# and the runtime), with a fresh private log folder. Usage: run-with-broken-bundle.sh TEST_BINARY BUNDLE WORKDIR
set -euo pipefail
binary="$1"; bundle="$2"; work="$3"
rm -rf "$work"
mkdir -p "$work/cache"
mkdir -p "$work/Sideman.vst3/Contents"
cp -r "$bundle/Contents/x86_64-linux" "$work/Sideman.vst3/Contents/"
SIDEMAN_BUNDLE="$work/Sideman.vst3" XDG_CACHE_HOME="$work/cache" exec "$binary" broken_bundle_fails_politely
