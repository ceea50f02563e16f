"""Checks Ardour's renders of the live band (see run-e2e.sh, step 6).

The session holds a chords-only region (notes.tsv); Sideman's monitor sound is off, so everything heard is the
band the plugin generated live. The checks:
- the main mix: finite, never past 0 dBFS, and the band sounds in every bar of the region;
- each stem bus (Drums, Bass, Keys, Pad, Arp, routed to the master one at a time): finite and audible, and the
  five stems add up to the main mix;
- drums and bass play in every bar of the region;
- the bass follows the chords: for most chords, the strongest pitch class of the bass stem while the chord is
  held is one of the chord's notes.
"""

import numpy as np

from chord_check import group_chords

STEMS = ("drums", "bass", "keys", "pad", "arp")
AUDIBLE_DBFS = -50.0
BAR_DBFS = -45.0
SUM_TOLERANCE = 1e-4
BASS_FOLLOWS_SHARE = 0.75
BASS_BAND_HZ = (30.0, 330.0)


def db(x):
    return 20 * np.log10(max(float(x), 1e-12))


def rms(x):
    return float(np.sqrt(np.mean(np.square(x)))) if x.size else 0.0


def chords_of(notes):
    """[(name, onset sample, end sample, set of pitch classes)] in time order (chord_check's grouping)."""
    return [{"name": c.name, "start": c.onset, "end": c.end, "pcs": {p % 12 for p in c.pitches}}
            for c in group_chords(notes)]


def dominant_pitch_class(segment, rate):
    """The pitch class holding the most energy between BASS_BAND_HZ (harmonics folded onto their notes)."""
    mono = segment.mean(axis=1) if segment.ndim == 2 else segment
    if mono.size < 2048:
        return None, 0.0
    window = np.hanning(mono.size)
    spectrum = np.abs(np.fft.rfft(mono * window)) ** 2
    freqs = np.fft.rfftfreq(mono.size, 1.0 / rate)
    band = (freqs >= BASS_BAND_HZ[0]) & (freqs <= BASS_BAND_HZ[1])
    if not np.any(band) or spectrum[band].sum() <= 0:
        return None, 0.0
    midi = 69 + 12 * np.log2(freqs[band] / 440.0)
    classes = np.mod(np.rint(midi), 12).astype(int)
    energy = np.bincount(classes, weights=spectrum[band], minlength=12)
    best = int(np.argmax(energy))
    return best, float(energy[best] / energy.sum())


def check(main, stems, rate, notes, bar_samples):
    """Every problem found (empty when the band passes); also returns a per-chord table."""
    problems, table = [], []
    if not np.all(np.isfinite(main)):
        problems.append("the main mix holds NaN or infinity")
        return problems, table
    peak = float(np.max(np.abs(main)))
    if peak > 1.0:
        problems.append(f"the main mix clips (peak {peak:.3f})")
    chords = chords_of(notes)
    first_bar = int(chords[0]["start"] // bar_samples)
    last_bar = int((chords[-1]["end"] - 1) // bar_samples)
    for bar in range(first_bar, last_bar + 1):
        part = main[bar * bar_samples:(bar + 1) * bar_samples]
        if db(rms(part)) < BAR_DBFS:
            problems.append(f"bar {bar + 1}: the band is nearly silent in the main mix ({db(rms(part)):.1f} dBFS)")
    total = np.zeros_like(main)
    for name in STEMS:
        stem = stems[name]
        if stem.shape != main.shape:
            problems.append(f"the {name} stem has {stem.shape[0]} frames, the main mix {main.shape[0]}")
            return problems, table
        if not np.all(np.isfinite(stem)):
            problems.append(f"the {name} stem holds NaN or infinity")
            continue
        if db(np.max(np.abs(stem))) < AUDIBLE_DBFS:
            problems.append(f"the {name} stem is silent: its bus carries no band")
        total += stem
    gap = float(np.max(np.abs(total - main)))
    if gap > SUM_TOLERANCE:
        problems.append(f"the five stems do not add up to the main mix (largest difference {gap:.2e})")
    for name in ("drums", "bass"):
        for bar in range(first_bar, last_bar + 1):
            part = stems[name][bar * bar_samples:(bar + 1) * bar_samples]
            if db(rms(part)) < AUDIBLE_DBFS:
                problems.append(f"bar {bar + 1}: no {name} ({db(rms(part)):.1f} dBFS)")
    followed = 0
    for c in chords:
        start, end = int(c["start"]), int(min(c["end"], main.shape[0]))
        pc, share = dominant_pitch_class(stems["bass"][start:end], rate)
        ok = pc is not None and pc in c["pcs"]
        followed += ok
        table.append((c["name"], start, pc, share, sorted(c["pcs"]), ok))
    if followed < BASS_FOLLOWS_SHARE * len(chords):
        problems.append(f"the bass follows only {followed} of {len(chords)} chords (needs {BASS_FOLLOWS_SHARE:.0%})")
    return problems, table
