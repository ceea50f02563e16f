#!/usr/bin/env bash
# Fetches ONNX Runtime's native library (libonnxruntime.so.1) from the npm package pinned in
# onnxruntime.lock, checks its SHA-256 and places it in build/native-deps/ (or the folder given
# as $1). The .NET build copies it from there next to our assemblies. Never commit the .so.
#
# Usage: installer/fetch-onnxruntime.sh [dest-dir]
# Needs: npm (Debian package `npm`), tar, sha256sum.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
# shellcheck source=/dev/null
source <(grep -E '^ORT_[A-Z0-9_]+=' "$here/onnxruntime.lock")
dest="${1:-$repo/build/native-deps}"
lib="libonnxruntime.so.1"
member="package/bin/napi-v6/linux/x64/$lib"

sha_of() { sha256sum "$1" | cut -d' ' -f1; }

if [[ -f "$dest/$lib" && "$(sha_of "$dest/$lib")" == "$ORT_LIB_SHA256" ]]; then
  echo "fetch-onnxruntime: $dest/$lib is already ONNX Runtime $ORT_VERSION (checksum ok)"
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "fetch-onnxruntime: npm is not installed. Install it (apt-get install -y npm, or run installer/deps.sh) and build again." >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-onnxruntime: npm pack $ORT_NPM_PACKAGE@$ORT_VERSION (about 100 MB, cached by npm after the first time)..."
if ! (cd "$work" && npm pack --silent "$ORT_NPM_PACKAGE@$ORT_VERSION" >pack.log 2>&1); then
  echo "fetch-onnxruntime: 'npm pack $ORT_NPM_PACKAGE@$ORT_VERSION' failed:" >&2
  cat "$work/pack.log" >&2
  echo "Check that the npm registry is reachable (npm ping) and build again." >&2
  exit 3
fi
tgz="$(ls "$work"/*.tgz)"
if ! tar -xzf "$tgz" -C "$work" "$member"; then
  echo "fetch-onnxruntime: $tgz has no $member; the package layout changed. Pin another version in installer/onnxruntime.lock." >&2
  exit 4
fi

got="$(sha_of "$work/$member")"
if [[ "$got" != "$ORT_LIB_SHA256" ]]; then
  cat >&2 <<MSG
fetch-onnxruntime: CHECKSUM MISMATCH for $lib from $ORT_NPM_PACKAGE@$ORT_VERSION
  expected $ORT_LIB_SHA256
  got      $got
The downloaded library is not the one Sideman was tested with; it was NOT installed.
If you changed ORT_VERSION on purpose, run the parity tests with the new library and then record
the new checksum in installer/onnxruntime.lock. Otherwise clear the npm cache (npm cache clean --force)
and try again; if it persists, the registry is serving different bytes: do not use them.
MSG
  exit 5
fi

mkdir -p "$dest"
# Write beside the target and rename, so a concurrent build never sees half a file.
cp "$work/$member" "$dest/.$lib.tmp.$$"
chmod 0755 "$dest/.$lib.tmp.$$"
mv -f "$dest/.$lib.tmp.$$" "$dest/$lib"
echo "$ORT_VERSION" > "$dest/onnxruntime.version"
echo "fetch-onnxruntime: installed ONNX Runtime $ORT_VERSION to $dest/$lib (sha256 ok)"
