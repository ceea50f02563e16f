#!/usr/bin/env bash
# Builds Sideman.vst3 for Linux and Windows (one bundle, as the VST3 format allows), from a clean clone:
#   1. dotnet publish of src/Sideman.Plugin for each system (self-contained, trimmed, ReadyToRun):
#      linux-x64 -> build/managed/linux-x64, win-x64 -> build/managed/win-x64, each with that system's
#      ONNX Runtime from the Microsoft.ML.OnnxRuntime package (restored against the packages.<rid>.lock.json
#      files, so its content hash is checked)
#   2. CMake build of native/ (the Linux bridge, the test host tools, the native tests) -> build/native,
#      and the Windows bridge with MinGW-w64 (native/cmake/mingw-w64.cmake) -> build/native-win
#   3. the bundled sounds: `sideman soundfont-subset` cuts the presets Sideman uses out of Debian's
#      FluidR3_GM (SIDEMAN_FLUIDR3 overrides the path) -> build/sounds (rebuilt only when stale)
#   4. assembles build/Sideman.vst3/Contents/:
#        x86_64-linux/Sideman.so       + x86_64-linux/dotnet/  (the linux-x64 publish)
#        x86_64-win/Sideman.vst3       + x86_64-win/dotnet/    (the win-x64 publish)
#        Resources/                    what both share: sounds/ (and their licence), models/ (weights,
#                                      vocabulary, originality index, model card, attribution), fonts/ (the
#                                      editor's DejaVu Sans and its licence), moduleinfo.json
#   5. writes Contents/Resources/moduleinfo.json by loading the Linux module like a host
#   6. the Windows packages (installer/windows/package.sh): build/Sideman-<version>-win-x64-setup.exe (NSIS)
#      and build/Sideman-<version>-win-x64.zip
# Building needs no Wine. Idempotent: every run rebuilds the bundle folder from scratch.
#
# Usage: installer/build-bundle.sh [--out DIR] [--config Release|Debug] [--skip-managed] [--no-tests]
#                                   [--linux-only]
#   --out DIR          where Sideman.vst3 goes (default: build/)
#   --skip-managed     reuse build/managed/<rid> from an earlier run (no dotnet publish)
#   --no-tests         do not build the native ctest suite
#   --linux-only       a Linux-only bundle, no Windows half and no Windows packages (for quick local
#                      rebuilds; what we ship is built without it)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$repo/build"
config=Release
skip_managed=0
build_tests=ON
windows=1

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --skip-managed) skip_managed=1; shift ;;
    --no-tests) build_tests=OFF; shift ;;
    --linux-only) windows=0; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "build-bundle: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'build-bundle: error: %s\n' "$*" >&2; exit 1; }

arch="$(uname -m)"
case "$arch" in
  x86_64) linux_rid=linux-x64; linux_arch=x86_64-linux ;;
  aarch64) linux_rid=linux-arm64; linux_arch=aarch64-linux ;;
  *) fail "unsupported CPU architecture '$arch'" ;;
esac
win_rid=win-x64
win_arch=x86_64-win

command -v cmake >/dev/null || fail "cmake not found: install it (apt-get install cmake)"
command -v g++ >/dev/null || fail "g++ not found: install it (apt-get install g++)"
if [[ $windows -eq 1 ]]; then
  command -v x86_64-w64-mingw32-g++-posix >/dev/null || \
    fail "the Windows half needs MinGW-w64's posix-thread compiler x86_64-w64-mingw32-g++-posix: installer/deps.sh --for build installs it (apt-get install g++-mingw-w64-x86-64-posix), or build with --linux-only"
  command -v makensis >/dev/null || \
    fail "the Windows installer needs makensis: installer/deps.sh --for build installs it (apt-get install nsis), or build with --linux-only"
fi

# publish RID: the self-contained plugin for one system into build/managed/RID.
publish() {
  local rid="$1" dir="$out/managed/$1"
  if [[ $skip_managed -eq 1 ]]; then
    step "Managed plugin ($rid): reusing $dir"
  else
    command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK"
    step "Managed plugin: dotnet publish ($config, $rid, self-contained, trimmed, ReadyToRun)"
    rm -rf "$dir"
    # TrimMode=partial trims the framework but keeps our own assemblies whole (they are not
    # marked trimmable), so the [UnmanagedCallersOnly] exports the bridge binds survive.
    # _EnableConsumingManagedCodeFromNativeHosting keeps CoreLib's ComponentActivator, which
    # hostfxr's load_assembly_and_get_function_pointer calls (trimming removes it otherwise,
    # and the runtime then fails with 0x80131513). That makes ILLink warn IL2026 about
    # native hosting in CoreLib itself, so trim warnings must not be errors here.
    dotnet publish "$repo/src/Sideman.Plugin/Sideman.Plugin.csproj" -c "$config" -r "$rid" --self-contained \
      -p:PublishTrimmed=true -p:TrimMode=partial -p:PublishReadyToRun=true \
      -p:_EnableConsumingManagedCodeFromNativeHosting=true -p:ILLinkTreatWarningsAsErrors=false \
      -p:DebugType=none -p:GenerateDocumentationFile=false \
      -o "$dir" -nologo -v:minimal || fail "dotnet publish for $rid failed (see above)"
  fi
  local needed foreign
  case "$rid" in
    win-*) needed="Sideman.Plugin.exe hostfxr.dll coreclr.dll onnxruntime.dll libSkiaSharp.dll"; foreign='-name *.so -o -name *.so.* -o -name *.dylib' ;;
    *) needed="Sideman.Plugin libhostfxr.so libcoreclr.so libonnxruntime.so libSkiaSharp.so"; foreign='-name onnxruntime*.dll -o -name libSkiaSharp.dll -o -name *.dylib -o -name *.exe' ;;
  esac
  for f in Sideman.Plugin.dll Sideman.Plugin.runtimeconfig.json Sideman.Editor.dll SkiaSharp.dll $needed; do
    [[ -f "$dir/$f" ]] || fail "the managed publish in $dir lacks $f"
  done
  # The editor's fonts go to Contents/Resources/fonts once, not into each system's publish.
  [[ ! -e "$dir/Fonts" ]] || fail "the $rid publish in $dir carries the editor's fonts (Sideman.Editor.csproj must keep them out of publishes)"
  # A publish for RID carries that system's ONNX Runtime and Skia only (Directory.Build.targets): never another's.
  local stray
  # shellcheck disable=SC2086
  stray="$(cd "$dir" && set -f && find . \( $foreign -o -name '*.lib' -o -path './runtimes/*' \) -print -quit)"
  [[ -z "$stray" ]] || fail "the $rid publish in $dir carries another platform's native file: $stray"
}
publish "$linux_rid"
[[ $windows -eq 1 ]] && publish "$win_rid"

step "Native bridge (Linux): cmake ($config) in $out/native"
cmake -S "$repo/native" -B "$out/native" -DCMAKE_BUILD_TYPE="$config" \
  -DSIDEMAN_BUILD_TESTS="$build_tests" -DSIDEMAN_BUNDLE="$out/Sideman.vst3" >/dev/null \
  || fail "cmake configure failed"
cmake --build "$out/native" -j "$(nproc 2>/dev/null || echo 2)" || fail "native build failed (see above)"

if [[ $windows -eq 1 ]]; then
  step "Native bridge (Windows): MinGW-w64 cross build ($config) in $out/native-win"
  cmake -S "$repo/native" -B "$out/native-win" -DCMAKE_TOOLCHAIN_FILE="$repo/native/cmake/mingw-w64.cmake" \
    -DCMAKE_BUILD_TYPE="$config" -DSIDEMAN_BUILD_TESTS=OFF >/dev/null || fail "cmake configure (Windows) failed"
  cmake --build "$out/native-win" --target sideman_module -j "$(nproc 2>/dev/null || echo 2)" \
    || fail "the Windows bridge build failed (see above)"
fi

# The sounds: rebuilt when missing or older than their source bank or the code and tables that cut them.
sounds_source="${SIDEMAN_FLUIDR3:-/usr/share/sounds/sf2/FluidR3_GM.sf2}"
sounds="$out/sounds/sideman-gm.sf2"
sounds_license="$out/sounds/sideman-gm.LICENSE.txt"
[[ -s "$sounds_source" ]] || fail "the bundled sounds' source $sounds_source is missing: install it with installer/deps.sh --for build (apt-get install fluid-soundfont-gm)"
if [[ ! -s "$sounds" || ! -s "$sounds_license" || "$sounds_source" -nt "$sounds" ]] || \
   [[ -n "$(find "$repo/src/Sideman.Synth/SoundFont" "$repo/src/Sideman.Cli/Commands/SoundFontSubsetCommand.cs" -newer "$sounds" -type f \( -name '*.cs' -o -name '*.tsv' -o -name '*.txt' \) -print -quit)" ]]; then
  command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK (needed to build the bundled sounds)"
  step "Bundled sounds: sideman soundfont-subset from $sounds_source"
  dotnet build "$repo/src/Sideman.Cli" -c "$config" -o "$out/cli" --nologo -v quiet -clp:ErrorsOnly \
    || fail "building the command-line tool (src/Sideman.Cli) failed (see above)"
  "$out/cli/sideman" soundfont-subset --source "$sounds_source" --output "$sounds" \
    || fail "building the bundled sounds failed (see above)"
else
  step "Bundled sounds: reusing $sounds"
fi

step "Assembling $out/Sideman.vst3"
bundle="$out/Sideman.vst3"
staging="$out/.Sideman.vst3.tmp"
rm -rf "$staging"
mkdir -p "$staging/Contents/Resources"
# copy_publish RID ARCH: one system's whole self-contained publish (our assemblies plus its .NET runtime
# and ONNX Runtime; no debug symbols) into Contents/ARCH/dotnet, where its bridge looks for it.
copy_publish() {
  mkdir -p "$staging/Contents/$2/dotnet"
  (cd "$out/managed/$1" && find . -type f ! -name '*.pdb' -print0 | \
    xargs -0 -I{} cp --parents {} "$staging/Contents/$2/dotnet/")
}
mkdir -p "$staging/Contents/$linux_arch"
cp "$out/native/Sideman.so" "$staging/Contents/$linux_arch/Sideman.so"
copy_publish "$linux_rid" "$linux_arch"
if [[ $windows -eq 1 ]]; then
  mkdir -p "$staging/Contents/$win_arch"
  cp "$out/native-win/Sideman.vst3" "$staging/Contents/$win_arch/Sideman.vst3"
  copy_publish "$win_rid" "$win_arch"
fi
# The plugin finds the shared files in Contents/Resources from its publish folder (BundleResources).
mkdir -p "$staging/Contents/Resources/sounds"
cp "$sounds" "$sounds_license" "$staging/Contents/Resources/sounds/"
# The editor's fonts and their licence (EditorResources finds Resources/fonts); no system font is used.
mkdir -p "$staging/Contents/Resources/fonts"
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf LICENSE.txt; do
  [[ -s "$repo/src/Sideman.Editor/Fonts/$f" ]] || fail "src/Sideman.Editor/Fonts/$f is missing: the checkout is incomplete"
  cp "$repo/src/Sideman.Editor/Fonts/$f" "$staging/Contents/Resources/fonts/"
done
# The band's model (SharedBandModel finds Resources/models): the weights, the vocabulary, the originality
# index, and the card and attribution list that say what it was trained on.
version="$(cat "$repo/VERSION")"
mkdir -p "$staging/Contents/Resources/models"
for f in "sideman-$version.onnx" "sideman-$version.fingerprints" "sideman-$version.density.json" vocab.json MODEL_CARD.md ATTRIBUTION.tsv; do
  [[ -s "$repo/models/$f" ]] || fail "models/$f is missing: the checkout is incomplete (the band cannot play without it)"
  cp "$repo/models/$f" "$staging/Contents/Resources/models/"
done
rm -rf "$bundle"
mv "$staging" "$bundle"

step "Writing moduleinfo.json (loads the module as a host does and starts .NET from the bundle)"
"$out/native/host/sideman-moduleinfo" "$bundle" "$bundle/Contents/Resources/moduleinfo.json" \
  || fail "the assembled bundle does not load; see ${XDG_CACHE_HOME:-$HOME/.cache}/Sideman/sideman.log"

if [[ $windows -eq 1 ]]; then
  step "Windows packages: installer and zip (installer/windows/package.sh)"
  "$here/windows/package.sh" "$bundle" "$out" "$version" || fail "packaging the Windows installer failed (see above)"
fi

kb() { du -sk "$1" | cut -f1; }
step "Done: $bundle ($(du -sh "$bundle" | cut -f1), $(du -sb "$bundle" | cut -f1) bytes)"
echo "  shared Resources $(kb "$bundle/Contents/Resources") KB (sounds $(kb "$bundle/Contents/Resources/sounds") KB, models $(kb "$bundle/Contents/Resources/models") KB, fonts $(kb "$bundle/Contents/Resources/fonts") KB)"
for a in "$linux_arch" "$win_arch"; do
  [[ -d "$bundle/Contents/$a" ]] && echo "  $a $(kb "$bundle/Contents/$a") KB"
done
true
