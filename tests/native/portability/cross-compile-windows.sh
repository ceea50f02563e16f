#!/usr/bin/env bash
# Portability check: builds the VST3 bridge for Windows x64 with mingw-w64 (compile AND link a
# DLL), compiles the Windows ABI static checks, and reads the DLL's export table. Then a
# syntax-only pass of the macOS platform file (the POSIX calls it uses exist on Linux too;
# Apple's SDK is not here, so this is a compile check of our code, not of Apple's headers).
#
# Usage: cross-compile-windows.sh REPO_ROOT HOSTFXR_INCLUDE_DIR OUT_DIR
# Exit 0 = pass, 1 = fail, 77 = skipped (no mingw-w64 compiler: apt-get install g++-mingw-w64-x86-64,
# which installer/deps.sh installs with the test packages).
set -uo pipefail

repo="$1"
hostfxr_include="$2"
out="$3"
cxx="$(command -v x86_64-w64-mingw32-g++-posix || command -v x86_64-w64-mingw32-g++ || true)"
objdump="$(command -v x86_64-w64-mingw32-objdump || true)"
if [ -z "$cxx" ]; then
  echo "SKIPPED: no mingw-w64 C++ compiler (x86_64-w64-mingw32-g++). Install g++-mingw-w64-x86-64 (installer/deps.sh does)."
  exit 77
fi
mkdir -p "$out"
flags=(-std=c++17 -Wall -Wextra -Werror -Wno-unused-parameter -DSIDEMAN_VERSION="\"0.0.0\""
       -I"$repo/native/include" -I"$repo/native/src")
fail=0

echo "== Windows x64: native/CMakeLists.txt with $("$cxx" --version | head -n 1)"
# The project's own CMake, cross-configured: the Windows platform file, link libraries and the
# .vst3 suffix are what a Windows build really uses. Only the module is built here (the test host
# and the native tests are built and run under Wine by tests/windows/native-under-wine.sh).
if cmake -S "$repo/native" -B "$out/build" -DCMAKE_TOOLCHAIN_FILE="$repo/native/cmake/mingw-w64.cmake" \
     -DCMAKE_BUILD_TYPE=Release -DSIDEMAN_BUILD_TESTS=OFF -DSIDEMAN_HOSTFXR_INCLUDE="$hostfxr_include" >"$out/configure.log" 2>&1 \
   && cmake --build "$out/build" --target sideman_module -j 2 >"$out/build.log" 2>&1; then
  dll="$out/build/Sideman.vst3"
  echo "ok: built $dll ($(stat -c %s "$dll") bytes)"
else
  echo "FAIL: the bridge does not build for Windows:"
  tail -n 30 "$out/configure.log" "$out/build.log" 2>/dev/null | sed 's/^/    /'
  fail=1
  dll=""
fi
if "$cxx" "${flags[@]}" -fsyntax-only "$repo/tests/native/portability/windows_abi_check.cpp"; then
  echo "ok: Windows ABI static checks (COM byte order, HRESULTs, sizes, __stdcall)"
else
  echo "FAIL: the Windows ABI static checks"
  fail=1
fi
if [ -n "$dll" ] && [ -n "$objdump" ]; then
  table="$("$objdump" -p "$dll")"
  exports="$(sed -n '/\[Ordinal\/Name Pointer\] Table/,/^$/p' <<<"$table")"
  for symbol in GetPluginFactory InitDll ExitDll SidemanLiveObjectCount; do
    if grep -qw "$symbol" <<<"$exports"; then echo "ok: exports $symbol"; else echo "FAIL: $symbol is not exported"; fail=1; fi
  done
  for symbol in ModuleEntry bundleEntry; do
    if grep -qw "$symbol" <<<"$exports"; then echo "FAIL: exports $symbol (not a Windows entry point)"; fail=1; fi
  done
  imports="$(grep 'DLL Name' <<<"$table" | sed 's/.*DLL Name: //' | tr '\n' ' ')"
  echo "   imports: $imports"
  if grep -qiE 'libstdc\+\+|libgcc|libwinpthread' <<<"$imports"; then
    echo "FAIL: the DLL depends on a MinGW runtime DLL a user would not have"; fail=1
  fi
elif [ -n "$dll" ]; then
  echo "note: no x86_64-w64-mingw32-objdump: exports not checked"
fi

echo "== macOS platform file, syntax only (POSIX subset available here)"
if g++ -std=c++17 -Wall -Wextra -Werror -Wno-unused-parameter -fsyntax-only -I"$repo/native/src" \
     "$repo/native/src/platform_macos.cpp"; then
  echo "ok: native/src/platform_macos.cpp"
else
  echo "FAIL: native/src/platform_macos.cpp"
  fail=1
fi

# macOS has no editor window yet: the view there supports no platform type (editor_window_none.cpp).
if g++ -std=c++17 -Wall -Wextra -Werror -Wno-unused-parameter -fsyntax-only -I"$repo/native/src" -I"$repo/native/include" \
     "$repo/native/src/editor_window_none.cpp"; then
  echo "ok: native/src/editor_window_none.cpp"
else
  echo "FAIL: native/src/editor_window_none.cpp"
  fail=1
fi

[ "$fail" = 0 ] && echo "PASS: the bridge builds for Windows x64" || echo "FAILED"
exit "$fail"
