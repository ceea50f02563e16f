#!/usr/bin/env bash
# Runs the bash command line $1 in a private mount namespace, so that the mounts it makes to hide programs from a
# test vanish with it and the machine never sees them: as root with unshare -m, otherwise as root mapped in a user
# namespace (unshare -r). Used by run-without-system-dotnet.sh and run-without-wine-or-nsis.sh.
set -euo pipefail
if [[ $(id -u) -eq 0 ]]; then
  exec unshare -m --propagation private bash -c "$1"
else
  exec unshare -r -m --propagation private bash -c "$1"
fi
