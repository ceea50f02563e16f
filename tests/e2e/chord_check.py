"""Judges a render of the chord region: is every chord, and every note of it, audible?

Energy per chord: the RMS of the first 100 ms after each chord starts must be loud in absolute
terms and far above the RMS of the quiet stretch just before it. A plugin that drops the notes
of one chord (say, the one on a block edge) fails here even though the file is "not silent".

Notes per chord: every pitch's fundamental must show in the spectrum of the held chord, within
a set distance of the chord's strongest component. The plan keeps a chord's pitches within one
octave, so no harmonic of one note can stand in for another note's fundamental.

Before the first note the output must be silent (a stray click there is a bug, and in a bounce it
is an audible one); the tail after the last note must fall silent (no hanging voices); nothing may
be NaN/Inf.
"""

from dataclasses import dataclass, field
import math

import numpy as np


@dataclass(frozen=True)
class Note:
    chord: str
    pitch: int
    start: float  # samples; may fall between two samples
    end: float
    velocity: int


@dataclass(frozen=True)
class Chord:
    name: str
    notes: tuple

    @property
    def onset(self):
        return min(n.start for n in self.notes)

    @property
    def last_onset(self):
        return max(n.start for n in self.notes)

    @property
    def end(self):
        return min(n.end for n in self.notes)

    @property
    def pitches(self):
        return sorted({n.pitch for n in self.notes})


@dataclass
class Settings:
    onset_window_s: float = 0.100   # energy measured over this long after each chord starts
    gap_window_s: float = 0.100     # the quiet stretch measured just before each chord
    min_level_db: float = -45.0     # a chord's onset RMS must reach this (dBFS)
    min_contrast_db: float = 20.0   # onset RMS over gap RMS
    min_release_gap_s: float = 0.3  # the plan must leave this between a note-off and the next gap window
    note_window_s: float = 0.400    # spectrum window for the note check
    max_note_drop_db: float = 30.0  # each fundamental within this of the chord's strongest peak
    tail_s: float = 0.5             # the render's last stretch must be quiet ...
    tail_below_db: float = 40.0     # ... by this much under the quietest chord onset
    lead_in_peak_db: float = -100.0 # nothing before the first note may peak above this (dBFS)


@dataclass
class ChordResult:
    name: str
    onset: float
    onset_db: float
    gap_db: float
    note_db: dict = field(default_factory=dict)  # pitch -> fundamental level relative to the strongest peak
    problems: list = field(default_factory=list)


@dataclass
class Report:
    chords: list
    problems: list  # every failure, chord problems included

    @property
    def ok(self):
        return not self.problems


def load_notes(path):
    """Reads the note list build_session.lua writes (tab-separated, with a header)."""
    notes = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header != ["chord", "pitch", "start_sample", "end_sample", "velocity"]:
            raise ValueError(f"{path}: unexpected header {header}")
        for number, line in enumerate(f, start=2):
            if not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                raise ValueError(f"{path}:{number}: expected 5 fields, got {len(parts)}")
            notes.append(Note(parts[0], int(parts[1]), float(parts[2]), float(parts[3]), int(parts[4])))
    if not notes:
        raise ValueError(f"{path}: no notes")
    return notes


def group_chords(notes):
    """Groups notes by chord name, in order of onset."""
    by_name = {}
    for n in notes:
        by_name.setdefault(n.chord, []).append(n)
    chords = [Chord(name, tuple(sorted(ns, key=lambda n: (n.start, n.pitch)))) for name, ns in by_name.items()]
    return sorted(chords, key=lambda c: c.onset)


def midi_to_hz(pitch):
    return 440.0 * 2.0 ** ((pitch - 69) / 12.0)


def db(value):
    return 20.0 * math.log10(max(value, 1e-12))


def rms(block):
    return float(np.sqrt(np.mean(np.square(block)))) if block.size else 0.0


def validate_plan(chords, rate, settings):
    """The plan itself must leave room for the measurements; a bad plan is a test bug, not a pass."""
    problems = []
    for prev, cur in zip(chords, chords[1:]):
        gap_start = cur.onset - settings.gap_window_s * rate
        latest_end = max(n.end for n in prev.notes)
        if gap_start - latest_end < settings.min_release_gap_s * rate:
            problems.append(f"plan: chord {cur.name} starts too soon after {prev.name} to measure a quiet gap")
    for c in chords:
        if max(c.pitches) - min(c.pitches) >= 12:
            problems.append(f"plan: chord {c.name} spans an octave or more; harmonics would mask missing notes")
        if c.end - c.last_onset < settings.note_window_s * rate:
            problems.append(f"plan: chord {c.name} is held too briefly for the note check")
    return problems


def fundamental_levels(mono, rate, chord, settings):
    """Level of each pitch's fundamental, in dB relative to the strongest peak of the held chord."""
    start = int(math.ceil(chord.last_onset + 0.010 * rate))
    length = int(settings.note_window_s * rate)
    segment = mono[start:start + length]
    if segment.size < length:
        return {p: -math.inf for p in chord.pitches}
    window = np.hanning(segment.size)
    size = 1 << int(math.ceil(math.log2(segment.size * 4)))
    spectrum = np.abs(np.fft.rfft(segment * window, size))
    freqs = np.fft.rfftfreq(size, 1.0 / rate)
    strongest = float(spectrum.max())
    levels = {}
    for p in chord.pitches:
        f0 = midi_to_hz(p)
        band = (freqs >= f0 * 2 ** (-1 / 24)) & (freqs <= f0 * 2 ** (1 / 24))
        peak = float(spectrum[band].max()) if band.any() else 0.0
        levels[p] = db(peak) - db(strongest) if strongest > 0 else -math.inf
    return levels


def check_render(audio, rate, chords, settings=None):
    """audio: float array (frames x channels). Returns a Report; Report.ok says whether it passed."""
    settings = settings or Settings()
    problems = list(validate_plan(chords, rate, settings))
    if audio.ndim == 1:
        audio = audio[:, None]
    if not np.all(np.isfinite(audio)):
        problems.append("render holds NaN or Inf samples")
        return Report([], problems)
    mono = audio.mean(axis=1)
    # RMS over all channels: a chord only on one side still counts as heard.
    power = np.sqrt(np.mean(np.square(audio), axis=1))

    lead_in = audio[:int(math.floor(min(c.onset for c in chords)))] if chords else audio[:0]
    if lead_in.size and db(float(np.abs(lead_in).max())) > settings.lead_in_peak_db:
        where = np.nonzero(np.abs(lead_in).max(axis=1) > 10 ** (settings.lead_in_peak_db / 20))[0]
        problems.append(f"lead-in: output before the first note peaks at {db(float(np.abs(lead_in).max())):.1f} "
                        f"dBFS ({where.size} samples, first at {', '.join(str(i) for i in where[:4])}); "
                        "it must be silent")

    results = []
    for chord in chords:
        onset = int(math.floor(chord.onset))
        on = power[onset:onset + int(settings.onset_window_s * rate)]
        gap = power[max(0, onset - int(settings.gap_window_s * rate)):onset]
        r = ChordResult(chord.name, chord.onset, db(rms(on)), db(rms(gap)))
        if on.size < int(settings.onset_window_s * rate):
            r.problems.append(f"chord {chord.name}: the render ends before its onset window")
        if r.onset_db < settings.min_level_db:
            r.problems.append(f"chord {chord.name} at sample {chord.onset:g}: onset RMS {r.onset_db:.1f} dBFS "
                              f"is below {settings.min_level_db:.0f} dBFS (not heard)")
        elif r.onset_db - r.gap_db < settings.min_contrast_db:
            r.problems.append(f"chord {chord.name} at sample {chord.onset:g}: onset RMS {r.onset_db:.1f} dBFS is only "
                              f"{r.onset_db - r.gap_db:.1f} dB over the gap before it (need {settings.min_contrast_db:.0f})")
        r.note_db = fundamental_levels(mono, rate, chord, settings)
        for pitch, level in r.note_db.items():
            if level < -settings.max_note_drop_db:
                r.problems.append(f"chord {chord.name}: note {pitch} ({midi_to_hz(pitch):.1f} Hz) is "
                                  f"{-level:.1f} dB under the chord's strongest peak (missing?)")
        results.append(r)
        problems.extend(r.problems)

    if results:
        quietest = min(r.onset_db for r in results)
        last_end = max(n.end for c in chords for n in c.notes)
        tail = power[-int(settings.tail_s * rate):]
        if audio.shape[0] - int(settings.tail_s * rate) < last_end + settings.min_release_gap_s * rate:
            problems.append("plan: the render has no room after the last note for the tail check")
        elif db(rms(tail)) > quietest - settings.tail_below_db:
            problems.append(f"tail: the last {settings.tail_s:g} s are at {db(rms(tail)):.1f} dBFS, not "
                            f"{settings.tail_below_db:.0f} dB under the quietest chord (hanging notes?)")
    return Report(results, problems)


def onset_level_db(audio, rate, chords, settings=None):
    """RMS over the onset windows of all chords together, in dBFS: one number per render, so two
    renders of the same region can be compared (a gain parameter must move it by its own amount)."""
    settings = settings or Settings()
    if audio.ndim == 1:
        audio = audio[:, None]
    width = int(settings.onset_window_s * rate)
    windows = [audio[int(math.floor(c.onset)):int(math.floor(c.onset)) + width] for c in chords]
    return db(rms(np.concatenate(windows)))


def format_report(report, rate, block=1024):
    lines = [f"{'chord':<6} {'onset':>10} {'in-block':>8} {'onset dB':>9} {'gap dB':>8}  notes (dB vs strongest)"]
    for r in report.chords:
        notes = " ".join(f"{p}:{v:+.0f}" for p, v in sorted(r.note_db.items()))
        mark = "FAIL" if r.problems else "ok"
        lines.append(f"{r.name:<6} {r.onset:>10.1f} {r.onset % block:>8.1f} {r.onset_db:>9.1f} {r.gap_db:>8.1f}  "
                     f"{notes}  {mark}")
    return "\n".join(lines)
