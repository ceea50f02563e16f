#!/usr/bin/env bash
# End-to-end test in a real DAW: Ardour 7 renders a region of chords through the plugin headlessly,
# and every chord (and every note of it) must be audible in the render; then a parameter change
# must survive save and reload. See tests/e2e/README.md and ../shared/docs/ARDOUR.md for why
# each step looks the way it does.
#
# Usage: tests/e2e/run-e2e.sh [options]
#   --bundle PATH     the VST3 bundle to test (default: $SIDEMAN_BUNDLE or ~/.vst3/Sideman.vst3)
#   --standin         prove the harness with Ardour's own LV2 "ACE Reasonable Synth" instead;
#                     the persistence check then uses an "ACE Delay" added to the track
#   --plugin SPEC     plugin as Ardour names it: vst3:NAME or lv2:NAME (default vst3:Sideman)
#   --persist P|LABEL[|VALUE]  plugin name, parameter label and new value for the persistence
#                     check (default "Sideman|Master Volume|-12"; VALUE "auto" picks one);
#                     "none" skips the check
#   --no-determinism  skip exporting the session a second time and comparing the two bit for bit
#   --no-band         skip the live band's checks (step 6; on by default for Sideman)
#   --persist-gain    the persistence parameter is a gain in dB: also render the reloaded session
#                     and check it plays that much louder/quieter (on by default for Sideman)
#   --param LABEL=V   set a plugin parameter before rendering (repeatable)
#   --work DIR        keep every file (session, logs, render) in DIR
#   --keep            keep the temporary folder even when the test passes
#   --tries N         attempts per Ardour step (default 6)
#   --timeout S       seconds per ardour7-lua attempt (default 90)
#   --export-timeout S  seconds per ardour7-export attempt (default 45; a good export of this
#                     20 s session takes under 10 s even on a loaded 2-core machine, and a hung
#                     one never recovers, so waiting longer only wastes time)
# Exit status: 0 when every check passed, 1 otherwise. The last line says which.

set -uo pipefail
export LC_ALL=C  # Ardour translates operation names; the session range depends on the C ones

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
SCANNER=/usr/lib/ardour7/ardour-vst3-scanner
BUNDLE="${SIDEMAN_BUNDLE:-$HOME/.vst3/Sideman.vst3}"
PLUGIN="vst3:Sideman"
PERSIST="Sideman|Master Volume|-12"
PERSIST_ADD=""
PERSIST_GAIN=1
DETERMINISM=1
BAND=1
STANDIN=0
WORK=""
KEEP=0
TRIES=6
TIMEOUT=90
EXPORT_TIMEOUT=45
PARAMS=()
END_TICKS=76800  # ten bars at 1920 ticks per quarter: the last chord ends in bar 9
RATE=48000
END_SAMPLES=$((END_TICKS * RATE * 60 / (120 * 1920)))

while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) BUNDLE="$2"; shift 2 ;;
    --standin) STANDIN=1; shift ;;
    --plugin) PLUGIN="$2"; shift 2 ;;
    --persist) PERSIST="$2"; PERSIST_GAIN=0; shift 2 ;;
    --persist-gain) PERSIST_GAIN=1; shift ;;
    --no-determinism) DETERMINISM=0; shift ;;
    --no-band) BAND=0; shift ;;
    --param) PARAMS+=("$2"); shift 2 ;;
    --work) WORK="$2"; KEEP=1; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --tries) TRIES="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --export-timeout) EXPORT_TIMEOUT="$2"; shift 2 ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "run-e2e.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
if [ "$STANDIN" = 1 ]; then
  PLUGIN="lv2:ACE Reasonable Synth"
  PERSIST="ACE Delay|Feedback|auto"
  PERSIST_ADD="lv2:urn:ardour:a-delay"
  PERSIST_GAIN=0
  BAND=0
fi
# Steps 2-5 check the host path with the player's own notes (every chord heard, nothing hanging): the live
# band, which plays whenever the transport does, is switched off there. Step 6 checks the band.
if [ "$PLUGIN" = "vst3:Sideman" ]; then PARAMS=("Band=0" "${PARAMS[@]}"); else BAND=0; fi

say() { printf '[e2e] %s\n' "$*"; }
die() { say "FAIL: $*"; say "files kept in $WORK"; echo "E2E: FAIL"; exit 1; }

for tool in ardour7-lua ardour7-export "$SCANNER" "$PY" stdbuf timeout; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is missing: run installer/deps.sh (it installs Debian's ardour)"
done
"$PY" -c 'import numpy' 2>/dev/null || die "numpy is missing for $PY: run installer/deps.sh"

if [ -z "$WORK" ]; then WORK="$(mktemp -d /tmp/sideman-e2e.XXXXXX)"; fi
mkdir -p "$WORK" || die "cannot create $WORK"
WORK="$(cd "$WORK" && pwd)"
# A private Ardour config and cache: a fresh config is what makes Ardour honour VST3_PATH,
# and it keeps the user's own Ardour setup out of (and untouched by) the test.
export XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
SESSION="$WORK/session"
SNAPSHOT=e2e

# attempt NAME SUCCESS_REGEX CLEANUP_FN TIMEOUT -- COMMAND...: runs COMMAND up to $TRIES times,
# each under TIMEOUT seconds, and counts it done once SUCCESS_REGEX has printed. Ardour's tools
# abort at teardown after the work is done, and sometimes hang in start_audio_export (measured on
# this 2-core machine under load: of 10 exports, 3 hung and 1 aborted after "Done", with Ardour's
# own LV2 synth as with Sideman), so their exit codes are not the verdict.
# With WATCH_FILE set, an attempt whose WATCH_FILE is still under 64 KiB after STALL_S seconds is
# stopped early: a hung export never writes past the WAV header, a working one writes megabytes
# within seconds.
WATCH_FILE=""
STALL_S=15
attempt() {
  local name="$1" ok_re="$2" cleanup="$3" limit="$4"; shift 5
  local i log start rc
  for ((i = 1; i <= TRIES; i++)); do
    log="$WORK/$name.$i.log"
    $cleanup
    start=$SECONDS
    # The subshell keeps bash's own "Aborted" notices out of the output; the log has everything.
    (
      timeout --kill-after=10 "$limit" stdbuf -oL -eL "$@" >"$log" 2>&1 &
      pid=$!
      while [ -n "$WATCH_FILE" ] && kill -0 "$pid" 2>/dev/null; do
        sleep 1
        if [ $((SECONDS - start)) -ge "$STALL_S" ] && [ "$(stat -c %s "$WATCH_FILE" 2>/dev/null || echo 0)" -lt 65536 ]; then
          echo "[e2e] stalled: $WATCH_FILE still under 64 KiB after $STALL_S s" >>"$log"
          kill -TERM "$pid" 2>/dev/null
          break
        fi
      done
      wait "$pid"
    ) 2>/dev/null
    rc=$?
    if grep -qE "$ok_re" "$log"; then
      say "$name: done in $((SECONDS - start)) s (attempt $i, exit code $rc)"
      LAST_LOG="$log"
      return 0
    fi
    say "$name: attempt $i failed after $((SECONDS - start)) s (exit code $rc$([ $rc = 124 ] && echo ', timed out')); last lines of $log:"
    grep -v '^lua/' "$log" | tail -n 8 | sed 's/^/    /'
  done
  return 1
}
no_cleanup() { :; }
fresh_session() { rm -rf "$SESSION"; }

say "work folder: $WORK"
T0=$SECONDS

# 1. Scan (VST3 only). The scanner exits 0 even when the module fails to load: read its output.
if [[ "$PLUGIN" == vst3:* ]]; then
  [ -d "$BUNDLE" ] || die "no bundle at $BUNDLE: run installer/install.sh first (or pass --bundle)"
  BUNDLE="$(cd "$BUNDLE" && pwd)"
  name="$(basename "$BUNDLE" .vst3)"
  [ -f "$BUNDLE/Contents/x86_64-linux/$name.so" ] || die "$BUNDLE lacks Contents/x86_64-linux/$name.so (Ardour needs the module named like the bundle)"
  # Only the bundle's own folder is searched: HOME points into the work folder so that another
  # copy in ~/.vst3 cannot stand in for the one under test.
  export VST3_PATH="$(dirname "$BUNDLE")"
  export HOME="$WORK/home"; mkdir -p "$HOME"
  say "scanning $BUNDLE"
  LD_LIBRARY_PATH=/usr/lib/ardour7 timeout 120 "$SCANNER" -f -v "$BUNDLE" >"$WORK/scan.log" 2>&1
  sed 's/^/    /' "$WORK/scan.log"
  if grep -q '\[ERROR\]' "$WORK/scan.log" || ! grep -q "Found Plugin: ${PLUGIN#vst3:}\$" "$WORK/scan.log" \
      || ! grep -q 'Saved VST3 plugin cache' "$WORK/scan.log"; then
    [ -f "$XDG_CACHE_HOME/Sideman/sideman.log" ] && { say "plugin log:"; sed 's/^/    /' "$XDG_CACHE_HOME/Sideman/sideman.log"; }
    die "the scanner did not index ${PLUGIN#vst3:} from $BUNDLE (see above)"
  fi
  say "scan: ok"
fi

# 2. Build the session: MIDI track with the plugin, a region of chords, the session range.
attempt build-session '^E2E-SESSION-OK' fresh_session "$TIMEOUT" -- \
  ardour7-lua -- "$HERE/lua/build_session.lua" "$SESSION" "$SNAPSHOT" "$PLUGIN" "$HERE/chords.tsv" \
  "$WORK/notes.tsv" "$END_TICKS" "${PARAMS[@]}" || die "could not build the session"
grep '^E2E' "$LAST_LOG" | sed 's/^/    /'

# 3. Render the session range of the master bus (32-bit float, so overs stay visible).
remove_render() { rm -f "$WORK/render.wav"; }
WATCH_FILE="$WORK/render.wav"
attempt export '^\* Done\.' remove_render "$EXPORT_TIMEOUT" -- \
  ardour7-export "$SESSION" "$SNAPSHOT" -b float -o "$WORK/render.wav" || die "ardour7-export never finished"
WATCH_FILE=""
[ -s "$WORK/render.wav" ] || die "ardour7-export said done but wrote no $WORK/render.wav"

# 4. Every chord audible, by energy per chord and by each note's fundamental.
say "checking the render"
"$PY" "$HERE/check_render.py" "$WORK/render.wav" "$WORK/notes.tsv" --expect-frames "$END_SAMPLES" --rate "$RATE" \
  | sed 's/^/    /'
[ "${PIPESTATUS[0]}" = 0 ] || die "the render does not hold every chord (table above); listen to $WORK/render.wav"

# 4b. Determinism: a second export of the same, unchanged session must be bit-identical.
if [ "$DETERMINISM" = 1 ]; then
  remove_second() { rm -f "$WORK/render-again.wav"; }
  WATCH_FILE="$WORK/render-again.wav"
  T_AGAIN=$SECONDS
  attempt export-again '^\* Done\.' remove_second "$EXPORT_TIMEOUT" -- \
    ardour7-export "$SESSION" "$SNAPSHOT" -b float -o "$WORK/render-again.wav" || die "the second export never finished"
  WATCH_FILE=""
  same_render() { # prints the verdict indented; status 0 when A and B are bit-identical
    local out rc
    out="$("$PY" "$HERE/compare_renders.py" "$1" "$2")"; rc=$?
    sed 's/^/    /' <<<"$out"
    return $rc
  }
  if ! same_render "$WORK/render.wav" "$WORK/render-again.wav"; then
    # Seen once in 14 exports of one session: Ardour itself delivered every note 16 samples early
    # (the verdict above says so when that happens). A third export decides: the plugin is
    # deterministic if it matches one of the two bit for bit; anything else fails.
    say "determinism: the two exports differ; a third export decides"
    remove_third() { rm -f "$WORK/render-third.wav"; }
    WATCH_FILE="$WORK/render-third.wav"
    attempt export-third '^\* Done\.' remove_third "$EXPORT_TIMEOUT" -- \
      ardour7-export "$SESSION" "$SNAPSHOT" -b float -o "$WORK/render-third.wav" || die "the third export never finished"
    WATCH_FILE=""
    if same_render "$WORK/render.wav" "$WORK/render-third.wav"; then
      say "determinism: the third export matches the first; the second was the host's outlier"
    elif same_render "$WORK/render-again.wav" "$WORK/render-third.wav"; then
      say "determinism: the third export matches the second; the first was the host's outlier"
    else
      die "three exports of the same session all differ (see above): renders are not repeatable"
    fi
  fi
  say "determinism: checked in $((SECONDS - T_AGAIN)) s"
fi

# 5. Persistence: change a parameter, save, load the session fresh, read it back.
if [ "$PERSIST" != none ]; then
  IFS='|' read -r pplug plabel pvalue <<<"$PERSIST"
  [ -n "$plabel" ] || die "--persist wants PLUGIN|LABEL[|VALUE], got '$PERSIST'"
  cp -a "$SESSION" "$WORK/persist-session"
  SESSION="$WORK/persist-session"
  attempt persist-set '^E2E-PERSIST-SET ' no_cleanup "$TIMEOUT" -- \
    ardour7-lua -- "$HERE/lua/persist.lua" "$SESSION" "$SNAPSHOT" set "$pplug" "$plabel" "${pvalue:-auto}" $PERSIST_ADD \
    || die "could not change '$plabel' on $pplug and save"
  grep '^E2E' "$LAST_LOG" | sed 's/^/    /'
  wanted="$(sed -n 's/^E2E-PERSIST-SET //p' "$LAST_LOG" | tail -n 1)"
  before="$(sed -n 's/^E2E-PERSIST-OLD //p' "$LAST_LOG" | tail -n 1)"
  attempt persist-get '^E2E-PERSIST-GET ' no_cleanup "$TIMEOUT" -- \
    ardour7-lua -- "$HERE/lua/persist.lua" "$SESSION" "$SNAPSHOT" get "$pplug" "$plabel" \
    || die "could not reload the saved session"
  got="$(sed -n 's/^E2E-PERSIST-GET //p' "$LAST_LOG" | tail -n 1)"
  if ! "$PY" -c 'import sys; a, b = float(sys.argv[1]), float(sys.argv[2]); sys.exit(abs(a - b) > 1e-4 * max(1.0, abs(a)))' "$wanted" "$got"; then
    die "'$plabel' was saved as $wanted but reloads as $got: the plugin state does not keep it"
  fi
  say "persistence: '$plabel' changed from $before, saved as $wanted, reloaded as $got"
  if [ "$PERSIST_GAIN" = 1 ]; then
    # The host shows the restored value; the plugin must also play at it.
    remove_reloaded() { rm -f "$WORK/render-reloaded.wav"; }
    WATCH_FILE="$WORK/render-reloaded.wav"
    attempt export-reloaded '^\* Done\.' remove_reloaded "$EXPORT_TIMEOUT" -- \
      ardour7-export "$SESSION" "$SNAPSHOT" -b float -o "$WORK/render-reloaded.wav" || die "could not render the reloaded session"
    WATCH_FILE=""
    change="$("$PY" -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$before" "$got")"
    "$PY" "$HERE/compare_levels.py" "$WORK/render.wav" "$WORK/render-reloaded.wav" "$WORK/notes.tsv" \
      --expect-db "$change" | sed 's/^/    /'
    [ "${PIPESTATUS[0]}" = 0 ] || die "the reloaded session does not play at the restored '$plabel'"
  fi
fi

# 6. The live band: the same chords-only region with the band on and the monitor sound off, every one of the
# instrument's outputs on the track (strict I/O off). The main mix is exported twice (a bounce is offline, so
# bit-identical), then each stem bus is wired to the master in turn and exported; band_check.py judges them.
if [ "$BAND" = 1 ]; then
  SESSION="$WORK/band-session"
  T_BAND=$SECONDS
  fresh_band() { rm -rf "$SESSION"; }
  attempt build-band '^E2E-SESSION-OK' fresh_band "$TIMEOUT" -- \
    ardour7-lua -- "$HERE/lua/build_session.lua" "$SESSION" "$SNAPSHOT" "$PLUGIN" "$HERE/chords.tsv" \
    "$WORK/band-notes.tsv" "$END_TICKS" --stems "Monitor Sound=max" || die "could not build the band session"
  grep '^E2E' "$LAST_LOG" | sed 's/^/    /'
  renders=()
  for pair in 0 1 2 3 4 5; do
    attempt "wire-$pair" '^E2E-WIRED ' no_cleanup "$TIMEOUT" -- \
      ardour7-lua -- "$HERE/lua/wire.lua" "$SESSION" "$SNAPSHOT" "band-$pair" "$pair" || die "could not wire output pair $pair to the master"
    out="$WORK/band-$pair.wav"
    remove_band() { rm -f "$out"; }
    WATCH_FILE="$out"
    attempt "export-band-$pair" '^\* Done\.' remove_band "$EXPORT_TIMEOUT" -- \
      ardour7-export "$SESSION" "band-$pair" -b float -o "$out" || die "could not export output pair $pair"
    WATCH_FILE=""
    renders+=("$out")
  done
  out="$WORK/band-0-again.wav"
  remove_band() { rm -f "$out"; }
  WATCH_FILE="$out"
  attempt export-band-again '^\* Done\.' remove_band "$EXPORT_TIMEOUT" -- \
    ardour7-export "$SESSION" band-0 -b float -o "$out" || die "could not export the band a second time"
  WATCH_FILE=""
  "$PY" "$HERE/compare_renders.py" "${renders[0]}" "$out" | sed 's/^/    /'
  [ "${PIPESTATUS[0]}" = 0 ] || die "two exports of the band differ: the live band's bounce is not repeatable"
  # How Ardour bounced (each export's activation: offline blocks, jumps, and how the band kept up). Ardour 7 rounds
  # its musical position to ticks; read naively that looks like a jump of a few samples in most blocks, and each one
  # made the band re-enter its bar, differently for each export (CI once saw the stems not add up to the mix).
  bounces="$(grep -hE 'Deactivated after .* and [1-9][0-9]* offline' "$XDG_CACHE_HOME/Sideman/sideman.log" 2>/dev/null)"
  [ -n "$bounces" ] || die "the plugin's log has no offline activation: did Ardour bounce through Sideman?"
  echo "$bounces" | tail -n 1 | sed 's/^.*\] /    plugin: /'
  jumpy="$(echo "$bounces" | grep -cvE ' 0 jumps;')"
  [ "$jumpy" = 0 ] || die "in $jumpy of the band's exports the plugin read the host's position as jumping: $(echo "$bounces" | grep -vE ' 0 jumps;' | head -n 1 | sed 's/^.*\] //')"
  say "checking the band"
  "$PY" "$HERE/check_band.py" "$WORK/band-notes.tsv" "${renders[@]}" | sed 's/^/    /'
  [ "${PIPESTATUS[0]}" = 0 ] || die "the band does not play along (table above); listen to $WORK/band-0.wav"
  say "band: checked in $((SECONDS - T_BAND)) s"
fi

say "all checks passed in $((SECONDS - T0)) s ($PLUGIN)"
if [ "$KEEP" = 0 ]; then rm -rf "$WORK"; fi
echo "E2E: PASS"
