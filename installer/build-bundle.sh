#!/usr/bin/env bash
# Builds Sideman.vst3 from a clean clone:
#   1. dotnet publish of src/Sideman.Plugin (self-contained, trimmed, ReadyToRun) -> build/managed, with
#      ONNX Runtime's libonnxruntime.so from the Microsoft.ML.OnnxRuntime package (runtimes/<rid>/native;
#      restored against the packages.<rid>.lock.json files, so its content hash is checked)
#   2. CMake build of native/ (the bridge module, the test host tools, the native tests) -> build/native
#   3. the bundled sounds: `sideman soundfont-subset` cuts the presets Sideman uses out of Debian's
#      FluidR3_GM (SIDEMAN_FLUIDR3 overrides the path) -> build/sounds (rebuilt only when stale)
#   4. assembles build/Sideman.vst3/Contents/{x86_64-linux/Sideman.so, Resources/...}, the sounds
#      and their licence in Resources/sounds/, the band's model (weights, vocabulary, originality index,
#      model card, attribution) in Resources/models/
#   5. writes Contents/Resources/moduleinfo.json by loading the module like a host
# Idempotent: every run rebuilds the bundle folder from scratch.
#
# Usage: installer/build-bundle.sh [--out DIR] [--config Release|Debug] [--skip-managed]
#                                   [--managed-dir DIR] [--no-tests]
#   --out DIR          where Sideman.vst3 goes (default: build/)
#   --skip-managed     reuse build/managed from an earlier run (no dotnet publish)
#   --managed-dir DIR  take the managed publish from DIR instead of publishing
#   --no-tests         do not build the native ctest suite
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
out="$repo/build"
config=Release
skip_managed=0
managed_dir=""
build_tests=ON

while [[ $# -gt 0 ]]; do
  case "$1" in
    --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --config) config="$2"; shift 2 ;;
    --skip-managed) skip_managed=1; shift ;;
    --managed-dir) managed_dir="$(cd "$2" && pwd)"; shift 2 ;;
    --no-tests) build_tests=OFF; shift ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    *) echo "build-bundle: unknown option '$1' (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
fail() { printf 'build-bundle: error: %s\n' "$*" >&2; exit 1; }

arch="$(uname -m)"
case "$arch" in
  x86_64) rid=linux-x64; bundle_arch=x86_64-linux ;;
  aarch64) rid=linux-arm64; bundle_arch=aarch64-linux ;;
  *) fail "unsupported CPU architecture '$arch'" ;;
esac

command -v cmake >/dev/null || fail "cmake not found: install it (apt-get install cmake)"
command -v g++ >/dev/null || fail "g++ not found: install it (apt-get install g++)"

managed_out="$out/managed"
if [[ -n "$managed_dir" ]]; then
  managed_out="$managed_dir"
  step "Managed plugin: using the publish in $managed_out"
elif [[ $skip_managed -eq 1 ]]; then
  step "Managed plugin: reusing $managed_out"
else
  command -v dotnet >/dev/null || fail "dotnet not found: install the .NET 10 SDK"
  step "Managed plugin: dotnet publish ($config, $rid, self-contained, trimmed, ReadyToRun)"
  rm -rf "$managed_out"
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
    -o "$managed_out" -nologo -v:minimal || fail "dotnet publish failed (see above)"
fi
for f in Sideman.Plugin.dll Sideman.Plugin.runtimeconfig.json libhostfxr.so libcoreclr.so libonnxruntime.so; do
  [[ -f "$managed_out/$f" ]] || fail "the managed publish in $managed_out lacks $f"
done
# The publish for $rid carries that runtime's ONNX Runtime only (Directory.Build.targets): never another platform's.
stray="$(cd "$managed_out" && find . \( -name 'onnxruntime*.dll' -o -name '*.dylib' -o -name '*.lib' -o -path './runtimes/*' \) -print -quit)"
[[ -z "$stray" ]] || fail "the managed publish in $managed_out carries another platform's native file: $stray"

step "Native bridge: cmake ($config) in $out/native"
cmake -S "$repo/native" -B "$out/native" -DCMAKE_BUILD_TYPE="$config" \
  -DSIDEMAN_BUILD_TESTS="$build_tests" -DSIDEMAN_BUNDLE="$out/Sideman.vst3" >/dev/null \
  || fail "cmake configure failed"
cmake --build "$out/native" -j "$(nproc 2>/dev/null || echo 2)" || fail "native build failed (see above)"

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
mkdir -p "$staging/Contents/$bundle_arch" "$staging/Contents/Resources"
cp "$out/native/Sideman.so" "$staging/Contents/$bundle_arch/Sideman.so"
# The whole self-contained publish: our assemblies plus the .NET runtime (no debug symbols).
(cd "$managed_out" && find . -type f ! -name '*.pdb' -print0 | \
  xargs -0 -I{} cp --parents {} "$staging/Contents/Resources/")
# The plugin looks for its sounds beside its assembly (SidemanPlugin.BundledSoundFontPath).
mkdir -p "$staging/Contents/Resources/sounds"
cp "$sounds" "$sounds_license" "$staging/Contents/Resources/sounds/"
# The band's model, beside the assembly too (SharedBandModel finds Resources/models): the weights, the
# vocabulary, the originality index, and the card and attribution list that say what it was trained on.
version="$(cat "$repo/VERSION")"
mkdir -p "$staging/Contents/Resources/models"
for f in "sideman-$version.onnx" "sideman-$version.fingerprints" vocab.json MODEL_CARD.md ATTRIBUTION.tsv; do
  [[ -s "$repo/models/$f" ]] || fail "models/$f is missing: the checkout is incomplete (the band cannot play without it)"
  cp "$repo/models/$f" "$staging/Contents/Resources/models/"
done
rm -rf "$bundle"
mv "$staging" "$bundle"

step "Writing moduleinfo.json (loads the module as a host does and starts .NET from the bundle)"
"$out/native/host/sideman-moduleinfo" "$bundle" "$bundle/Contents/Resources/moduleinfo.json" \
  || fail "the assembled bundle does not load; see ${XDG_CACHE_HOME:-$HOME/.cache}/Sideman/sideman.log"

size="$(du -sh "$bundle" | cut -f1)"
bytes="$(du -sb "$bundle" | cut -f1)"
sound_bytes="$(du -sb "$bundle/Contents/Resources/sounds" | cut -f1)"
step "Done: $bundle ($size, $bytes bytes; the sounds $sound_bytes bytes of it)"
