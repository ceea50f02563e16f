#!/usr/bin/env bash
# Renders the demo: the bundled model writes a band arrangement of a chord chart (`sideman generate`),
# and the installed plugin plays it with the bundled sounds (`sideman-host render`, offline, as a DAW
# bounce does). Every run with the same seed writes the same MIDI and the same WAV.
#
# Usage: installer/demo.sh BUNDLE OUT.wav
# Writes OUT.wav and, beside it, OUT.mid (the generated song: drums on channel 10, bass/keys/pad/arp on 2..5).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
fail() { printf 'demo.sh: error: %s\n' "$*" >&2; exit 1; }
[ $# -eq 2 ] || fail "usage: demo.sh BUNDLE OUT.wav"
BUNDLE="$1"; OUT="$2"
HOST_TOOL="$REPO/build/native/host/sideman-host"
CLI_DIR="$REPO/build/cli"
VERSION="$(cat "$REPO/VERSION")"
MODEL="$REPO/models/sideman-$VERSION.onnx"
# Eight bars of a I-vi-IV-V song with an intro, rising energy and a fill into the chorus.
CHART="C | Am | F | G | C | Am | F | G7"
SECTIONS="intro:2,verse:3,chorus:3"
ENERGY="1,1,2,2,2,3,3,3"

[ -x "$HOST_TOOL" ] || fail "no $HOST_TOOL: the demo needs the build's sideman-host tool (build first)"
[ -f "$MODEL" ] || fail "no model at $MODEL: the checkout is incomplete"
mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
MIDI="${OUT%.wav}.mid"

echo "building the command-line tool (sideman) into $CLI_DIR"
dotnet build "$REPO/src/Sideman.Cli" -c Release -o "$CLI_DIR" --nologo -v quiet -clp:ErrorsOnly \
  || fail "cannot build src/Sideman.Cli"
"$CLI_DIR/sideman" generate --model "$MODEL" --vocab "$REPO/models/vocab.json" --chart "$CHART" \
  --style pop --tempo 100 --sections "$SECTIONS" --energy "$ENERGY" --fills --seed 7 --out "$MIDI" \
  || fail "the model could not write the demo song"
"$HOST_TOOL" render "$MIDI" "$OUT" --bundle "$BUNDLE" \
  || fail "the demo render failed; the plugin log is ${XDG_CACHE_HOME:-$HOME/.cache}/Sideman/sideman.log"
/usr/bin/python3 "$HERE/wav_summary.py" "$OUT" || fail "the demo render is silent or damaged: $OUT"
echo "demo: $OUT (song: $MIDI)"
