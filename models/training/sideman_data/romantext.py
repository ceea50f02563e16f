"""RomanText (.rntxt / When-in-Rome analysis.txt) reader: Roman numerals -> chord symbols.

Understood: header lines (Composer, Title, Analyst, Time Signature — also mid-file),
measure lines `m12 b2 I6 b3 a: V7/iv`, keys (`C:`, `a:`, `Bb:`, `f#:`, `B-:`), beats
(`b2.5`, compound metres count dotted beats), repeats `m19-20 = m17-18`, pickup `m0`,
figures (6, 64, 7, 65, 43, 42, 2, 9), qualities (o ° ø % +), secondary numerals (V7/V,
chains), Neapolitan (N6), augmented sixths (It6, Fr43, Ger65), Cad64, [no3]/[add9] style
additions (ignored but accepted). Variant lines (`m4var1`) and lettered alternate
measures beyond the first (`m28b`) are skipped. Barline marks (||, ||:, :||) are ignored.

Minor-key convention (as music21's default): vi/vii lowercase or diminished are the
raised degrees, VI/VII uppercase the natural ones.
"""

import re
from dataclasses import dataclass, field

from .errors import CorpusFileError
from .theory import QUALITIES, classify, note_pc

_MAJOR = (0, 2, 4, 5, 7, 9, 11)
_MINOR = (0, 2, 3, 5, 7, 8, 10)
_NUMERALS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}
_RN_RE = re.compile(
    r"^(?P<acc>[#b\-]*)(?P<num>VII|VI|IV|V|III|II|I|vii|vi|iv|v|iii|ii|i|N|It|Ger|Fr|Cad)"
    r"(?P<qual>[o°ø%+]?)(?P<fig>[0-9b#]*)(?P<extra>(\[[^\]]*\])*)(?P<sec>(/.+)?)$")
_KEY_RE = re.compile(r"^([A-Ga-g][#b\-]*):$")


@dataclass(frozen=True)
class RomanChord:
    offset: float  # quarters from the start of the measure
    key_tonic: int
    key_minor: bool
    root: int  # pitch class
    quality: str
    bass: int  # interval above the root
    figure: str  # the numeral as written


@dataclass
class RomanAnalysis:
    path: str
    title: str
    composer: str
    measures: dict = field(default_factory=dict)  # measure number -> [RomanChord]
    time_signatures: dict = field(default_factory=dict)  # measure number -> (num, den)
    skipped: list = field(default_factory=list)  # tokens not understood, with measure

    def chord_at(self, measure, offset):
        """The chord sounding at (measure, offset), looking back through earlier measures."""
        m = measure
        while m >= min(self.measures, default=0):
            for ch in reversed(self.measures.get(m, [])):
                if m < measure or ch.offset <= offset + 1e-9:
                    return ch
            m -= 1
        return None


def _time_signature(text):
    text = text.strip().lower().replace("slow", "").replace("fast", "").strip()
    if text in ("c", "common"):
        return (4, 4)
    if text in ("c|", "cut"):
        return (2, 2)
    m = re.search(r"(\d+)\s*/\s*(\d+)", text)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2))


def _beat_quarters(ts):
    num, den = ts
    if num % 3 == 0 and num > 3:
        return 3 * 4 / den  # compound metres count dotted beats (6/8: dotted quarter, 6/4: dotted half)
    return 4 / den


def parse_numeral(text, tonic, minor):
    """A Roman numeral in a key -> (root pc, quality, bass interval). Raises ValueError."""
    m = _RN_RE.match(text)
    if not m:
        raise ValueError(f"not a Roman numeral: {text!r}")
    if m.group("sec"):
        # Secondary: resolve the target's root in the current key; it becomes the local tonic.
        targets = m.group("sec")[1:].split("/")
        for target in reversed(targets):
            t = _RN_RE.match(target)
            if not t:
                raise ValueError(f"bad secondary target {target!r} in {text!r}")
            t_root, t_quality, _ = parse_numeral(target, tonic, minor)
            tonic, minor = t_root, t_quality in ("min", "min7", "dim", "hdim7", "dim7", "min6",
                                                 "minmaj7", "min9", "min11")
        text = text[:len(text) - len(m.group("sec"))]
        m = _RN_RE.match(text)
    acc, num, qual, fig = m.group("acc"), m.group("num"), m.group("qual"), m.group("fig")
    extra = m.group("extra") or ""
    figure_digits = re.match(r"\d*", fig).group(0)
    shift = sum(-1 if c in "b-" else 1 for c in acc)

    if num in ("It", "Ger", "Fr"):
        # Augmented sixths: built on the lowered sixth degree, heard as a (French: b5) dominant 7th.
        root = (tonic + 8) % 12
        return root, "dom7", 0
    if num == "N":
        return (tonic + 1) % 12, "maj", 4 if figure_digits in ("6", "") else 0
    if num == "Cad":
        return tonic, "min" if minor else "maj", 7

    degree = _NUMERALS[num.upper()]
    upper = num.isupper()
    if minor:
        if acc.startswith("#") or not acc:
            base = _MINOR[degree - 1]
            if not acc and degree in (6, 7) and (not upper or qual in ("o", "°", "ø", "%")):
                base += 1  # raised sixth/seventh in minor
            root = (tonic + base + (shift if acc else 0)) % 12
        else:
            root = (tonic + _MAJOR[degree - 1] + shift) % 12
    else:
        root = (tonic + _MAJOR[degree - 1] + shift) % 12

    seventh = figure_digits in ("7", "65", "43", "42", "2", "9", "11", "13", "643", "642", "742")
    if qual in ("o", "°"):
        intervals = {0, 3, 6} | ({9} if seventh else set())
    elif qual in ("ø", "%"):
        intervals = {0, 3, 6, 10}
        seventh = True
    elif qual == "+":
        intervals = {0, 4, 8} | ({10} if seventh else set())
    else:
        intervals = {0, 4, 7} if upper else {0, 3, 7}
        if seventh:
            if acc:
                intervals.add(10)  # chromatic roots: dominant / minor seventh by default
            else:
                scale = _MINOR if minor else _MAJOR
                sev_pc = (tonic + scale[(degree - 1 + 6) % 7]) % 12
                iv = (sev_pc - root) % 12
                intervals.add(iv if iv in (10, 11) else 10)
    if figure_digits in ("9",):
        intervals.add(2)
    if "add9" in extra and not seventh:
        intervals.add(2)
    quality = classify(intervals)
    chord = QUALITIES[quality][0]
    inversion = {"6": 1, "63": 1, "64": 2, "65": 1, "43": 2, "42": 3, "2": 3, "643": 2, "642": 3}.get(
        figure_digits, 0)
    bass = 0
    if inversion and inversion < len(chord):
        # chord members in stacked order: root, third, fifth, seventh
        stacked = [0] + [iv for iv in (3, 4, 2, 5) if iv in chord][:1]
        stacked += [iv for iv in (7, 6, 8) if iv in chord][:1]
        stacked += [iv for iv in (10, 11, 9) if iv in chord and iv not in stacked][:1]
        if inversion < len(stacked):
            bass = stacked[inversion]
    return root, quality, bass


def read_romantext(path):
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise CorpusFileError(path, f"cannot open: {e.strerror}")
    except UnicodeDecodeError:
        raise CorpusFileError(path, "not UTF-8 text")
    analysis = RomanAnalysis(path, "", "")
    ts = None
    tonic, minor = None, False
    seen_lettered = set()
    for lineno, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line:
            continue
        head = re.match(r"^([A-Za-z][A-Za-z ]*?):\s*(.*)$", line)
        if head and not line.startswith("m"):
            key, value = head.group(1).lower(), head.group(2)
            if key == "title":
                analysis.title = value
            elif key == "composer":
                analysis.composer = value
            elif key == "time signature":
                parsed = _time_signature(value)
                if parsed is None:
                    raise CorpusFileError(path, f"line {lineno}: bad time signature {value!r}")
                ts = parsed
            continue
        mm = re.match(r"^m(\d+)([a-z]?)(var\d+)?\b\s*(.*)$", line)
        if not mm:
            continue  # free text
        number, letter, variant, rest = int(mm.group(1)), mm.group(2), mm.group(3), mm.group(4)
        if variant:
            continue
        if rest.startswith("-") or rest.startswith("="):
            _copy_measures(path, lineno, analysis, number, rest)
            continue
        if letter:
            if number in seen_lettered:
                continue
            seen_lettered.add(number)
        if ts is None:
            ts = (4, 4)  # recoverable: assume common time and say so
            analysis.skipped.append((number, "no 'Time Signature:' line before the first measure; 4/4 assumed"))
        analysis.time_signatures[number] = ts
        chords = []
        beat = 1.0
        for tok in rest.split():
            if tok in ("||", "||:", ":||", "|", ":|", "|:"):
                continue
            bm = re.match(r"^b(\d+(?:\.\d+)?)$", tok)
            if bm:
                beat = float(bm.group(1))
                continue
            km = _KEY_RE.match(tok)
            if km:
                name = km.group(1)
                tonic, minor = note_pc(name), name[0].islower()
                continue
            if ":" in tok:  # key glued to the numeral: 'a:V7'
                name, _, tok = tok.partition(":")
                if not _KEY_RE.match(name + ":"):
                    analysis.skipped.append((number, tok))
                    continue
                tonic, minor = note_pc(name), name[0].islower()
            if tonic is None:
                raise CorpusFileError(path, f"line {lineno}: chord {tok!r} before any key")
            # Figures written with a slash ('IV6/4', 'V6/5') are figures, not secondary numerals.
            tok = re.sub(r"(\d)/(\d)$", r"\1\2", tok)
            try:
                root, quality, bass = parse_numeral(tok, tonic, minor)
            except (ValueError, KeyError):
                analysis.skipped.append((number, tok))
                continue
            offset = (beat - 1.0) * _beat_quarters(ts)
            chords.append(RomanChord(offset, tonic, minor, root, quality, bass, tok))
        analysis.measures[number] = chords
    if not analysis.measures:
        raise CorpusFileError(path, "no measure lines")
    return analysis


def _copy_measures(path, lineno, analysis, number, rest):
    """`m19-20 = m17-18` or `m19 = m17`: copy the analysis of earlier measures."""
    rest = re.sub(r"\s*(\|\||\|\|:|:\|\||\|)\s*$", "", rest)
    m = re.match(r"^(?:-(\d+))?\s*=\s*m?(\d+)(?:-(\d+))?\s*$", rest)
    if not m:
        raise CorpusFileError(path, f"line {lineno}: bad repeat line 'm{number}{rest}'")
    last = int(m.group(1)) if m.group(1) else number
    src_first = int(m.group(2))
    src_last = int(m.group(3)) if m.group(3) else src_first + (last - number)
    if src_last - src_first != last - number:
        raise CorpusFileError(path, f"line {lineno}: repeat ranges differ in length")
    for i in range(last - number + 1):
        src = src_first + i
        analysis.measures[number + i] = list(analysis.measures.get(src, []))
        if src in analysis.time_signatures:
            analysis.time_signatures[number + i] = analysis.time_signatures[src]
