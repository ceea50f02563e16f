"""Shared steps of role extraction: bars, quantisation to the token grid, chord timelines,
bass-line and texture analysis, and the record every extractor returns.

Notes arrive as Note(start, end, pitch, velocity) in quarter notes from the piece start.
"""

from dataclasses import dataclass, field
from typing import List, Optional

from . import theory
from .patterns import NO_CHORD, Bar, BarChord, Chord, DrumHit, PitchedNote
from .tokenizer import canonical_events


@dataclass(frozen=True)
class Note:
    start: float
    end: float
    pitch: int
    velocity: int


@dataclass
class BarSpan:
    start: float  # quarters
    length: float  # quarters actually taken (a pickup is short)
    ts: tuple  # time signature for the token (num, den)
    section: str = "none"
    number: str = ""


@dataclass
class PartRun:
    """Consecutive bars of one part in one piece: the unit that gets cut into examples."""
    part: str
    bars: List[Bar]
    activity: List[float]  # per bar, for energy levels
    first_bar: int  # index of the first bar in the piece
    energy_fixed: bool = False  # True when bars already carry their energy (project-authored)


@dataclass
class Piece:
    piece_id: str  # unique across sources; the split is decided by it
    source: str  # corpus folder, or "project" for project-authored
    files: List[str]  # paths as in manifest.tsv (and styles/*.yaml for project-authored)
    licences: List[str]
    style: str
    tempo_bucket: int
    key: Optional[int]
    runs: List[PartRun] = field(default_factory=list)
    project_authored: bool = False
    chord_source: str = "none"  # annotation | analysis | project | none
    title: str = ""
    split: Optional[str] = None  # forced split (Groove's own), else decided by piece id


def grid_snap(vocab, tick):
    """Nearest tick on the event grid (multiples of 3 or 4 at 24 per quarter)."""
    grid = vocab.grid
    # grid repeats every quarter; search locally.
    q, r = divmod(tick, vocab.ticks_per_quarter)
    base = q * vocab.ticks_per_quarter
    cands = [base + g for g in (0, 3, 4, 6, 8, 9, 12, 15, 16, 18, 20, 21, 24)]
    return min(cands, key=lambda c: (abs(c - tick), c))


def bar_index_of(bar_starts, t):
    import bisect
    return max(0, bisect.bisect_right(bar_starts, t + 1e-9) - 1)


def chords_to_bar(vocab, bar, chord_list):
    """[(offset quarters from bar start, Chord)] -> [BarChord] on the chord grid, first at 0.
    Two changes that snap to the same grid point: the later one wins."""
    length = vocab.bar_ticks(bar.ts)
    lead = max(0, length - round(bar.length * vocab.ticks_per_quarter))  # pickups sit at the bar's end
    step = vocab.chord_grid[0]
    out = []
    for off, chord in chord_list:
        tick = 0 if not out else round((lead + off * vocab.ticks_per_quarter) / step) * step
        if tick >= length:
            continue
        if out and tick <= out[-1].tick:
            out[-1] = BarChord(out[-1].tick, chord)
        else:
            out.append(BarChord(tick, chord))
    merged = []
    for bc in out:
        if not merged or merged[-1].chord != bc.chord:
            merged.append(bc)
    return merged or [BarChord(0, NO_CHORD)]


def pitched_events(vocab, part, notes, bars, bar_chords, max_micro=0):
    """Notes -> per-bar PitchedNote lists relative to each bar's chords (score data: micro 0).

    Notes starting on a bar's chord N.C. or outside the octave range are dropped."""
    import bisect
    tpq = vocab.ticks_per_quarter
    starts = [b.start for b in bars]
    per_bar = [[] for _ in bars]
    for n in notes:
        bi = bar_index_of(starts, n.start)
        bar = bars[bi]
        length = vocab.bar_ticks(bar.ts)
        lead = max(0, length - round(bar.length * tpq))  # pickups sit at the end of their bar
        exact = lead + (n.start - bar.start) * tpq
        tick = grid_snap(vocab, int(round(exact)))
        if tick >= length:
            # Rounded onto the next downbeat: it belongs there. Beyond that (an over-full
            # measure) the note has no place in this metre and is left out.
            if bi + 1 >= len(bars) or exact - length > 1.5:
                continue
            bi, tick = bi + 1, 0
            bar = bars[bi]
        chords = bar_chords[bi]
        ci = bisect.bisect_right([c.tick for c in chords], tick) - 1
        chord = chords[max(0, ci)].chord
        if chord.is_none:
            continue
        rel = theory.midi_to_relative(n.pitch, chord.root, chord.quality, part)
        if rel is None:
            continue
        dur = vocab.duration_value(max(1, round((n.end - n.start) * tpq)))
        per_bar[bi].append(PitchedNote(tick, rel[0], rel[1], rel[2], dur, vocab.velocity_value(n.velocity), 0))
    return [canonical_events(vocab, evs) for evs in per_bar]


def drum_events(vocab, hits, bars, human=True):
    """Drum hits (start quarters, gm note, velocity) -> per-bar DrumHit lists.

    Human data: each bar picks the 16th grid or the triplet grid (whichever fits its onsets
    better, with a preference for 16ths) and keeps the deviation as a micro offset."""
    tpq = vocab.ticks_per_quarter
    units = vocab.micro_units_per_tick
    starts = [b.start for b in bars]
    by_bar = [[] for _ in bars]
    for (t, note, vel) in hits:
        drum = vocab.drum_map.get(note)
        if drum is None:
            continue
        bi = bar_index_of(starts, t)
        by_bar[bi].append(((t - bars[bi].start) * tpq, drum, vel))
    out = [[] for _ in bars]
    for bi, items in enumerate(by_bar):
        if not items:
            continue
        length = vocab.bar_ticks(bars[bi].ts)
        if human:
            err16 = sum(abs(x - round(x / 6) * 6) for x, _, _ in items)
            err3 = sum(abs(x - round(x / 4) * 4) for x, _, _ in items)
            step = 4 if err3 < 0.75 * err16 else 6
        for x, drum, vel in items:
            if human:
                tick = int(round(x / step) * step)
                micro = int(round((x - tick) * units))
                micro = max(-12, min(12, micro))
                if abs(micro) <= 1:
                    micro = 0  # under ~5 ms at 120 bpm: not worth a token
            else:
                tick, micro = grid_snap(vocab, int(round(x))), 0
            target = bi
            if tick >= length:
                if bi + 1 >= len(bars):
                    continue
                target, tick = bi + 1, tick - length
            if tick < 0:
                tick, micro = 0, 0
            out[target].append(DrumHit(tick, drum, vocab.velocity_value(vel), micro))
    return [canonical_events(vocab, evs) for evs in out]


def activity(vocab, bar, events):
    """Raw energy of a bar: onsets per quarter times mean loudness (0..1)."""
    if not events:
        return 0.0
    quarters = vocab.bar_ticks(bar.time_signature) / vocab.ticks_per_quarter
    onsets = len({e.tick for e in events}) + 0.35 * len(events)
    loud = sum(e.velocity for e in events) / len(events) / 127.0
    return onsets / quarters * (0.4 + loud)


def bass_line(notes, bars, beat_of):
    """The lowest line: at each onset, the lowest note starting there, kept only if it is the
    lowest onset within its beat (so Alberti and broken-chord figures keep their bass note).
    Returns (bass notes, remaining notes)."""
    if not notes:
        return [], []
    by_onset = {}
    for n in notes:
        by_onset.setdefault(round(n.start, 4), []).append(n)
    onsets = sorted(by_onset)
    lowest = {t: min(by_onset[t], key=lambda n: n.pitch) for t in onsets}
    beat_min = {}
    for t in onsets:
        b = beat_of(t)
        beat_min[b] = min(beat_min.get(b, 999), lowest[t].pitch)
    chosen = [t for t in onsets if lowest[t].pitch == beat_min[beat_of(t)] and lowest[t].pitch < 62]
    # Keep only the first of equal-pitch picks inside one beat.
    picked, seen = [], set()
    for t in chosen:
        key = (beat_of(t), lowest[t].pitch)
        if key in seen:
            continue
        seen.add(key)
        picked.append(t)
    bass, used = [], set()
    for i, t in enumerate(picked):
        n = lowest[t]
        nxt = picked[i + 1] if i + 1 < len(picked) else n.end
        end = max(n.end, min(nxt, t + 1.0))
        bass.append(Note(n.start, end, n.pitch, n.velocity))
        used.add(id(n))
    rest = [n for n in notes if id(n) not in used]
    return bass, rest


def texture(vocab, bar, events):
    """'pad', 'arp' or 'keys' for an accompaniment bar (None when empty)."""
    if not events:
        return None
    quarters = vocab.bar_ticks(bar.time_signature) / vocab.ticks_per_quarter
    onsets = len({e.tick for e in events})
    per_onset = len(events) / onsets
    mean_dur = sum(e.duration for e in events) / len(events) / vocab.ticks_per_quarter
    if onsets <= max(1, quarters / 3) and mean_dur >= quarters / 2 and per_onset >= 2:
        return "pad"
    if per_onset <= 1.3 and onsets >= 1.5 * quarters:
        return "arp"
    return "keys"


def runs_by_label(labels):
    """[(label, first, last_exclusive)] for consecutive equal labels (None ends a run)."""
    out, start = [], None
    for i, lab in enumerate(labels + [None]):
        if start is not None and (lab != labels[start] if i < len(labels) else True):
            out.append((labels[start], start, i))
            start = None
        if start is None and i < len(labels) and lab is not None:
            start = i
    return out


def block_labels(labels, block=4):
    """One label per block of `block` bars (the most common non-empty one; ties prefer
    'keys'), so a texture is judged by phrase rather than by single bars. Empty bars
    (None) stay empty."""
    out = list(labels)
    for b0 in range(0, len(labels), block):
        seg = [x for x in labels[b0:b0 + block] if x is not None]
        if not seg:
            continue
        counts = {x: seg.count(x) for x in seg}
        top = max(counts.values())
        winner = "keys" if counts.get("keys") == top else sorted(x for x in counts if counts[x] == top)[0]
        for i in range(b0, min(b0 + block, len(labels))):
            if labels[i] is not None:
                out[i] = winner
    return out


def make_run(vocab, part, bars, events_per_bar, chords_per_bar, first, last):
    pattern_bars, acts = [], []
    for i in range(first, last):
        bar = Bar(bars[i].ts, bars[i].section, 0,
                  list(chords_per_bar[i]) if part != "drums" else [], events_per_bar[i])
        pattern_bars.append(bar)
        acts.append(activity(vocab, bar, events_per_bar[i]))
    return PartRun(part, pattern_bars, acts, first)


def supported_ts(vocab, ts):
    return tuple(ts) in vocab.ts_id


def chord_from_analysis(root, quality, bass):
    return Chord(root, quality, bass)


def normalize_bars(vocab, bars):
    """Bars whose time signature the vocabulary lacks become equal shorter bars it has
    (4/2 -> 2 x 2/2, 9/4 -> 3 x 3/4, 8/8 -> 4/4, 10/8 -> 2 x 5/8). Others are left alone and
    end runs later."""
    out = []
    for b in bars:
        if supported_ts(vocab, b.ts):
            out.append(b)
            continue
        num, den = b.ts
        same = next(((num * f // g, den * f // g) for f, g in ((1, 2), (2, 1))
                     if (num * f) % g == 0 and (den * f) % g == 0
                     and supported_ts(vocab, (num * f // g, den * f // g))), None)
        if same:
            out.append(BarSpan(b.start, b.length, same, b.section, b.number))
            continue
        parts = next((k for k in (2, 3, 4) if num % k == 0 and supported_ts(vocab, (num // k, den))), None)
        if parts is None:
            out.append(b)
            continue
        sub_ts = (num // parts, den)
        sub = sub_ts[0] * 4 / den
        # Split from the end, so a pickup keeps its short first piece.
        pieces, end = [], b.start + b.length
        while end - b.start > 1e-6:
            start = max(b.start, end - sub)
            pieces.append(BarSpan(start, end - start, sub_ts, b.section, b.number))
            end = start
        out.extend(reversed(pieces))
    return out
