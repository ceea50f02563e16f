"""Project-authored style patterns played over the McGill Billboard chord progressions.

For each distinct song (title + artist), `renders_per_song` renders, each in a different
style that has patterns for the render's metre, transposed by a seeded random interval. A render
plays the song in its own metre, or now and then re-metred into another one a style declares
(remetre.py: 3/4, 6/8, 5/4, 12/8). Each section instance gets an energy level (section_energy.py:
mostly by section type with seeded jitter, in a share of renders drawn freely so that every section
is seen at every level), its own main pattern per part, occasional variations, and a fill in its
last bar. Chords keep their slash bass (C/B, Am/G, F/G), which the bass patterns play.
Everything is drawn from random.Random seeded by (song path, render index): the output is
deterministic.
"""

import hashlib
import random
import re
from collections import Counter

from . import remetre, section_energy, theory
from .billboard import read_billboard
from .corpus import CORPUS_ROOT, cached, manifest
from .extract_common import PartRun, Piece
from .patterns import NO_CHORD, Bar, BarChord, Chord, DrumHit, PitchedNote
from .styles import PartState, RenderBar, render_drums_bar, render_pitched_bar
from .tokenizer import canonical_events

FOLDER = "mcgill_billboard"


def stable_seed(*parts):
    return int.from_bytes(hashlib.sha256("|".join(map(str, parts)).encode()).digest()[:8], "big")


def songs(corpus_root=CORPUS_ROOT):
    """Distinct songs: [(rel path, song)] keeping the first file of each title + artist."""
    out, seen = [], set()
    for rel in manifest().paths(f"{FOLDER}/billboard-2.0-salami_chords/", "salami_chords.txt"):
        song = cached("billboard", read_billboard, f"{corpus_root}/{rel}")
        key = (re.sub(r"\W+", " ", song.title.lower()).strip(), re.sub(r"\W+", " ", song.artist.lower()).strip())
        if key in seen:
            continue
        seen.add(key)
        out.append((rel, song))
    return out


def _bar_chords(vocab, bb, ticks, transpose, metre=None):
    """[(tick, root, quality, bass interval)] of a Billboard bar, transposed; in `metre` when the
    render re-metres the song (remetre.chord_tick), else at the bar's own fractions. The slash
    bass is kept whether or not it is a chord tone."""
    out = []
    for frac, label in bb.chords:
        tick = remetre.chord_tick(frac, metre) if metre else int(round(frac * ticks / 12.0)) * 12
        parsed = theory.parse_harte(label)
        if parsed is None:
            chord = (None, "none", 0)
        else:
            root, ivs, bass = parsed
            q = theory.classify(ivs)
            chord = ((root + transpose) % 12, q, bass % 12)
        tick = 0 if not out else tick
        if tick >= ticks:
            continue
        if out and tick <= out[-1][0]:
            out[-1] = (out[-1][0],) + chord
        elif not out or out[-1][1:] != chord:
            out.append((tick,) + chord)
    return out


def song_is_minor(song):
    """Billboard gives the tonic, not the mode: a song is minor when the chords built on its tonic
    are more often minor (a minor third, no major third) than not."""
    minor = major = 0
    for bb in song.bars:
        for _, label in bb.chords:
            parsed = theory.parse_harte(label)
            if parsed is None or parsed[0] != bb.tonic:
                continue
            if 3 in parsed[1] and 4 not in parsed[1]:
                minor += 1
            else:
                major += 1
    return minor > major


def render(vocab, library, rel, song, render_index, used_styles=()):
    rng = random.Random(stable_seed(rel, render_index))
    song_metre = Counter(b.metre for b in song.bars).most_common(1)[0][0]
    free = [st for s, st in sorted(library.items()) if s not in used_styles]
    metre = remetre.choose_metre(rng, song_metre, {m for st in free for m in st.metres})
    candidates = sorted(st.name for st in free if metre in st.metres)
    if not candidates:
        return None
    style = library[rng.choice(candidates)]
    transpose = rng.randint(-5, 6)
    lo, hi = style.tempo
    bpm = song.tempo_bpm if lo * 0.85 <= song.tempo_bpm <= hi * 1.15 else rng.uniform(lo, hi)

    # Bars, section instances, energies, roles.
    bars = []
    instance_energy = section_energy.assign(rng, [(b.section_index, b.section) for b in song.bars])
    remetred = metre != song_metre
    minor = song_is_minor(song)
    for i, bb in enumerate(song.bars):
        bar_metre = metre if remetred else tuple(bb.metre)
        if bar_metre not in vocab.ts_id:
            bars.append(None)
            continue
        ticks = vocab.bar_ticks(bar_metre)
        chords = _bar_chords(vocab, bb, ticks, transpose, metre if remetred else None)
        bars.append(RenderBar(ticks, bar_metre, chords, bb.section, instance_energy[bb.section_index], "main", None,
                              theory.key_scale((bb.tonic + transpose) % 12, minor)))
    pos_in_instance, count = [], {}
    for i, bb in enumerate(song.bars):
        pos_in_instance.append(count.get(bb.section_index, 0))
        count[bb.section_index] = pos_in_instance[-1] + 1
    for i, rb in enumerate(bars):
        if rb is None:
            continue
        nxt = next((b for b in bars[i + 1:] if b is not None and b.chords[0][1] is not None), None)
        rb.next_bass = (nxt.chords[0][1] + nxt.chords[0][3]) % 12 if nxt else None
        last_of_instance = i + 1 < len(song.bars) and song.bars[i + 1].section_index != song.bars[i].section_index
        if last_of_instance and pos_in_instance[i] >= 1 and rng.random() < 0.75:
            rb.role = "fill"
        elif pos_in_instance[i] % 4 == 3 and rng.random() < 0.4:
            rb.role = "variation"

    parts = ["bass", "keys"]
    extra = [p for p in ("pad", "arp") if p in style.parts()]
    if extra:
        chosen = [p for p in extra if rng.random() < 0.55] or [rng.choice(extra)]
        parts += chosen
    if "drums" in style.parts():
        parts.append("drums")

    key = (song.bars[0].tonic + transpose) % 12
    piece = Piece(piece_id=f"billboard:{rel}", source="project_styles",
                  files=[rel, f"models/training/styles/{style.name}.yaml"], licences=["CC0-1.0"],
                  style=style.name, tempo_bucket=vocab.tempo_bucket(bpm), key=key, project_authored=True,
                  chord_source="annotation", title=f"{song.title} / {song.artist} ({style.name} render {render_index}"
                        + (f", in {metre[0]}/{metre[1]})" if remetred else ")"))
    for part in parts:
        piece.runs.extend(_render_part(vocab, style, part, bars, song, pos_in_instance, rng))
    return piece


def _render_part(vocab, style, part, bars, song, pos_in_instance, rng):
    runs, cur_bars, cur_first = [], [], None
    state = PartState()
    main = {}
    for i, rb in enumerate(bars):
        if rb is None:
            if cur_bars:
                runs.append(PartRun(part, cur_bars, [0.0] * len(cur_bars), cur_first, energy_fixed=True))
            cur_bars, cur_first = [], None
            continue
        inst = song.bars[i].section_index
        if (inst, rb.energy) not in main:
            main[(inst, rb.energy)] = (style.choose(rng, part, rb.energy, "main", rb.metre)
                                       or style.choose(rng, part, rb.energy, "main", style.metres[0]))
        pattern = main[(inst, rb.energy)]
        if rb.role != "main":
            alt = style.choose(rng, part, rb.energy, rb.role, rb.metre)
            if alt is not None and alt.role == rb.role:
                pattern = alt
        if pattern is None:
            continue
        pat_bar = pos_in_instance[i] % pattern.bars
        section = "fill" if rb.role == "fill" else rb.section
        if part == "drums":
            hits = render_drums_bar(pattern, rb, pat_bar, rng)
            events = [DrumHit(t, d, vocab.velocity_value(v), _micro(m)) for t, m, d, v in hits if t < rb.ticks]
            chords = []
        else:
            notes = render_pitched_bar(pattern, part, rb, pat_bar, rng, state)
            events = []
            for t, midi, dur, vel in notes:
                c = _chord_at(rb.chords, t)
                if c[1] is None:
                    continue
                rel = theory.midi_to_relative(midi, c[1], c[2], part)
                if rel is None:
                    continue
                events.append(PitchedNote(t, rel[0], rel[1], rel[2], vocab.duration_value(dur),
                                          vocab.velocity_value(vel), 0))
            chords = [BarChord(t, NO_CHORD if r is None else Chord(r, q, b)) for t, r, q, b in rb.chords]
        bar = Bar(rb.metre, section, rb.energy, chords, canonical_events(vocab, events))
        if cur_first is None:
            cur_first = i
        cur_bars.append(bar)
    if cur_bars:
        runs.append(PartRun(part, cur_bars, [0.0] * len(cur_bars), cur_first, energy_fixed=True))
    return runs


def _micro(m):
    m = max(-12, min(12, m))
    return 0 if abs(m) <= 1 else m


def _chord_at(chords, tick):
    cur = chords[0]
    for c in chords:
        if c[0] <= tick:
            cur = c
    return cur
