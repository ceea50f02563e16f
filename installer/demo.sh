#!/usr/bin/env bash
# Renders the demo: the live band, generated inside the installed plugin while it follows chords.
# For each song, `sideman chords` writes what a player plays (block chords on channel 1, struck a little
# late, the Ending keyswitch near the end: no band notes at all), and `sideman-host render` plays that file
# into the installed bundle as a DAW bounce does (offline): the plugin's own model writes the band bar by
# bar as it follows the chords. Each song goes to OUTDIR/<song>/: mix.wav (the main bus), drums.wav,
# bass.wav, keys.wav, pad.wav, arp.wav (the stem buses), band.mid (the plugin's MIDI output: the parts on
# channels 10 and 2-5, your chords passed through on channel 1) and chords.mid (the input).
# Every run with the same settings writes the same files.
#
# Usage: installer/demo.sh BUNDLE OUTDIR
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
fail() { printf 'demo.sh: error: %s\n' "$*" >&2; exit 1; }
[ $# -eq 2 ] || fail "usage: demo.sh BUNDLE OUTDIR"
BUNDLE="$1"; OUT="$2"
# SIDEMAN_HOST_TOOL: another sideman-host that takes the same arguments (tests/windows runs the Windows one under Wine).
HOST_TOOL="${SIDEMAN_HOST_TOOL:-$REPO/build/native/host/sideman-host}"
CLI_DIR="$REPO/build/cli"
[ -x "$HOST_TOOL" ] || fail "no $HOST_TOOL: the demo needs the build's sideman-host tool (build first)"
[ -d "$BUNDLE/Contents/Resources/models" ] || fail "$BUNDLE has no models folder: rebuild and reinstall (installer/install.sh)"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"

echo "building the command-line tool (sideman) into $CLI_DIR"
dotnet build "$REPO/src/Sideman.Cli" -c Release -o "$CLI_DIR" --nologo -v quiet -clp:ErrorsOnly \
  || fail "cannot build src/Sideman.Cli"

# song  style  metre  tempo  energy  seed  chart
SONGS=(
  "pop|Pop|4/4|100|2|7|C | Am | F | G | C | Am | F | G7 | C"
  "funk|Funk|4/4|104|3|3|Em7 | A7 | Em7 | A7 | Dm7 | G7 | Em7 | A7 | Em7"
  "waltz|Jazz Swing|3/4|132|2|5|Dm7 | G7 | Cmaj7 | A7 | Dm7 | G7 | Cmaj7 | Cmaj7 | Cmaj7"
)
for song in "${SONGS[@]}"; do
  IFS='|' read -r name style metre tempo energy seed chart <<<"$song"
  dir="$OUT/$name"
  rm -rf "$dir"; mkdir -p "$dir"
  bars="$(awk -F'|' '{print NF}' <<<"$chart")"
  beats="${metre%/*}"; unit="${metre#*/}"
  # Every bar, then two seconds for the last notes to ring out.
  length="$(awk -v b="$bars" -v n="$beats" -v d="$unit" -v t="$tempo" 'BEGIN { printf "%.6f", b * n * 4 / d * 60 / t + 2 }')"
  echo "== $name: $style in $metre at $tempo BPM, energy $energy, seed $seed: $chart"
  "$CLI_DIR/sideman" chords --chart "$chart" --tempo "$tempo" --time-signature "$metre" --ending -o "$dir/chords.mid" >/dev/null \
    || fail "cannot write the chords for $name"
  "$HOST_TOOL" render "$dir/chords.mid" "$dir/mix.wav" --bundle "$BUNDLE" --tempo "$tempo" --time-sig "$metre" \
    --length "$length" --stems "$dir" --midi-out "$dir/band.mid" \
    --set "band.style=$style" --set "band.energy=$energy" --set "band.seed=$seed" --set band.intro=On \
    || fail "the $name render failed; the plugin log is ${XDG_CACHE_HOME:-$HOME/.cache}/Sideman/sideman.log"
  for wav in mix drums bass keys pad arp; do
    /usr/bin/python3 "$HERE/wav_summary.py" "$dir/$wav.wav" || fail "$dir/$wav.wav is silent or damaged"
  done
done
echo "demo: the band followed three chord files inside the plugin; listen to $OUT/<song>/mix.wav (songs: pop, funk, waltz; stems and band.mid beside each)"
