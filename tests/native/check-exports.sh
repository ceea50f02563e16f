#!/usr/bin/env bash
# Fails unless MODULE's dynamic symbol table defines exactly the given symbols (the VST3 entry
# points): any other export lets a host's libraries interpose on the module's own code.
# Usage: check-exports.sh MODULE SYMBOL...
set -uo pipefail
module="$1"; shift
command -v nm >/dev/null || { echo "SKIPPED: nm (binutils) is missing"; exit 77; }
mapfile -t defined < <(nm -D --defined-only "$module" | awk '{print $3}' | sort)
expected="$(printf '%s\n' "$@" | sort)"
actual="$(printf '%s\n' "${defined[@]}")"
if [ "$actual" = "$expected" ]; then
  echo "ok: $module exports exactly: $(tr '\n' ' ' <<<"$expected")"
  exit 0
fi
echo "FAIL: $module exports $(wc -l <<<"$actual") symbols; expected only: $(tr '\n' ' ' <<<"$expected")"
comm -13 <(echo "$expected") <(echo "$actual") | head -n 20 | c++filt | sed 's/^/   extra: /'
comm -23 <(echo "$expected") <(echo "$actual") | sed 's/^/   missing: /'
exit 1
