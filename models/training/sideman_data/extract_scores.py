"""Notated and rendered pieces -> part runs: OpenScore Lieder (MusicXML, with When-in-Rome
chords where an analysis exists), Mutopia MIDI (per-piece licence, hymns, piano, guitar,
voice + piano) and the old-time tunes rendered by abc2midi.

Roles: the sung or top line is `melody`; the lowest line (bass voice of a hymn, the lowest
note per beat of a piano left hand or guitar) is `bass`; everything else of the
accompaniment is `keys`, `arp` or `pad` by its texture, bar by bar.
"""

import csv
import os
import re

from . import harmony, lieder_rn
from .corpus import CORPUS_ROOT, cached_midi, cached_score, manifest
from .extract_common import (BarSpan, Note, Piece, block_labels, chords_to_bar, make_run, normalize_bars,
                             pitched_events, runs_by_label, supported_ts, texture, bass_line)
from .patterns import Chord
from .romantext import read_romantext

DEFAULT_BPM = 92.0


# ---------------------------------------------------------------- shared
def analyse_chords(notes, bars):
    res = harmony.analyse([(n.start, n.end, n.pitch) for n in notes],
                          [(b.start, b.length, b.ts) for b in bars])
    per_bar = [[(off, Chord(r, q, b)) for off, r, q, b in lst] for lst in res.bar_chords]
    return res.key_tonic, per_bar


def build_runs(vocab, bars, chords_per_bar, melody, bass, accompaniment, split_bass=True, accomp_label=None):
    """Part runs from role note lists. bars with an unsupported time signature end runs.
    The accompaniment's role (keys/arp/pad) is decided per 4-bar block by its texture,
    unless accomp_label fixes it."""
    runs = []
    if split_bass and accompaniment:
        extra_bass, accompaniment = bass_line(accompaniment, bars, _beat_index(bars))
        bass = sorted(list(bass) + extra_bass, key=lambda n: (n.start, n.pitch))
    ok = [supported_ts(vocab, b.ts) for b in bars]
    bar_chords = [chords_to_bar(vocab, b, c) for b, c in zip(bars, chords_per_bar)]
    for part, notes in (("melody", melody), ("bass", bass)):
        if not notes:
            continue
        events = pitched_events(vocab, part, notes, bars, bar_chords)
        labels = [part if ok[i] else None for i in range(len(bars))]
        labels = _blank_silences(labels, events)
        for lab, a, b in runs_by_label(labels):
            runs.append(make_run(vocab, lab, bars, events, bar_chords, a, b))
    if accompaniment:
        events = pitched_events(vocab, "keys", accompaniment, bars, bar_chords)
        labels = [(accomp_label or texture(vocab, _bar_proxy(bars[i]), events[i])) if ok[i] and events[i]
                  else None for i in range(len(bars))]
        labels = block_labels(labels)
        for lab, a, b in runs_by_label(labels):
            if lab != "keys":
                # Re-express arp/pad bars in their own register.
                ev = pitched_events(vocab, lab, _notes_in(accompaniment, bars, a, b), bars, bar_chords)
            else:
                ev = events
            runs.append(make_run(vocab, lab, bars, ev, bar_chords, a, b))
    return [r for r in runs if any(bar.events for bar in r.bars)]


class _bar_proxy:
    def __init__(self, span):
        self.time_signature = span.ts


def _notes_in(notes, bars, a, b):
    lo = bars[a].start
    hi = bars[b - 1].start + bars[b - 1].length
    return [n for n in notes if lo - 1e-9 <= n.start < hi - 1e-9]


def _blank_silences(labels, events, gap=4):
    """End runs at stretches of `gap` or more empty bars, and trim empty bars at run ends."""
    out = list(labels)
    n = len(labels)
    i = 0
    while i < n:
        if not events[i]:
            j = i
            while j < n and not events[j]:
                j += 1
            if j - i >= gap or i == 0 or j == n:
                for k in range(i, j):
                    out[k] = None
            i = j
        else:
            i += 1
    return out


def _beat_index(bars):
    starts = [b.start for b in bars]

    def beat_of(t):
        from .extract_common import bar_index_of
        bi = bar_index_of(starts, t)
        step = harmony.beat_length(bars[bi].ts)
        return (bi, int((t - bars[bi].start + 1e-6) // step))
    return beat_of


def tempo_bucket(vocab, bpm):
    return vocab.tempo_bucket(bpm if bpm and bpm > 0 else DEFAULT_BPM)


# ---------------------------------------------------------------- Lieder (MusicXML)
LIEDER = "openscore_lieder"
_PIANO = re.compile(r"piano|pianoforte|klavier|pf\.?$|harp|organ|orgel|guitar|gitarre", re.I)


def lieder_annotations(corpus_root=CORPUS_ROOT):
    """score path (manifest form) -> analysis path, for the When-in-Rome subset."""
    return {s: a for a, s in lieder_rn.pairs(corpus_root)}


def _drop_first_endings(measures):
    """Keep written order but skip volta bars that a later ending replaces (1st-time bars)."""
    keep = []
    for i, m in enumerate(measures):
        if m.endings:
            later = [x for x in measures[i + 1:i + 12] if x.endings and max(x.endings) > max(m.endings)]
            if later:
                continue
        keep.append(m)
    return keep


def extract_lieder(vocab, rel, annotation_rel=None, corpus_root=CORPUS_ROOT):
    score = cached_score(os.path.join(corpus_root, rel))
    measures = _drop_first_endings(score.measures)
    bars = [BarSpan(float(m.start), float(m.length), m.time_signature, "none", m.number) for m in measures]
    melody, accomp = [], []
    for p in score.parts:
        piano = p.staves >= 2 or _PIANO.search(p.name or "")
        notes = [Note(float(n.start), float(n.start + n.duration), n.pitch, n.velocity) for n in p.notes]
        (accomp if piano else melody).extend(notes)
    if not accomp and not melody:
        return None
    all_notes = sorted(melody + accomp, key=lambda n: (n.start, n.pitch))
    analysed_key, measure_chords = analyse_chords(all_notes, [BarSpan(float(m.start), float(m.length), m.time_signature)
                                                              for m in score.measures])
    chord_source = "analysis"
    licences = ["CC0-1.0"]
    files = [rel]
    key_tonic = None
    if annotation_rel:
        analysis = read_romantext(os.path.join(corpus_root, annotation_rel))
        ref = lieder_rn.reference_chords(analysis, score)
        annotated = 0
        for i, r in enumerate(ref):
            if r:
                measure_chords[i] = [(off, Chord(root, q, b)) for off, root, q, b in r]
                annotated += 1
        if annotated:
            chord_source = "annotation"
            licences.append("CC-BY-SA-4.0")
            files.append(annotation_rel)
            first = next((c for m in sorted(analysis.measures) for c in analysis.measures[m]), None)
            if first is not None:
                key_tonic = first.key_tonic
    chords_per_bar = [measure_chords[m.index] for m in measures]
    if key_tonic is None:
        key_tonic = analysed_key
    bpm = score.tempos[0][1] if score.tempos else DEFAULT_BPM
    piece = Piece(piece_id=f"lieder:{rel}", source=LIEDER, files=files, licences=licences,
                  style="romantic", tempo_bucket=tempo_bucket(vocab, bpm), key=key_tonic,
                  chord_source=chord_source, title=score.title)
    piece.runs = build_runs(vocab, bars, chords_per_bar, melody, [], accomp)
    return piece


# ---------------------------------------------------------------- MIDI pieces
MUTOPIA = "mutopia"
OLDTIME = "oldtime_abc_rjl20"
_MUTOPIA_STYLE = {"hymn": "hymn", "gospel": "gospel", "folk": "folk", "song": "folk",
                  "strophic with chorus": "folk", "popular / dance": "folk", "jazz": "ragtime",
                  "march": "march", "baroque": "baroque", "renaissance": "baroque",
                  "classical": "classical", "classique": "classical", "technique": "classical",
                  "romantic": "romantic", "romantique": "romantic", "modern": "romantic",
                  "avant-garde": "romantic", "": "classical"}
_SKIP_INSTRUMENTS = re.compile(r"koto|shamisen|violin|violine|flute|cello|recorder|clarinet|oboe|trumpet|horn", re.I)


def mutopia_pieces(corpus_root=CORPUS_ROOT):
    """Rows of mutopia/pieces.tsv with the MIDI path in manifest form."""
    with open(os.path.join(corpus_root, MUTOPIA, "pieces.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for r in rows:
        r["rel"] = f"{MUTOPIA}/{r['midi']}"
    return rows


def mutopia_kind(row):
    inst = (row.get("instrument") or "").lower()
    if _SKIP_INSTRUMENTS.search(inst) and not re.search(r"piano|guitar|harpsichord|voice", inst):
        return None
    if "satb" in inst or "ssa" in inst or (row.get("style", "").lower() == "hymn" and "piano" not in inst):
        return "choir"
    if "voice" in inst:
        return "voice_piano"
    if re.search(r"piano|harpsichord|organ|guitar|lute|orgue|guitare", inst):
        return "keyboard"
    return None


def _midi_bars(midi, notes_q):
    """Bars from the MIDI time-signature map; a pickup is detected from where long notes fall."""
    tpq = midi.ticks_per_quarter
    tsigs = [(t / tpq, n, d) for t, n, d in midi.time_signatures] or [(0.0, 4, 4)]
    if tsigs[0][0] > 0:
        tsigs.insert(0, (0.0, tsigs[0][1], tsigs[0][2]))
    end = max((n.end for n in notes_q), default=0.0)
    bars = []
    phase = _pickup(notes_q, tsigs[0][1] * 4 / tsigs[0][2]) if len(tsigs) == 1 else 0.0
    if phase > 0:
        bars.append(BarSpan(0.0, phase, (tsigs[0][1], tsigs[0][2])))
    for i, (t0, num, den) in enumerate(tsigs):
        t1 = tsigs[i + 1][0] if i + 1 < len(tsigs) else end
        length = num * 4 / den
        t = t0 + (phase if i == 0 else 0.0)
        last_segment = i + 1 == len(tsigs)
        while t < t1 - 1e-6:
            bars.append(BarSpan(t, length if last_segment else min(length, t1 - t), (num, den)))
            t += length
    return bars


def _pickup(notes, bar_q):
    """Anacrusis length (quarters) such that long and low notes fall on downbeats; 0 if unsure."""
    if not notes:
        return 0.0
    import numpy as np
    cands = [k * 0.5 for k in range(int(bar_q * 2))]
    starts = np.array([n.start for n in notes])
    weight = np.array([min(n.end - n.start, bar_q) * (1.5 if n.pitch < 55 else 1.0) for n in notes])
    scores = []
    for c in cands:
        phase = (starts - c) % bar_q
        on = (phase < 1e-3) | (np.abs(phase - bar_q) < 1e-3)
        scores.append(float(weight[on].sum()))
    best = max(range(len(cands)), key=lambda i: scores[i])
    if best != 0 and scores[best] > 1.25 * scores[0]:
        return cands[best]  # downbeats fall at cands[best] + k bars: that much is pickup
    return 0.0


def extract_midi_piece(vocab, rel, kind, style, licence, piece_id, source, title="", corpus_root=CORPUS_ROOT):
    midi = cached_midi(os.path.join(corpus_root, rel))
    tpq = midi.ticks_per_quarter
    streams = {}
    for t in midi.tracks:
        for n in t.notes:
            if n.channel == 9:
                continue
            streams.setdefault((t.index, n.channel), []).append(
                Note(n.start / tpq, n.end / tpq, n.pitch, n.velocity))
    streams = {k: v for k, v in streams.items() if v}
    if not streams:
        return None
    all_notes = sorted((n for v in streams.values() for n in v), key=lambda n: (n.start, n.pitch))
    bars = normalize_bars(vocab, _midi_bars(midi, all_notes))
    if not bars:
        return None
    med = {k: sorted(n.pitch for n in v)[len(v) // 2] for k, v in streams.items()}
    order = sorted(streams, key=lambda k: med[k])
    melody, bass, accomp = [], [], []
    split_bass, accomp_label, harmony_notes = True, None, all_notes
    if kind == "choir" and len(order) >= 3:
        bass = streams[order[0]]
        melody = streams[order[-1]]
        accomp = [n for k in order for n in streams[k]]  # the full chorale, as block-chord comping
        split_bass, accomp_label = False, "keys"
    elif kind == "oldtime" and len(order) >= 2:
        melody = streams[order[-1]]
        bass = streams[order[0]]
        accomp = [n for k in order[1:-1] for n in streams[k]]
        split_bass = False
        harmony_notes = bass + accomp  # abc2midi's chord track spells the tune's chord symbols
    elif kind == "voice_piano" and len(order) >= 2:
        voice = max(order, key=lambda k: (_monophony(streams[k]), med[k]))
        melody = streams[voice]
        accomp = [n for k in order if k != voice for n in streams[k]]
    else:
        accomp = all_notes
        if kind == "choir":
            accomp_label = "keys"  # two-staff hymn scores: still block-chord comping
    key_tonic, chords = analyse_chords(sorted(harmony_notes, key=lambda n: (n.start, n.pitch)), bars)
    bpm = 60e6 / midi.tempos[0][1] if midi.tempos else DEFAULT_BPM
    piece = Piece(piece_id=piece_id, source=source, files=[rel], licences=[licence], style=style,
                  tempo_bucket=tempo_bucket(vocab, bpm), key=key_tonic, chord_source="analysis", title=title)
    piece.runs = build_runs(vocab, bars, chords, sorted(melody, key=lambda n: n.start),
                            sorted(bass, key=lambda n: n.start), sorted(accomp, key=lambda n: (n.start, n.pitch)),
                            split_bass=split_bass, accomp_label=accomp_label)
    return piece


def _monophony(notes):
    onsets = {}
    for n in notes:
        onsets[round(n.start, 3)] = onsets.get(round(n.start, 3), 0) + 1
    return sum(1 for c in onsets.values() if c == 1) / max(1, len(onsets))


def extract_mutopia(vocab, row, corpus_root=CORPUS_ROOT):
    kind = mutopia_kind(row)
    if kind is None:
        return None
    style = _MUTOPIA_STYLE.get((row.get("style") or "").strip().lower(), "classical")
    if kind == "choir" and not (row.get("style") or "").strip():
        style = "hymn"
    licence = manifest().licence(row["rel"])  # per piece, as manifest.tsv records it
    return extract_midi_piece(vocab, row["rel"], kind, style, licence, f"mutopia:{row['source_ly']}",
                              MUTOPIA, title=row.get("title", ""), corpus_root=corpus_root)


def extract_oldtime(vocab, rel, corpus_root=CORPUS_ROOT):
    midi = cached_midi(os.path.join(corpus_root, rel))
    title = next((t.name for t in midi.tracks if t.name), os.path.basename(rel))
    # The two tunebooks share some tunes: one piece id per title keeps them in one split.
    tune = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")
    return extract_midi_piece(vocab, rel, "oldtime", "folk", "CC-BY-SA-4.0", f"oldtime:{tune}", OLDTIME,
                              title=title, corpus_root=corpus_root)
