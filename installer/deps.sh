#!/usr/bin/env bash
# Installs every system package Sideman's build and tests need on Debian 12, and checks the rest.
# Idempotent: what is already installed is skipped; a second run only verifies.
#
# Usage: installer/deps.sh [--check] [--for build|all]
#   --check       install nothing; report what is missing and exit 1 if anything is
#   --for build   only what building and installing the bundle needs (install.sh uses this)
#   --for all     also everything the tests need (the default; tests/run-all.sh uses this)
#
# Needs root or sudo for apt-get. The .NET 10 SDK is not a Debian package: it is checked, and
# if it is missing the script says how to get it.

set -uo pipefail

# Debian package -> why we need it. Keep in step with README.md.
BUILD_PACKAGES=(
  "g++:the native VST3 bridge and the native test host"
  "cmake:builds native/ and runs the ctest suite (ctest)"
  "make:cmake's default generator"
  "pkg-config:cmake's library lookups"
  "git:version stamps; .ci/run clones"
  "python3:installer helpers, training, tests (always /usr/bin/python3)"
  "fluid-soundfont-gm:FluidR3_GM, the source of the bundled sounds"
  "coreutils:timeout, stdbuf"
  "g++-mingw-w64-x86-64:the Windows half of the bundle (the bridge, cross-built with x86_64-w64-mingw32-g++-posix)"
  "nsis:makensis, which builds the Windows installer"
)
TEST_PACKAGES=(
  "ardour:the end-to-end test (ardour7-lua, ardour7-export, ardour-vst3-scanner)"
  "sox:audio inspection"
  "python3-numpy:render analysis, training"
  "python3-torch:training and the tiny test model (PyTorch 1.13)"
  "python3-onnx:ONNX export at opset 14"
  "python3-matplotlib:the training loss plot"
  "python3-pytest:runs the Python tests"
  "python3-yaml:reads the project-authored style library (models/training/styles)"
  "python3-mido:reads the band's MIDI where the Windows and Linux demos are compared (tests/windows)"
  "libopenblas0-openmp:fast BLAS for CPU training"
  "valgrind:memory checks in the native tests"
  "xvfb:the X server the editor tests open the plug-in's window in (xvfb-run; tests/native/run-under-xvfb.sh)"
  "libxtst6:XTEST, with which the editor tests click the editor as a user does"
  "libx11-6:libX11, which the bridge loads at run time to show the editor (a DAW on Linux has it already)"
  "wine64:runs the Windows bundle, host, demo and installer in the tests (tests/windows); never needed to build"
  "wine:the wine and wineserver commands for wine64"
)

CHECK_ONLY=0
PROFILE=all
while [ $# -gt 0 ]; do
  case "$1" in
    --check) CHECK_ONLY=1; shift ;;
    --for) PROFILE="${2:-}"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "deps.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$PROFILE" in
  build) PACKAGES=("${BUILD_PACKAGES[@]}") ;;
  all) PACKAGES=("${BUILD_PACKAGES[@]}" "${TEST_PACKAGES[@]}") ;;
  *) echo "deps.sh: --for takes build or all, not '$PROFILE'" >&2; exit 2 ;;
esac

say() { printf '[deps] %s\n' "$*"; }

if [ ! -r /etc/debian_version ] || ! command -v dpkg-query >/dev/null 2>&1; then
  say "this script knows Debian 12 (bookworm) only. Install these packages with your system's tools:"
  for p in "${PACKAGES[@]}"; do say "  ${p%%:*}  (${p#*:})"; done
  exit 1
fi

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
for p in "${PACKAGES[@]}"; do
  name="${p%%:*}"
  if installed "$name"; then
    say "ok       $name $(dpkg-query -W -f='${Version}' "$name")"
  else
    say "missing  $name  (${p#*:})"
    missing+=("$name")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$CHECK_ONLY" = 1 ]; then
    say "missing: ${missing[*]} (run installer/deps.sh without --check to install them)"
  else
    if [ "$(id -u)" = 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
      say "need root to install: ${missing[*]}. Run as root, or: apt-get install ${missing[*]}"
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt_opts=(-q -y -o Dpkg::Use-Pty=0 -o DPkg::Lock::Timeout=600)
    say "installing ${#missing[@]} package(s): ${missing[*]}"
    say "apt-get update ..."
    "${SUDO[@]}" apt-get "${apt_opts[@]}" update || { say "apt-get update failed (network? apt sources?)"; exit 1; }
    say "apt-get install ... (python3-torch and ardour are large: this takes a few minutes)"
    if ! "${SUDO[@]}" apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"; then
      say "apt-get install failed for: ${missing[*]}"
      exit 1
    fi
    say "installed: ${missing[*]}"
  fi
fi

# Verify what the build and tests actually call, whatever installed it.
problems=0
check() { if eval "$2" >/dev/null 2>&1; then say "works    $1"; else say "BROKEN   $1: $3"; problems=$((problems + 1)); fi; }
check "cmake, ctest, g++" "command -v cmake && command -v ctest && command -v g++" "apt-get install cmake g++"
check "/usr/bin/python3" "/usr/bin/python3 -c 'import ctypes'" "apt-get install python3"
check "FluidR3_GM.sf2" "test -s /usr/share/sounds/sf2/FluidR3_GM.sf2" "apt-get install fluid-soundfont-gm"
check "x86_64-w64-mingw32-g++-posix" "command -v x86_64-w64-mingw32-g++-posix" "apt-get install g++-mingw-w64-x86-64-posix"
check "makensis" "command -v makensis" "apt-get install nsis"
if [ "$PROFILE" = all ]; then
  check "ardour7-lua, ardour7-export" "command -v ardour7-lua && command -v ardour7-export" "reinstall Debian's ardour"
  check "ardour-vst3-scanner" "test -x /usr/lib/ardour7/ardour-vst3-scanner" "reinstall Debian's ardour (7.x)"
  check "sox" "command -v sox" "apt-get install sox"
  check "wine, wineserver (64-bit)" "command -v wine && command -v wineserver && test -x /usr/lib/wine/wine64" "apt-get install wine64 wine"
  check "/usr/bin/python3: numpy, torch, onnx, matplotlib, pytest, yaml, mido" \
    "/usr/bin/python3 -c 'import numpy, torch, onnx, matplotlib, pytest, yaml, mido'" \
    "apt-get install python3-numpy python3-torch python3-onnx python3-matplotlib python3-pytest python3-yaml python3-mido"
fi

if command -v dotnet >/dev/null 2>&1 && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  say "works    .NET SDK $(dotnet --list-sdks | grep '^10\.' | tail -n 1)"
else
  say "BROKEN   .NET 10 SDK not found (dotnet --list-sdks shows no 10.x)."
  say "         It is not a Debian package. Install Microsoft's 'dotnet-sdk-10.0' package (Microsoft's"
  say "         '.NET on Debian' guide adds their apt source), or run Microsoft's dotnet-install.sh with"
  say "         --channel 10.0 and put its folder on PATH; then run this script again."
  problems=$((problems + 1))
fi

if [ "$problems" -gt 0 ] || { [ "$CHECK_ONLY" = 1 ] && [ ${#missing[@]} -gt 0 ]; }; then
  say "NOT READY: $problems problem(s) above"
  exit 1
fi
say "all dependencies present"
