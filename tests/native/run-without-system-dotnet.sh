#!/usr/bin/env bash
# Runs a test with every system-wide .NET location hidden (tmpfs mounted over it in a private
# mount namespace), DOTNET_ROOT unset and no dotnet on PATH, so only the bundle's own runtime
# can load. Usage: run-without-system-dotnet.sh TEST_BINARY CASE
set -euo pipefail
binary="$1"; case_name="$2"
hide=""
for dir in /usr/share/dotnet /usr/lib/dotnet /etc/dotnet /usr/local/share/dotnet /opt/dotnet "$HOME/.dotnet"; do
  [[ -d "$dir" ]] && hide+="mount -t tmpfs none '$dir' && "
done
clean_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
inner="${hide} ! command -v dotnet >/dev/null && exec env -u DOTNET_ROOT -u DOTNET_ROOT_X64 PATH='$clean_path' '$binary' '$case_name'"
exec bash "$(dirname "${BASH_SOURCE[0]}")/in-private-mount-namespace.sh" "$inner"
