"""The project-authored style library (models/training/styles/*.yaml, CC0) and its renderer.

A style file holds chord-relative patterns per part and energy level. See
models/training/styles/README.md for the notation. The renderer plays a pattern over real
chord progressions (McGill Billboard), with seeded variation: a pattern per section, a
variation now and then, fills before section changes, voice-led chord voicings, velocity
humanising and, for drums, swing and micro-timing.
"""

import functools
import glob
import os
import random
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import yaml

from . import theory
from .errors import CorpusFileError

STYLE_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "styles")
PITCHED_PARTS = ("bass", "keys", "pad", "arp")
ROLES = ("main", "variation", "fill")
DRUM_CHARS = {"x": 1.0, "X": 1.25, "o": 0.45, ".": None}

# Playable range per part (MIDI), used to fold voicings and lines into place.
RANGES = {"bass": (28, 55), "keys": (50, 79), "pad": (48, 79), "arp": (55, 88)}
VOICING_CENTRES = {"keys": 62, "pad": 60, "arp": 67}

_CELL_RE = re.compile(r"^(?P<acc>[!~]?)(?:(?P<deg>R|[1-7]|9|11|13)(?P<alt>[+-]?)|C(?P<ci>[1-6]?)|(?P<appr>[<>]))"
                      r"(?P<oct>[',]*)$")


@dataclass
class Cell:
    kind: str  # note | chord | voice | approach
    degree: int = 1
    alteration: int = 0
    octave: int = 0
    accent: str = ""
    index: int = 0  # voicing note index (1-based) for kind 'voice'
    direction: int = 0  # approach: -1 from below ('>'), +1 from above ('<')


@dataclass
class Pattern:
    style: str
    part: str
    name: str
    energies: List[int]
    role: str
    metre: tuple
    steps: int  # cells per bar
    bars: int
    cells: list = field(default_factory=list)  # pitched: per step Cell | '.' | '-'
    drums: Dict[str, list] = field(default_factory=dict)  # drums: drum -> per step factor/None
    velocity: int = 90
    gate: float = 1.0
    voicing: str = "chord"
    swing: int = 0  # micro units added to off-beat steps
    feel: Dict[str, int] = field(default_factory=dict)  # drums: drum -> micro units early (-) or late (+)


@dataclass
class Style:
    name: str
    path: str
    tempo: tuple
    metres: List[tuple]
    swing: int
    description: str
    patterns: Dict[str, List[Pattern]] = field(default_factory=dict)

    def parts(self):
        return [p for p in self.patterns if self.patterns[p]]

    def choose(self, rng, part, energy, role, metre):
        """A pattern for (part, energy, role, metre); falls back to neighbouring energies and to
        the main role. None if the style has nothing for the part or metre."""
        pool = [p for p in self.patterns.get(part, []) if p.metre == metre]
        for want_role in ([role, "main"] if role != "main" else ["main"]):
            for de in (0, -1, 1, -2, 2, -3, 3, -4, 4):
                cands = [p for p in pool if p.role == want_role and energy + de in p.energies]
                if cands:
                    return rng.choice(cands)
        return None


def _metre(text, where):
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(text))
    if not m:
        raise CorpusFileError(where, f"bad metre {text!r} (write e.g. \"4/4\")")
    return int(m.group(1)), int(m.group(2))


def parse_cell(text, where):
    if text in (".", "-"):
        return text
    m = _CELL_RE.match(text)
    if not m:
        raise CorpusFileError(where, f"cannot read cell {text!r}: write a degree (R 2..7 9 11 13 with "
                                     f"+/- and ' or ,), C/C1..C6, < or >, '.' or '-'")
    octave = m.group("oct").count("'") - m.group("oct").count(",")
    acc = m.group("acc")
    if m.group("deg"):
        deg = {"R": 1, "9": 2, "11": 4, "13": 6}.get(m.group("deg"), None) or int(m.group("deg"))
        alt = {"+": 1, "-": -1, "": 0}[m.group("alt")]
        return Cell("note", deg, alt, octave, acc)
    if m.group("appr"):
        return Cell("approach", octave=octave, accent=acc, direction=-1 if m.group("appr") == ">" else 1)
    if m.group("ci"):
        return Cell("voice", octave=octave, accent=acc, index=int(m.group("ci")))
    return Cell("chord", octave=octave, accent=acc)


def load_style(path, drum_names):
    where = os.path.relpath(path)
    try:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
    except yaml.YAMLError as e:
        raise CorpusFileError(where, f"not valid YAML: {e}")
    if not isinstance(doc, dict) or "style" not in doc or "parts" not in doc:
        raise CorpusFileError(where, "a style file needs 'style:' and 'parts:'")
    if doc.get("licence") != "CC0-1.0":
        raise CorpusFileError(where, "style files must say 'licence: CC0-1.0' (project-authored)")
    metres = [_metre(m, where) for m in doc.get("metres", ["4/4"])]
    style = Style(doc["style"], where, tuple(doc.get("tempo", [90, 120])), metres, int(doc.get("swing", 0)),
                  doc.get("description", ""))
    for part, items in doc["parts"].items():
        if part not in PITCHED_PARTS + ("drums",):
            raise CorpusFileError(where, f"unknown part {part!r}")
        style.patterns[part] = []
        for i, item in enumerate(items or []):
            pw = f"{where}: parts.{part}[{i}] ({item.get('name', '?')})"
            style.patterns[part].append(_pattern(style, part, item, pw, drum_names))
    _check_metres(style, where)
    return style


def _check_metres(style, where):
    """Every pattern is in a metre the style declares, and every part the style plays has a main
    pattern in each of them: a metre without one would be played with another metre's pattern."""
    for part, patterns in style.patterns.items():
        for p in patterns:
            if p.metre not in style.metres:
                raise CorpusFileError(where, f"parts.{part} ({p.name}) is in {p.metre[0]}/{p.metre[1]}, "
                                             f"which 'metres:' does not declare")
        for m in style.metres:
            if patterns and not any(p.metre == m and p.role == "main" for p in patterns):
                raise CorpusFileError(where, f"parts.{part} has no main pattern in {m[0]}/{m[1]}, "
                                             f"a metre the style declares")


def _pattern(style, part, item, where, drum_names):
    energies = item.get("energy")
    if isinstance(energies, int):
        energies = [energies]
    if not energies or not all(isinstance(e, int) and 0 <= e <= 4 for e in energies):
        raise CorpusFileError(where, "energy must be a level 0..4 or a list of them")
    role = item.get("role", "main")
    if role not in ROLES:
        raise CorpusFileError(where, f"role must be one of {ROLES}")
    metre = _metre(item.get("metre", f"{style.metres[0][0]}/{style.metres[0][1]}"), where)
    steps = int(item.get("steps", 16))
    bars = int(item.get("bars", 1))
    p = Pattern(style.name, part, item.get("name", "?"), energies, role, metre, steps, bars,
                velocity=int(item.get("velocity", 90)), gate=float(item.get("gate", 1.0)),
                voicing=item.get("voicing", "chord"), swing=int(item.get("swing", style.swing)))
    bar_ticks = metre[0] * 96 // metre[1]
    if bar_ticks % steps:
        raise CorpusFileError(where, f"{steps} steps do not divide a {metre[0]}/{metre[1]} bar evenly")
    step_ticks = bar_ticks // steps
    if step_ticks % 3 and step_ticks % 4:
        raise CorpusFileError(where, f"{steps} steps per bar fall off the tick grid")
    total = steps * bars
    if part == "drums":
        hits = item.get("hits")
        if not isinstance(hits, dict) or not hits:
            raise CorpusFileError(where, "drum patterns need 'hits:' with one line per drum")
        for drum, line in hits.items():
            if drum not in drum_names:
                raise CorpusFileError(where, f"unknown drum {drum!r} (known: {', '.join(sorted(drum_names))})")
            chars = str(line).replace(" ", "").replace("|", "")
            if len(chars) != total:
                raise CorpusFileError(where, f"drum {drum}: {len(chars)} steps, expected {total}")
            bad = set(chars) - set(DRUM_CHARS)
            if bad:
                raise CorpusFileError(where, f"drum {drum}: unknown step marks {sorted(bad)} (use x X o .)")
            p.drums[drum] = [DRUM_CHARS[c] for c in chars]
        feel = item.get("feel") or {}
        for drum, micro in feel.items():
            if drum not in p.drums:
                raise CorpusFileError(where, f"feel names {drum!r}, which the pattern does not play")
            if not isinstance(micro, int) or not -12 <= micro <= 12:
                raise CorpusFileError(where, f"feel for {drum}: {micro!r} is not a whole number -12..12")
        p.feel = dict(feel)
    else:
        text = item.get("cells")
        if not isinstance(text, str):
            raise CorpusFileError(where, "pitched patterns need 'cells:'")
        cells = [parse_cell(c, where) for c in text.replace("|", " ").split()]
        if len(cells) != total:
            raise CorpusFileError(where, f"{len(cells)} cells, expected {total} ({steps} steps x {bars} bars)")
        if cells[0] == "-":
            raise CorpusFileError(where, "a pattern cannot start with a tie '-'")
        if p.voicing not in VOICINGS:
            raise CorpusFileError(where, f"unknown voicing {p.voicing!r} (known: {', '.join(VOICINGS)})")
        p.cells = cells
    return p


def load_library(vocab, style_dir=STYLE_DIR):
    drum_names = set(vocab.drum_id)
    styles = {}
    for path in sorted(glob.glob(os.path.join(style_dir, "*.yaml"))):
        st = load_style(path, drum_names)
        if st.name not in vocab.style_id:
            raise CorpusFileError(os.path.relpath(path), f"style {st.name!r} is not in vocab.json")
        styles[st.name] = st
    return styles


# ------------------------------------------------------------------ voicings
def _chord_tones(quality):
    return list(theory.QUALITIES[quality][0])


def _voicing_intervals(name, quality, root=0, key_scale=None):
    """Intervals above the root for a named voicing over this quality; the tensions it adds (9th,
    and the 7th over a triad) come from the key when one is given (theory.in_key_tension)."""
    chord = _chord_tones(quality)
    scale = [theory.in_key_tension(root, quality, iv, key_scale) for iv in theory.QUALITIES[quality][1]]
    third = [iv for iv in chord if iv in (2, 3, 4, 5)][:1]
    fifth = [iv for iv in chord if iv in (6, 7, 8)][:1]
    seventh = [iv for iv in chord if iv in (10, 11)][:1]
    if quality in ("dim7", "maj6", "min6"):
        seventh = [9]
    if name == "chord":
        return sorted(set(iv % 12 for iv in chord))
    if name == "triad":
        return sorted(set([0] + third + fifth))
    if name == "shell":
        return sorted(set([0] + third + (seventh or fifth)))
    if name == "rootless":  # 3-7-9 (jazz/soul left hand)
        return sorted(set(third + (seventh or [scale[6]]) + [scale[1]]))
    if name == "color":  # chord plus the 9th
        return sorted(set(chord + [scale[1]]))
    if name == "power":
        return [0, 7, 12]
    if name == "spread":  # root, fifth, tenth
        return [0, (fifth or [7])[0], 12 + (third or [4])[0]]
    raise KeyError(name)


VOICINGS = ("chord", "triad", "shell", "rootless", "color", "power", "spread")


def voice_chord(root, quality, name, part, previous, key_scale=None):
    """MIDI pitches for a voicing, placed in the part's range and as close as possible to the
    previous voicing (smallest total movement), so comping voice-leads."""
    return list(_voice_chord(root, quality, name, part, tuple(previous) if previous else None, key_scale))


@functools.lru_cache(maxsize=65536)
def _voice_chord(root, quality, name, part, previous, key_scale=None):
    ivs = _voicing_intervals(name, quality, root, key_scale)
    lo, hi = RANGES[part]
    centre = VOICING_CENTRES.get(part, 62)
    best, best_cost = None, None
    for inversion in range(len(ivs)):
        rotated = ivs[inversion:] + [iv + 12 for iv in ivs[:inversion]]
        if name in ("power", "spread"):
            rotated = ivs  # these shapes keep their spacing
        for base in range(lo - 12, hi + 1):
            if base % 12 != (root + rotated[0]) % 12 and name not in ("power", "spread"):
                continue
            if name in ("power", "spread") and base % 12 != root % 12:
                continue
            notes = [base + (iv - rotated[0]) for iv in rotated]
            if notes[0] < lo or notes[-1] > hi:
                continue
            if previous:
                cost = sum(min(abs(n - p) for p in previous) for n in notes) + 0.3 * abs(
                    sum(notes) / len(notes) - sum(previous) / len(previous))
            else:
                cost = abs(sum(notes) / len(notes) - centre)
            if best_cost is None or cost < best_cost:
                best, best_cost = notes, cost
        if name in ("power", "spread"):
            break
    return tuple(best or ())


# ------------------------------------------------------------------ rendering
@dataclass
class RenderBar:
    ticks: int  # bar length
    metre: tuple
    chords: list  # [(tick, root or None, quality, bass interval)]
    section: str
    energy: int
    role: str  # main | variation | fill
    next_bass: Optional[int]  # bass note (pitch class) of the chord after this bar, for approaches:
    # its root, or its written bass if it is a slash chord
    key_scale: Optional[frozenset] = None  # the song's key (theory.key_scale): tensions come from it


class PartState:
    """What a part remembers from bar to bar: its last voicing and its last bass note."""

    def __init__(self):
        self.voicing = None
        self.last_bass = None


def render_pitched_bar(pattern, part, bar, pat_bar, rng, state):
    """Notes (tick, midi, duration ticks, velocity) of one bar played from bar `pat_bar` of the
    pattern. Held notes stop at chord changes; a tie across a change re-attacks on the new
    chord; N.C. silences the part."""
    notes = []
    step_ticks = bar.ticks // pattern.steps if bar.metre == pattern.metre else 6
    nsteps = bar.ticks // step_ticks
    current = None  # [start tick, [midis], chord index, velocity, ghost]
    attacked = set()  # chords of this bar the part has already struck a note in
    for s in range(nsteps):
        cell = pattern.cells[pat_bar * pattern.steps + (s % pattern.steps)]
        tick = s * step_ticks
        ci = _chord_index(bar.chords, tick)
        chord = bar.chords[ci]
        if cell == "-" and current is not None and current[2] == ci:
            continue
        if current is not None:
            _close(notes, current, tick, pattern.gate, step_ticks)
            current = None
        if cell == ".":
            continue
        if cell == "-":
            cell = _last_sounding_cell(pattern, pat_bar, s)
            if cell is None:
                continue
        if chord[1] is None:
            continue
        written_bass = part == "bass" and ci not in attacked
        midis = _realize(cell, part, pattern, chord, bar, state.voicing, state.last_bass, tick, written_bass)
        if not midis:
            continue
        attacked.add(ci)
        if cell.kind == "chord":
            state.voicing = midis
        if part == "bass":
            state.last_bass = midis[0]
        vel = pattern.velocity * (1.2 if cell.accent == "!" else 0.5 if cell.accent == "~" else 1.0)
        vel = max(1, min(127, int(round(vel + rng.gauss(0, 5)))))
        current = [tick, midis, ci, vel, cell.accent == "~"]
    if current is not None:
        _close(notes, current, bar.ticks, pattern.gate, step_ticks)
    return notes


def _last_sounding_cell(pattern, pat_bar, s):
    for k in range(s % pattern.steps - 1, -1, -1):
        c = pattern.cells[pat_bar * pattern.steps + k]
        if isinstance(c, Cell):
            return c
    return None


def _close(notes, current, end, gate, step_ticks):
    start, midis, _, vel, ghost = current
    length = end - start
    if ghost:
        length = min(length, step_ticks)
    dur = max(int(round(length * gate)), min(length, 4))
    for m in midis:
        notes.append((start, m, dur, vel))


def _chord_index(chords, tick):
    ci = 0
    for i, c in enumerate(chords):
        if c[0] <= tick:
            ci = i
    return ci


def _realize(cell, part, pattern, chord, bar, voicing_prev, last_bass, tick=0, first_in_chord=False):
    """MIDI pitches of one cell over one chord. Over a slash chord (C/B, Am/G, C/E) the bass plays
    the written bass note for its root cells and for its first note in the chord, whatever the
    cell, as a bassist reads a slash: that keeps descending lines like C C/B Am Am/G."""
    _, root, quality, bass_iv = chord
    lo, hi = RANGES[part]
    if cell.kind == "note":
        base_root = root
        if part == "bass" and bass_iv and (first_in_chord or (cell.degree == 1 and cell.alteration == 0)):
            base_root = (root + bass_iv) % 12
            semis = 0
        else:
            semis = theory.degree_semitones(quality, cell.degree, cell.alteration)
            if cell.alteration == 0:  # a written alteration (a blue 3-) is meant as written
                semis = theory.in_key_tension(root, quality, semis, bar.key_scale)
        ref = theory.reference_root(base_root, part if part in theory.REGISTER_CENTRES else "keys")
        m = ref + semis + 12 * cell.octave
        return [_fold(m, lo, hi)]
    if cell.kind == "approach":
        # An approach leads to the next chord's bass note: its written bass over a slash chord.
        later = [(c[1] + c[3]) % 12 for c in bar.chords if c[0] > tick and c[1] is not None]
        target = later[0] if later else bar.next_bass if bar.next_bass is not None else root
        anchor = last_bass if last_bass is not None else theory.reference_root(target, "bass")
        t = anchor + ((target - anchor) % 12)
        if t - anchor > 6:
            t -= 12
        return [_fold(t + cell.direction, lo, hi)]
    voicing = voice_chord(root, quality, pattern.voicing, part if part != "bass" else "keys", voicing_prev,
                          bar.key_scale)
    if cell.kind == "chord":
        return [m + 12 * cell.octave for m in voicing]
    if not voicing:
        return []
    i = cell.index - 1
    m = voicing[i % len(voicing)] + 12 * (i // len(voicing)) + 12 * cell.octave
    return [_fold(m, lo, hi + 7)]


def _fold(m, lo, hi):
    while m < lo:
        m += 12
    while m > hi:
        m -= 12
    return m


def render_drums_bar(pattern, bar, pat_bar, rng, humanize=1.5):
    """Hits (tick, micro units, drum, velocity) of one bar."""
    hits = []
    step_ticks = bar.ticks // pattern.steps if bar.metre == pattern.metre else 6
    nsteps = bar.ticks // step_ticks
    for drum, line in pattern.drums.items():
        for s in range(nsteps):
            f = line[pat_bar * pattern.steps + (s % pattern.steps)]
            if f is None:
                continue
            micro = (pattern.swing if s % 2 == 1 else 0) + pattern.feel.get(drum, 0) + int(round(rng.gauss(0, humanize)))
            vel = max(1, min(127, int(round(pattern.velocity * f + rng.gauss(0, 6)))))
            hits.append((s * step_ticks, micro, drum, vel))
    return hits
