"""Chord qualities, chord-scales and the chord-relative pitch spelling.

A pitched note is written relative to the chord sounding at its onset:
  (octave, degree 1..7, alteration -1/0/+1)
where degree d means "slot d of the chord's scale". Slots 1, 3, 5, 7 hold the chord's own
tones (for a sus4 chord slot 3 holds the fourth; for a triad slot 7 holds the scale's seventh),
slots 2, 4, 6 hold the tensions 9, 11, 13. So "slot 3" follows the chord: it is E over C, Eb
over Cm, F over Csus4 — which is what lets the performer re-voice a generated bar over the
chord the player holds now.

These tables are written into models/vocab.json by make_vocab.py; the tokenizer and the C#
side read them from there. src/Sideman.Music/Patterns/ChordQualityInfo.cs holds the same
facts and the C# vocabulary reader refuses a vocab.json that disagrees.
"""

import functools

# name -> (chord intervals above the root, scale slot semitones for degrees 1..7)
QUALITIES = {
    "maj":     ((0, 4, 7),          (0, 2, 4, 5, 7, 9, 11)),
    "min":     ((0, 3, 7),          (0, 2, 3, 5, 7, 8, 10)),
    "dim":     ((0, 3, 6),          (0, 1, 3, 5, 6, 8, 10)),
    "aug":     ((0, 4, 8),          (0, 2, 4, 6, 8, 9, 11)),
    "sus2":    ((0, 2, 7),          (0, 4, 2, 5, 7, 9, 10)),
    "sus4":    ((0, 5, 7),          (0, 2, 5, 4, 7, 9, 10)),
    "power":   ((0, 7),             (0, 2, 4, 5, 7, 9, 10)),
    "maj6":    ((0, 4, 7, 9),       (0, 2, 4, 5, 7, 9, 11)),
    "min6":    ((0, 3, 7, 9),       (0, 2, 3, 5, 7, 9, 10)),
    "add9":    ((0, 2, 4, 7),       (0, 2, 4, 5, 7, 9, 11)),
    "dom7":    ((0, 4, 7, 10),      (0, 2, 4, 5, 7, 9, 10)),
    "maj7":    ((0, 4, 7, 11),      (0, 2, 4, 5, 7, 9, 11)),
    "min7":    ((0, 3, 7, 10),      (0, 2, 3, 5, 7, 9, 10)),
    "hdim7":   ((0, 3, 6, 10),      (0, 1, 3, 5, 6, 8, 10)),
    "dim7":    ((0, 3, 6, 9),       (0, 2, 3, 5, 6, 8, 9)),
    "minmaj7": ((0, 3, 7, 11),      (0, 2, 3, 5, 7, 9, 11)),
    "7sus4":   ((0, 5, 7, 10),      (0, 2, 5, 4, 7, 9, 10)),
    "aug7":    ((0, 4, 8, 10),      (0, 2, 4, 6, 8, 9, 10)),
    "dom9":    ((0, 2, 4, 7, 10),   (0, 2, 4, 5, 7, 9, 10)),
    "maj9":    ((0, 2, 4, 7, 11),   (0, 2, 4, 5, 7, 9, 11)),
    "min9":    ((0, 2, 3, 7, 10),   (0, 2, 3, 5, 7, 9, 10)),
    "min11":   ((0, 2, 3, 5, 7, 10), (0, 2, 3, 5, 7, 9, 10)),
    "dom13":   ((0, 4, 7, 9, 10),   (0, 2, 4, 5, 7, 9, 10)),
    "dom7alt": ((0, 4, 7, 10, 1),   (0, 1, 4, 5, 7, 8, 10)),
}
QUALITY_NAMES = list(QUALITIES)

# Degree tokens, in token order: degree-major, then alteration -1, 0, +1.
DEGREES = [(d, a) for d in range(1, 8) for a in (-1, 0, 1)]


def degree_name(degree, alteration):
    return f"{degree}{'-' if alteration < 0 else '+' if alteration > 0 else ''}"


def degree_semitones(quality, degree, alteration):
    """Semitones above the chord root of (degree, alteration) in this quality's scale."""
    return QUALITIES[quality][1][degree - 1] + alteration


def _conventional_degree(interval, chord):
    """The degree a musician would name this interval by, given the chord's tones."""
    if interval == 3:
        return 2 if 4 in chord else 3  # #9 over a major third, else the minor third
    if interval == 6:
        return 5 if 6 in chord and 7 not in chord else 4  # b5 of a diminished chord, else #11
    if interval == 8:
        return 5 if 8 in chord and 7 not in chord else 6  # #5 of an augmented chord, else b13
    return {0: 1, 1: 2, 2: 2, 4: 3, 5: 4, 7: 5, 9: 6, 10: 7, 11: 7}[interval]


@functools.lru_cache(maxsize=None)
def spelling_table(quality):
    """For each interval 0..11 above the root, the canonical (degree, alteration).

    Rule: an interval that is a scale slot is that slot (chord slots 1,3,5,7 first);
    otherwise the conventional interval name's degree, altered by one semitone; otherwise the
    first slot (in order 1,3,5,7,2,4,6) that one alteration reaches, possibly across the octave.
    Every entry decodes back to its interval modulo 12; the octave absorbs the rest.
    """
    chord, scale = QUALITIES[quality]
    order = (1, 3, 5, 7, 2, 4, 6)
    table = []
    for iv in range(12):
        exact = [d for d in order if scale[d - 1] == iv]
        if exact:
            table.append((exact[0], 0))
            continue
        d = _conventional_degree(iv, chord)
        a = iv - scale[d - 1]
        if abs(a) <= 1:
            table.append((d, a))
            continue
        for d in order:
            a = (iv - scale[d - 1] + 6) % 12 - 6  # may reach across the octave (1- = a semitone below the root)
            if abs(a) <= 1:
                table.append((d, a))
                break
        else:
            raise AssertionError(f"interval {iv} unreachable in {quality}")
    for iv, (d, a) in enumerate(table):
        assert degree_semitones(quality, d, a) % 12 == iv, (quality, iv, d, a)
    return tuple(table)


# Register centres per part (MIDI pitch). The reference root of a chord is the instance of
# its root pitch class in [centre - 6, centre + 6); octave tokens count from there.
# Key scales for choosing tensions (see in_key_tension): major, and natural minor.
MAJOR_SCALE = (0, 2, 4, 5, 7, 9, 11)
MINOR_SCALE = (0, 2, 3, 5, 7, 8, 10)


def key_scale(tonic_pc, minor=False):
    """The pitch classes of a key: the major or natural minor scale on the tonic."""
    return frozenset((tonic_pc + iv) % 12 for iv in (MINOR_SCALE if minor else MAJOR_SCALE))


def in_key_tension(root_pc, quality, interval, scale):
    """An interval above the root, moved a semitone into the key when it is a tension (not a chord
    tone) that falls outside it. A quality's own scale is fixed (a major triad's 7th slot is the major
    seventh), but a player picks tensions from the key: over G in C the "seventh" is F, not F#; over
    E7 in C (V of vi) the ninth is F (b9); over F in C the eleventh is B (#11). Chord tones and
    notes already in the key are kept; so is everything when the key is unknown (scale None)."""
    if scale is None:
        return interval
    chord = {iv % 12 for iv in QUALITIES[quality][0]}
    if interval % 12 in chord or (root_pc + interval) % 12 in scale:
        return interval
    for step in (-1, 1):
        moved = interval + step
        if (root_pc + moved) % 12 in scale and moved % 12 not in chord:
            return moved
    return interval


REGISTER_CENTRES = {"bass": 43, "keys": 62, "pad": 62, "arp": 67, "melody": 69}
OCTAVE_MIN, OCTAVE_MAX = -3, 3


def reference_root(root_pc, part):
    centre = REGISTER_CENTRES[part]
    low = centre - 6
    return low + (root_pc - low) % 12


def midi_to_relative(midi, root_pc, quality, part):
    """MIDI pitch -> (octave, degree, alteration) over the chord; None if out of octave range."""
    rel = midi - reference_root(root_pc, part)
    d, a = spelling_table(quality)[rel % 12]
    octave = (rel - degree_semitones(quality, d, a)) // 12
    if not OCTAVE_MIN <= octave <= OCTAVE_MAX:
        return None
    return octave, d, a


def relative_to_midi(octave, degree, alteration, root_pc, quality, part):
    return reference_root(root_pc, part) + 12 * octave + degree_semitones(quality, degree, alteration)


# ---- chord label parsing into (root pc, interval set, bass interval) and classification ----

_NOTE = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
# Harte shorthands (Harte et al. 2005) as interval sets.
_HARTE = {
    "maj": (0, 4, 7), "min": (0, 3, 7), "dim": (0, 3, 6), "aug": (0, 4, 8),
    "maj7": (0, 4, 7, 11), "min7": (0, 3, 7, 10), "7": (0, 4, 7, 10), "dim7": (0, 3, 6, 9),
    "hdim7": (0, 3, 6, 10), "minmaj7": (0, 3, 7, 11), "maj6": (0, 4, 7, 9), "min6": (0, 3, 7, 9),
    "9": (0, 4, 7, 10, 2), "maj9": (0, 4, 7, 11, 2), "min9": (0, 3, 7, 10, 2),
    "11": (0, 4, 7, 10, 2, 5), "min11": (0, 3, 7, 10, 2, 5), "13": (0, 4, 7, 10, 2, 9),
    "maj13": (0, 4, 7, 11, 2, 9), "min13": (0, 3, 7, 10, 2, 9), "sus4": (0, 5, 7),
    "sus2": (0, 2, 7), "5": (0, 7), "1": (0,), "": (0, 4, 7),
}
# Degree names used in Harte added/omitted lists and bass: "b7", "#11", "3" ...
_DEGREE_SEMIS = {1: 0, 2: 2, 3: 4, 4: 5, 5: 7, 6: 9, 7: 11, 8: 12, 9: 14, 10: 16, 11: 17, 12: 19, 13: 21}


def note_pc(name):
    """'C', 'F#', 'Bb', 'Ebb', 'B-' (music21 flat) -> pitch class."""
    if not name or name[0].upper() not in _NOTE:
        raise ValueError(f"bad note name {name!r}")
    pc = _NOTE[name[0].upper()]
    for ch in name[1:]:
        if ch == "#":
            pc += 1
        elif ch in "b-":
            pc -= 1
        else:
            raise ValueError(f"bad note name {name!r}")
    return pc % 12


def harte_degree(text):
    """'b7' -> 10, '#11' -> 6, '3' -> 4 (semitones above the root, mod 12)."""
    acc = 0
    while text and text[0] in "b#":
        acc += -1 if text[0] == "b" else 1
        text = text[1:]
    if not text.isdigit() or int(text) not in _DEGREE_SEMIS:
        raise ValueError(f"bad degree {text!r}")
    return (_DEGREE_SEMIS[int(text)] + acc) % 12


def parse_harte(label):
    """Harte chord ('C:min7/b3', 'G:7(#9)', 'N', 'X') -> (root_pc, frozenset intervals, bass) or None."""
    label = label.strip()
    if label in ("N", "X", "&pause", ""):
        return None
    if ":" in label:
        root_txt, rest = label.split(":", 1)
    else:
        # A bare root means a major triad; it may carry a bass: 'C/5'.
        root_txt, rest = (label.split("/", 1) + [""])[:2] if "/" in label else (label, "")
        rest = ("maj/" + rest) if rest else "maj"
    root = note_pc(root_txt)
    bass = 0
    if "/" in rest:
        rest, bass_txt = rest.rsplit("/", 1)
        bass = harte_degree(bass_txt)
    added = ""
    if "(" in rest:
        i = rest.index("(")
        if not rest.endswith(")"):
            raise ValueError(f"unbalanced parentheses in {label!r}")
        rest, added = rest[:i], rest[i + 1:-1]
    if rest not in _HARTE:
        raise ValueError(f"unknown chord shorthand {rest!r} in {label!r}")
    intervals = set(_HARTE[rest])
    for item in filter(None, (x.strip() for x in added.split(","))):
        if item.startswith("*"):
            intervals.discard(harte_degree(item[1:]))
        else:
            intervals.add(harte_degree(item))
    return root, frozenset(intervals), bass


def classify(intervals):
    """An interval set (root = 0) -> the closest quality name in QUALITIES."""
    s = set(intervals)
    major, minor = 4 in s, 3 in s
    b7, maj7 = 10 in s, 11 in s
    if major and minor:  # a #9 over a major chord
        return "dom7alt" if b7 else "maj"
    if major:
        if 8 in s and 7 not in s:
            return "aug7" if b7 else "aug"
        if b7:
            if 1 in s or (8 in s and 7 in s):
                return "dom7alt"
            if 9 in s:
                return "dom13"
            if 2 in s:
                return "dom9"
            return "dom7"
        if maj7:
            return "maj9" if 2 in s else "maj7"
        if 9 in s:
            return "maj6"
        if 2 in s:
            return "add9"
        return "maj"
    if minor:
        if 6 in s and 7 not in s:
            if 9 in s and not b7:
                return "dim7"
            return "hdim7" if b7 else "dim"
        if maj7:
            return "minmaj7"
        if b7:
            if 5 in s:
                return "min11"
            return "min9" if 2 in s else "min7"
        if 9 in s:
            return "min6"
        return "min"
    if 5 in s:
        return "7sus4" if b7 else "sus4"
    if 2 in s:
        return "7sus4" if b7 else "sus2"
    if 8 in s and 7 not in s:
        return "aug"
    return "power"
