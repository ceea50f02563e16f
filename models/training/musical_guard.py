"""The musical guard's rules: does a generated bar break its part's own rules?

The same rules as src/Sideman.Model/Decoding/MusicalRules.cs (the C# generator's guard); both are
tested against tests/fixtures/guard/musical_guard_cases.json, so they agree bar for bar. generate.py
applies them behind --musical-guard: a bar that breaks a rule is resampled, and when every try
breaks one the try with the lowest score is kept.

Rules (pitched parts; drums are not checked; a note is judged against the chord sounding at its
onset, notes under N.C. are skipped; "chord tones" include a slash chord's bass):

- beat one (bass, every style): a bar whose chord at tick 0 is not N.C. needs a note at tick 0 (any
  micro-timing) whose pitch class is the chord's bass (its root, or the slash bass: C/B wants B),
  or such a note sounding across the bar line from the bar before (an anticipation). Under a
  plain chord a miss is tolerated when none of the previous BEAT_ONE_GRACE bars with a chord missed
  (grace 0: never); under a slash chord never (it tells the bass what to play): a rest on one now
  and then is idiomatic, several in a row is the fault to recover from. A song starts from
  SONG_START, as if every recent bar had missed, so its first BEAT_ONE_GRACE bars state the one.
- strong beats (bass, keys, pad, arp): a note on a strong beat of the metre (strong_ticks) must be a
  chord tone or, for keys, pad and arp, a colour: the 9th or 6th, the 11th over a minor third, the
  7th over a chord without one; a colour must also lie in the key's scale when the mode is known
  (so F# over G in C is a fault, B over C is not). The bass gets no colours.
- out of key (every pitched part): a note that is neither a chord tone nor in the key's scale; no
  chromatic passing or approach note is excused (issue 11 holds every style to 2% of such notes).
  Needs the mode; the key token gives only the tonic, so the mode is read from the first chord on
  the tonic (minor third: minor; major third: major; else unknown). Major = the major scale (a flat
  seventh is a chord tone of a dominant chord, not a key note); minor = natural minor plus the
  major sixth and seventh (dorian, harmonic and melodic minor).

Score: beat-one fault SCORE_BEAT_ONE, each strong-beat note SCORE_STRONG, each out-of-key note
SCORE_OUT_OF_KEY. A bar passes with score 0.
"""
from __future__ import annotations

from dataclasses import dataclass

from sideman_data.theory import QUALITIES, degree_semitones

BEAT_ONE_GRACE = 5  # at most one bar in six off the one: issue 11 asks for it in 80% of bars
SCORE_BEAT_ONE = 4
SCORE_STRONG = 2
SCORE_OUT_OF_KEY = 1

MAJOR_KEY = frozenset({0, 2, 4, 5, 7, 9, 11})
MINOR_KEY = frozenset({0, 2, 3, 5, 7, 8, 10, 9, 11})
REGISTER_CENTRES = {"bass": 43, "keys": 62, "pad": 62, "arp": 67, "melody": 69}
COLOUR_PARTS = frozenset({"keys", "pad", "arp"})
STRONG_PARTS = frozenset({"bass", "keys", "pad", "arp"})


@dataclass(frozen=True)
class Memory:
    """What the guard remembers of the kept bars before this one."""
    carry: frozenset = frozenset()  # pitch classes sounding across the last bar line
    misses: int = 0  # bit i: the (i+1)-th most recent bar with a chord missed beat one
    mode: str | None = None  # "major", "minor" or None (not known yet)


# Before a song's first bar: every recent bar counts as a miss, so no miss is tolerated until the bass has
# stated the one for BEAT_ONE_GRACE bars (C#: MusicalMemory.SongStart).
SONG_START = Memory(misses=0xFF)


@dataclass(frozen=True)
class Verdict:
    beat_one_miss: bool = False  # beat one missed (tolerated or not)
    beat_one: bool = False  # ... and not tolerated: a fault
    strong: int = 0  # strong-beat notes that are neither chord tones nor colours
    out_of_key: int = 0  # non-chord tones outside the key's scale

    @property
    def score(self) -> int:
        return SCORE_BEAT_ONE * self.beat_one + SCORE_STRONG * self.strong + SCORE_OUT_OF_KEY * self.out_of_key


def bar_ticks(ts) -> int:
    num, den = ts
    return num * 96 // den


def strong_ticks(ts) -> tuple:
    """Beat one and the start of each further beat group: 4/4 -> 1, 3; 6/8 -> 1, 4; 5/4 (3+2) -> 1, 4."""
    num, den = ts
    beat = 96 // den
    if den == 8:
        groups = {6: (0, 3), 9: (0, 3, 6), 12: (0, 6)}.get(num, (0,))
    else:
        groups = {4: (0, 2), 5: (0, 3), 6: (0, 3), 7: (0, 4)}.get(num, (0,))
    return tuple(g * beat for g in groups)


def chord_at(chords, tick):
    cur = None
    for bc in chords:
        if bc.tick <= tick:
            cur = bc.chord
    return cur


def interval_of(chord, note) -> int:
    return degree_semitones(chord.quality, note.degree, note.alteration) % 12


def chord_tones(chord) -> frozenset:
    return frozenset(QUALITIES[chord.quality][0]) | {chord.bass}


def midi_of(chord, note, centre) -> int:
    low = centre - 6
    ref = low + (chord.root - low) % 12
    return ref + 12 * note.octave + degree_semitones(chord.quality, note.degree, note.alteration)


def mode_after(mode, tonic, chords):
    if mode is not None or tonic is None:
        return mode
    for bc in chords:
        c = bc.chord
        if c.is_none or c.root != tonic:
            continue
        tones = QUALITIES[c.quality][0]
        if 4 in tones:
            return "major"
        if 3 in tones:
            return "minor"
    return mode


def key_scale(mode, tonic):
    if mode is None:
        return None
    base = MAJOR_KEY if mode == "major" else MINOR_KEY
    return frozenset((tonic + s) % 12 for s in base)


def is_colour(part, chord, iv, pc, scale) -> bool:
    if part not in COLOUR_PARTS:
        return False
    tones = QUALITIES[chord.quality][0]
    colour = iv in (2, 9) or (iv == 5 and 3 in tones and 4 not in tones) \
        or (iv in (10, 11) and 10 not in tones and 11 not in tones)
    return colour and (scale is None or pc in scale)


def beat_one_hit(bar, chord, carry) -> bool:
    target = (chord.root + chord.bass) % 12
    if target in carry:
        return True
    for e in bar.events:
        if e.tick == 0 and (chord.root + interval_of(chord, e)) % 12 == target:
            return True
    return False


def check(part: str, style: str, tonic, bar, memory: Memory, grace: int = BEAT_ONE_GRACE) -> Verdict:
    """The verdict on `bar` (a decoded sideman_data.patterns.Bar) after the kept bars summed up in `memory`."""
    if part == "drums":
        return Verdict()
    mode = mode_after(memory.mode, tonic, bar.chords)
    scale = key_scale(mode, tonic)
    ts = tuple(bar.time_signature)
    strong = strong_ticks(ts)
    miss = tolerated = False
    first = chord_at(bar.chords, 0)
    if part == "bass" and first is not None and not first.is_none:
        miss = not beat_one_hit(bar, first, memory.carry)
        tolerated = miss and first.bass == 0 and grace > 0 and (memory.misses & ((1 << grace) - 1)) == 0
    notes = [(e, chord_at(bar.chords, e.tick)) for e in bar.events]
    notes = [(e, c) for e, c in notes if c is not None and not c.is_none]
    n_strong = n_key = 0
    for e, c in notes:
        iv = interval_of(c, e)
        if iv in chord_tones(c):
            continue
        pc = (c.root + iv) % 12
        on_strong = e.tick in strong
        if on_strong and part in STRONG_PARTS and not is_colour(part, c, iv, pc, scale):
            n_strong += 1
        if scale is not None and pc not in scale:
            n_key += 1
    return Verdict(miss, miss and not tolerated, n_strong, n_key)


def remember(part: str, tonic, bar, memory: Memory, verdict: Verdict) -> Memory:
    """The memory after keeping `bar` (whose check gave `verdict`)."""
    if part == "drums":
        return memory
    mode = mode_after(memory.mode, tonic, bar.chords)
    first = chord_at(bar.chords, 0)
    misses = memory.misses
    if part == "bass" and first is not None and not first.is_none:
        misses = ((misses << 1) | int(verdict.beat_one_miss)) & 0xFF
    end = bar_ticks(tuple(bar.time_signature))
    carry = set()
    for e in bar.events:
        c = chord_at(bar.chords, e.tick)
        if c is not None and not c.is_none and e.tick + e.duration > end:
            carry.add((c.root + interval_of(c, e)) % 12)
    return Memory(frozenset(carry), misses, mode)


def from_midi(midi: int, chord, centre: int):
    """The canonical (octave, degree, alteration) of a MIDI note over `chord`, or None outside octaves -3..3."""
    from sideman_data.theory import spelling_table
    low = centre - 6
    rel = midi - (low + (chord.root - low) % 12)
    degree, alteration = spelling_table(chord.quality)[rel % 12]
    octave = (rel - degree_semitones(chord.quality, degree, alteration)) // 12
    return (octave, degree, alteration) if -3 <= octave <= 3 else None


def repair_beat_one(vocab, events: list, chord, part: str):
    """The last resort when every try of a bass bar missed beat one: the bar's note at tick 0, if it is the only
    note there, takes the chord's bass pitch class at the nearest pitch (a tie goes down). Returns the new event
    tokens, or None when there is no single note at tick 0 to change (as BeatOneRepair.cs)."""
    if chord is None or chord.is_none:
        return None
    kinds = [vocab.kind[t] for t in events]
    pos = next((i for i, k in enumerate(kinds) if k == "POS"), None)
    if pos is None or vocab.tokens[events[pos]]["tick"] != 0 or pos + 1 >= len(events) or kinds[pos + 1] != "PITCH":
        return None
    for k in kinds[pos + 2:]:
        if k == "POS":
            break
        if k == "PITCH":
            return None  # a chord on beat one: leave the voicing alone
    t = vocab.tokens[events[pos + 1]]
    centre = REGISTER_CENTRES[part]
    low = centre - 6
    midi = low + (chord.root - low) % 12 + 12 * t["octave"] + degree_semitones(chord.quality, t["degree"], t["alteration"])
    up = ((chord.root + chord.bass) % 12 - midi) % 12
    moved = midi + (up if up < 6 else up - 12)
    spelled = from_midi(moved, chord, centre) or from_midi(moved + (12 if moved < midi else -12), chord, centre)
    if spelled is None:
        return None
    out = list(events)
    out[pos + 1] = vocab.pitch_id[spelled]
    return out
