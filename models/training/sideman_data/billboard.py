"""McGill Billboard `salami_chords.txt` reader.

Format (Burgoyne et al. 2011): a header of `# title:`, `# artist:`, `# metre:`, `# tonic:`
lines (metre and tonic may change later in the file), then one line per phrase:
    <seconds> \t [letter,] [section name,] | chord ... | chord | [xN], [(instrument ...)] [->]
Each `| ... |` cell is one bar. Inside a bar, chords share the bar equally unless
`.` placeholders say otherwise (`| C . . G |` = C for 3 beats, G for 1); offsets are kept as
fractions of the bar, so compound metres need no special case. `(2/4)` before a
bar's chords gives that bar its own metre. `xN` repeats the phrase's bars N times.

Output: a list of BillboardBar with chords as (bar fraction, Harte label), the metre,
the tonic pitch class, the section label and the time of the phrase.
"""

import re
from dataclasses import dataclass

from .errors import CorpusFileError
from .theory import note_pc, parse_harte

SECTION_MAP = {
    "intro": "intro", "pre-intro": "intro", "intro-a": "intro", "intro-b": "intro", "fadein": "intro",
    "verse": "verse", "pre-verse": "verse", "vocal": "verse", "spoken": "verse",
    "prechorus": "prechorus", "pre-chorus": "prechorus",
    "chorus": "chorus", "refrain": "chorus",
    "bridge": "bridge",
    "solo": "solo", "instrumental": "solo", "interlude": "solo", "theme": "solo",
    "trans": "fill", "transition": "fill", "modulation": "fill",
    "outro": "outro", "coda": "outro", "fadeout": "outro", "ending": "outro",
}


@dataclass
class BillboardBar:
    chords: list  # [(offset as a fraction of the bar, Harte label)], first at 0
    metre: tuple  # (numerator, denominator)
    tonic: int  # pitch class
    section: str  # one of the vocab sections
    section_index: int  # increases at each new section instance
    time: float  # seconds at the start of the phrase holding this bar
    phrase_index: int


@dataclass
class BillboardSong:
    path: str
    title: str
    artist: str
    bars: list
    tempo_bpm: float  # estimated from the phrase timestamps (0 if unknown)


_TIME_RE = re.compile(r"^\s*([0-9.eE+-]+)\s+(.*)$")
_METRE_RE = re.compile(r"^\((\d+)/(\d+)\)$")


def read_billboard(path):
    path = str(path)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise CorpusFileError(path, f"cannot open: {e.strerror}")
    except UnicodeDecodeError:
        raise CorpusFileError(path, "not UTF-8 text")
    title = artist = ""
    metre, tonic = None, None
    bars, phrase_spans, line_times = [], [], []
    section, section_index = "none", -1
    letter_sections = {}
    previous_chord = None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            key, value = key.strip().lower(), value.strip()
            if key == "title":
                title = value
            elif key == "artist":
                artist = value
            elif key == "metre":
                metre = _parse_metre(path, lineno, value)
            elif key == "tonic":
                try:
                    tonic = note_pc(value)
                except ValueError:
                    raise CorpusFileError(path, f"line {lineno}: bad tonic {value!r}")
            continue
        m = _TIME_RE.match(line)
        if not m:
            raise CorpusFileError(path, f"line {lineno}: expected '<seconds><TAB><content>'")
        try:
            time = float(m.group(1))
        except ValueError:
            raise CorpusFileError(path, f"line {lineno}: bad timestamp {m.group(1)!r}")
        content = m.group(2)
        line_times.append(time)
        if "|" not in content:
            phrase_spans.append((time, 0))
            continue  # silence, end, Z (noise) lines
        if metre is None or tonic is None:
            raise CorpusFileError(path, f"line {lineno}: bars before '# metre' and '# tonic' lines")
        head, first_bar = content.split("|", 1)
        last_bar = first_bar.rfind("|")
        tail = first_bar[last_bar + 1:]
        cells = first_bar[:last_bar].split("|")
        # Leading items: optional section letter, optional section name.
        letter, name = None, None
        for item in [x.strip() for x in head.split(",") if x.strip()]:
            if re.fullmatch(r"[A-Z]'*", item):
                letter = item
            elif re.fullmatch(r"[a-zA-Z][a-zA-Z-]*", item):
                name = SECTION_MAP.get(item.lower(), "none")
        if letter is not None or name is not None:
            section_index += 1
            if name is not None:
                section = name
            elif letter in letter_sections:
                section = letter_sections[letter]
            if letter is not None:
                letter_sections[letter] = section
        repeat = 1
        rep = re.search(r"\bx(\d+)\b", tail)
        if rep:
            repeat = int(rep.group(1))
        phrase_index = len(phrase_spans)
        phrase_bars = []
        for cell in cells:
            bar, previous_chord = _parse_bar(path, lineno, cell, metre, previous_chord)
            if bar is None:
                continue
            chords, bar_metre = bar
            phrase_bars.append(BillboardBar(chords, bar_metre, tonic, section, section_index, time,
                                            phrase_index))
        for _ in range(repeat):
            bars.extend(BillboardBar(b.chords, b.metre, b.tonic, b.section, b.section_index, b.time,
                                     b.phrase_index) for b in phrase_bars)
        phrase_spans.append((time, len(phrase_bars) * repeat))
    if not bars:
        raise CorpusFileError(path, "no bars found")
    return BillboardSong(path, title, artist, bars, _estimate_tempo(phrase_spans, bars))


def _parse_metre(path, lineno, value):
    m = re.fullmatch(r"(\d+)/(\d+)", value.strip())
    if not m or int(m.group(1)) == 0 or int(m.group(2)) == 0:
        raise CorpusFileError(path, f"line {lineno}: bad metre {value!r}")
    return int(m.group(1)), int(m.group(2))


def _parse_bar(path, lineno, cell, metre, previous_chord):
    items = cell.split()
    if not items:
        return None, previous_chord
    bar_metre = metre
    mm = _METRE_RE.match(items[0])
    if mm:
        bar_metre = (int(mm.group(1)), int(mm.group(2)))
        items = items[1:]
        if not items:
            return None, previous_chord
    slots = []
    for it in items:
        if it == ".":
            if not slots:
                # A bar starting with '.' continues the previous chord.
                slots.append(previous_chord or "N")
            slots.append(None)
        elif it in ("*", "&pause"):
            slots.append("N")
        else:
            try:
                parse_harte(it)
            except ValueError as e:
                raise CorpusFileError(path, f"line {lineno}: bad chord {it!r}: {e}")
            slots.append(it)
    if not slots:
        return None, previous_chord
    # With '.' placeholders each symbol is one beat; otherwise chords split the bar evenly.
    n = len(slots)
    chords = []
    for i, s in enumerate(slots):
        if s is None:
            continue
        offset = i / n
        if chords and chords[-1][1] == s:
            continue
        chords.append((offset, s))
    return (chords, bar_metre), chords[-1][1]


def _estimate_tempo(phrase_times, bars):
    """Median quarter-note tempo from phrases' durations and bar counts."""
    rates = []
    for (t0, n0), (t1, _) in zip(phrase_times, phrase_times[1:]):
        if n0 > 0 and t1 > t0:
            rates.append((t1 - t0) / n0)
    if not rates:
        return 0.0
    rates.sort()
    seconds_per_bar = rates[len(rates) // 2]
    num, den = bars[0].metre
    quarters = num * 4 / den
    return 60.0 * quarters / seconds_per_bar if seconds_per_bar > 0 else 0.0
