"""MusicXML reader (.musicxml/.xml and compressed .mxl), partwise scores.

What it understands: parts and their staves, voices (backup/forward), chords, ties
(tied notes merge into one), tuplets (through <duration>, which already carries them),
divisions changing mid-part, grace and cue notes (skipped: they take no time), time and key
signatures, pickup (implicit) measures, repeats and volta endings (recorded per measure so
the caller can decide how to unroll), tempo and dynamics from <sound>.

Positions are in quarter notes from the start of the score, as exact Fractions.
Damage raises CorpusFileError naming the file and the problem.
"""

import zipfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from fractions import Fraction

from .errors import CorpusFileError

_STEP = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}


@dataclass(frozen=True)
class ScoreNote:
    start: Fraction  # quarters from score start
    duration: Fraction  # quarters, > 0
    pitch: int  # MIDI number
    velocity: int
    staff: int
    voice: str


@dataclass
class ScorePart:
    id: str
    name: str
    staves: int = 1
    notes: list = field(default_factory=list)


@dataclass
class Measure:
    index: int  # 0-based position in the written score
    number: str  # the number attribute as written
    start: Fraction  # quarters
    length: Fraction  # quarters actually taken (pickups are short)
    time_signature: tuple  # (numerator, denominator) in force
    implicit: bool = False
    repeat_forward: bool = False
    repeat_backward: bool = False
    endings: tuple = ()  # volta numbers this measure belongs to, e.g. (1,) or (1, 2)


@dataclass
class Score:
    path: str
    title: str
    parts: list
    measures: list
    key_signatures: list  # [(quarter, fifths, mode)]
    tempos: list  # [(quarter, bpm)]


def read_musicxml(path):
    """Read a .mxl (zip) or plain MusicXML file into a Score."""
    path = str(path)
    try:
        if path.lower().endswith(".mxl"):
            with zipfile.ZipFile(path) as z:
                xml_bytes = z.read(_root_file(path, z))
        else:
            with open(path, "rb") as f:
                xml_bytes = f.read()
    except zipfile.BadZipFile:
        raise CorpusFileError(path, "not a valid .mxl (zip) archive")
    except KeyError as e:
        raise CorpusFileError(path, f"archive member missing: {e}")
    except OSError as e:
        raise CorpusFileError(path, f"cannot open: {e.strerror}")
    try:
        root = ET.fromstring(xml_bytes)
    except ET.ParseError as e:
        raise CorpusFileError(path, f"XML is not well-formed: {e}")
    if root.tag == "score-timewise":
        raise CorpusFileError(path, "timewise MusicXML is not supported (only score-partwise)")
    if root.tag != "score-partwise":
        raise CorpusFileError(path, f"root element is <{root.tag}>, expected <score-partwise>")
    return _parse_partwise(path, root)


def _root_file(path, z):
    names = z.namelist()
    if "META-INF/container.xml" in names:
        container = ET.fromstring(z.read("META-INF/container.xml"))
        for rf in container.iter("rootfile"):
            full = rf.get("full-path")
            if full and full in names:
                return full
    candidates = [n for n in names if n.endswith((".xml", ".musicxml")) and not n.startswith("META-INF")]
    if not candidates:
        raise CorpusFileError(path, "archive holds no MusicXML score")
    return candidates[0]


def _text(el, tag, default=None):
    child = el.find(tag)
    return child.text.strip() if child is not None and child.text else default


def _parse_partwise(path, root):
    title = _text(root, "movement-title") or _text(root.find("work") if root.find("work") is not None
                                                  else root, "work-title", "")
    names = {sp.get("id"): (_text(sp, "part-name", "") or "") for sp in root.iter("score-part")}
    part_elements = root.findall("part")
    if not part_elements:
        raise CorpusFileError(path, "score has no <part>")

    # Pass 1: per part, per written measure, content length and attributes.
    parsed = [_parse_part(path, p, names.get(p.get("id"), "")) for p in part_elements]
    n_measures = max(len(p[1]) for p in parsed)
    if n_measures == 0:
        raise CorpusFileError(path, "score has no measures")

    # The timeline comes from all parts: nominal length from the time signature,
    # except pickups (implicit) and over-full measures, which take their content length.
    measures, start = [], Fraction(0)
    for i in range(n_measures):
        infos = [p[1][i] for p in parsed if i < len(p[1])]
        ts = infos[0]["ts"]
        nominal = Fraction(4 * ts[0], ts[1])
        content = max(info["content"] for info in infos)
        implicit = any(info["implicit"] for info in infos)
        if implicit and content > 0:
            length = content
        else:
            length = max(nominal, content)
        first = infos[0]
        measures.append(Measure(i, first["number"], start, length, ts, implicit and content < nominal,
                                any(x["fwd"] for x in infos), any(x["bwd"] for x in infos),
                                first["endings"]))
        start += length

    parts, keys, tempos = [], [], []
    for part_el, (part, infos, raw_notes) in zip(part_elements, parsed):
        part.notes = _merge_ties(raw_notes, measures)
        parts.append(part)
        for mi, info in enumerate(infos):
            for off, fifths, mode in info["keys"]:
                keys.append((measures[mi].start + off, fifths, mode))
            for off, bpm in info["tempos"]:
                tempos.append((measures[mi].start + off, bpm))
    keys = sorted(set(keys))
    tempos = sorted(set(tempos))
    return Score(path, title or "", parts, measures, keys, tempos)


def _parse_part(path, part_el, name):
    part = ScorePart(part_el.get("id", "?"), name)
    divisions = 1
    ts = (4, 4)
    velocity = 80
    infos, raw = [], []
    for mi, m in enumerate(part_el.findall("measure")):
        info = {"number": m.get("number", str(mi + 1)), "implicit": m.get("implicit") == "yes",
                "fwd": False, "bwd": False, "endings": (), "keys": [], "tempos": []}
        pos = Fraction(0)
        high = Fraction(0)
        last_start = Fraction(0)
        for el in m:
            tag = el.tag
            if tag == "attributes":
                d = _text(el, "divisions")
                if d:
                    try:
                        divisions = int(float(d))
                    except ValueError:
                        raise CorpusFileError(path, f"part {part.id} measure {info['number']}: "
                                                    f"bad <divisions> {d!r}")
                    if divisions <= 0:
                        raise CorpusFileError(path, f"part {part.id} measure {info['number']}: "
                                                    f"<divisions> must be positive, got {d}")
                st = _text(el, "staves")
                if st and st.isdigit():
                    part.staves = int(st)
                t = el.find("time")
                if t is not None:
                    ts = _time_signature(t, ts)
                k = el.find("key")
                if k is not None and _text(k, "fifths") is not None:
                    try:
                        info["keys"].append((pos, int(_text(k, "fifths")), _text(k, "mode", "major")))
                    except ValueError:
                        pass
            elif tag == "note":
                dur_text = _text(el, "duration")
                if el.find("grace") is not None or el.find("cue") is not None or dur_text is None:
                    continue
                try:
                    dur = Fraction(int(float(dur_text)), divisions)
                except ValueError:
                    raise CorpusFileError(path, f"part {part.id} measure {info['number']}: "
                                                f"bad note <duration> {dur_text!r}")
                if el.find("chord") is not None:
                    start = last_start
                else:
                    start = pos
                    pos += dur
                last_start = start
                high = max(high, pos, start + dur)
                p = el.find("pitch")
                if p is None or dur <= 0:
                    continue  # rests and unpitched notes
                pitch = _pitch(path, part.id, info["number"], p)
                note_vel = el.get("dynamics")
                vel = velocity
                if note_vel:
                    try:
                        vel = _velocity(float(note_vel))
                    except ValueError:
                        pass
                staff = int(_text(el, "staff", "1")) if (_text(el, "staff", "1") or "1").isdigit() else 1
                ties = [t.get("type") for t in el.findall("tie")]
                raw.append((mi, start, dur, pitch, vel, staff, _text(el, "voice", "1"),
                            "start" in ties, "stop" in ties))
            elif tag == "backup":
                pos -= _duration(path, part.id, info, el, divisions)
                if pos < 0:
                    pos = Fraction(0)
            elif tag == "forward":
                pos += _duration(path, part.id, info, el, divisions)
                high = max(high, pos)
            elif tag == "direction":
                for s in el.iter("sound"):
                    _sound(s, pos, info)
                    if s.get("dynamics"):
                        try:
                            velocity = _velocity(float(s.get("dynamics")))
                        except ValueError:
                            pass
            elif tag == "sound":
                _sound(el, pos, info)
            elif tag == "barline":
                rep = el.find("repeat")
                if rep is not None:
                    if rep.get("direction") == "forward":
                        info["fwd"] = True
                    elif rep.get("direction") == "backward":
                        info["bwd"] = True
                end = el.find("ending")
                if end is not None and end.get("number"):
                    nums = tuple(int(x) for x in end.get("number").replace(" ", "").split(",")
                                 if x.isdigit())
                    if nums:
                        info["endings"] = nums
        info["content"] = high
        info["ts"] = ts
        infos.append(info)
    _spread_endings(part_el, infos)
    return part, infos, raw


def _spread_endings(part_el, infos):
    """An <ending> starts in one measure and stops in a later one: mark the measures between."""
    current = ()
    for m, info in zip(part_el.findall("measure"), infos):
        starts, stops = None, False
        for bl in m.findall("barline"):
            end = bl.find("ending")
            if end is None:
                continue
            if end.get("type") == "start":
                starts = info["endings"]
            if end.get("type") in ("stop", "discontinue"):
                stops = True
        if starts:
            current = starts
        info["endings"] = current
        if stops:
            current = ()


def _time_signature(t, previous):
    beats, beat_type = _text(t, "beats"), _text(t, "beat-type")
    try:
        # Composite signatures like "3+2" add up.
        num = sum(int(x) for x in beats.split("+"))
        den = int(beat_type)
        if num > 0 and den > 0:
            return (num, den)
    except (AttributeError, ValueError):
        pass
    return previous


def _pitch(path, part_id, number, p):
    step = _text(p, "step")
    octave = _text(p, "octave")
    if step not in _STEP or octave is None:
        raise CorpusFileError(path, f"part {part_id} measure {number}: bad pitch (step {step!r}, "
                                    f"octave {octave!r})")
    try:
        alter = round(float(_text(p, "alter", "0")))
        return (int(octave) + 1) * 12 + _STEP[step] + alter
    except ValueError:
        raise CorpusFileError(path, f"part {part_id} measure {number}: bad octave/alter in pitch")


def _duration(path, part_id, info, el, divisions):
    d = _text(el, "duration")
    try:
        return Fraction(int(float(d)), divisions)
    except (TypeError, ValueError):
        raise CorpusFileError(path, f"part {part_id} measure {info['number']}: "
                                    f"<{el.tag}> without a valid <duration>")


def _sound(s, pos, info):
    if s.get("tempo"):
        try:
            bpm = float(s.get("tempo"))
            if 10 <= bpm <= 400:
                info["tempos"].append((pos, bpm))
        except ValueError:
            pass


def _velocity(dynamics_percent):
    # MusicXML: dynamics are a percentage of the MIDI velocity of forte (90).
    return max(1, min(127, round(dynamics_percent * 90 / 100)))


def _merge_ties(raw, measures):
    """Turn written notes into sounding notes: a tie-start joins the next note of the same pitch
    on the same staff that starts where it ends."""
    notes = []
    open_ties = {}  # (staff, pitch) -> index into notes
    for (mi, off, dur, pitch, vel, staff, voice, tie_start, tie_stop) in sorted(
            raw, key=lambda x: (measures[x[0]].start + x[1], x[3])):
        start = measures[mi].start + off
        key = (staff, pitch)
        if tie_stop and key in open_ties:
            idx = open_ties[key]
            prev = notes[idx]
            if prev.start + prev.duration == start:
                notes[idx] = ScoreNote(prev.start, prev.duration + dur, pitch, prev.velocity, staff, prev.voice)
                if not tie_start:
                    del open_ties[key]
                continue
        notes.append(ScoreNote(start, dur, pitch, vel, staff, voice))
        if tie_start:
            open_ties[key] = len(notes) - 1
        else:
            open_ties.pop(key, None)
    notes.sort(key=lambda n: (n.start, n.pitch))
    return notes
