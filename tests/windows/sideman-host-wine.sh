#!/usr/bin/env bash
# sideman-host.exe under Wine, called like the Linux sideman-host: every absolute Unix path argument is
# passed as the Windows path Wine maps it to (Z:\...), so installer/demo.sh can drive either tool.
# Usage: SIDEMAN_HOST_EXE=path/to/sideman-host.exe sideman-host-wine.sh ARGS...
set -uo pipefail
exe="${SIDEMAN_HOST_EXE:?set SIDEMAN_HOST_EXE to the MinGW-built sideman-host.exe}"
args=()
for a in "$@"; do
  if [[ "$a" == /* ]]; then args+=("Z:${a//\//\\}"); else args+=("$a"); fi
done
exec wine "$exe" "${args[@]}"
