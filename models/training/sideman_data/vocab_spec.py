"""The definition of the token vocabulary. make_vocab.py writes it to models/vocab.json,
which is then the single source of truth: the Python tokenizer and the C# side both read
the JSON, never this module. Change this file, re-run make_vocab.py, and the tests on both
sides say what no longer agrees.

Sequence layout (one part, bar by bar):
  BOS STYLE PART [KEY] TEMPO
  ( BAR TS SEC EN  [chords]  events )+  EOS
chords (pitched parts only): (ROOT QUAL [BASS] | NOCHORD) (CHG (ROOT QUAL [BASS] | NOCHORD))*
events: pitched:  POS (PITCH DUR VEL [MT])+   drums:  POS (DRUM VEL [MT])+
"""

from . import theory

FORMAT = "sideman-vocab"
VERSION = 1

TICKS_PER_QUARTER = 24  # holds 16ths (6), 8th triplets (8), 16th triplets (4) and 32nds (3)
MICRO_UNITS_PER_TICK = 4  # micro-timing unit = 1/96 quarter
MAX_SEQUENCE_TOKENS = 512

STYLES = ["pop", "rock", "punk", "funk", "soul", "hiphop", "house", "disco", "reggae", "latin",
          "bossa", "afrocuban", "jazz_swing", "jazz_ballad", "neworleans", "blues", "country",
          "gospel", "afrobeat", "folk", "hymn", "baroque", "classical", "romantic", "march",
          "ragtime", "world"]
PARTS = ["drums", "bass", "keys", "pad", "arp", "melody"]
SECTIONS = ["none", "intro", "verse", "prechorus", "chorus", "bridge", "solo", "fill", "outro"]
ENERGY_LEVELS = 5
KEY_NAMES = ["C", "Db", "D", "Eb", "E", "F", "Gb", "G", "Ab", "A", "Bb", "B"]

TIME_SIGNATURES = [(2, 4), (3, 4), (4, 4), (5, 4), (6, 4), (7, 4), (2, 2), (3, 2),
                   (3, 8), (5, 8), (6, 8), (7, 8), (9, 8), (12, 8)]

# (upper bound exclusive, representative bpm)
TEMPO_BUCKETS = [(70, 62), (85, 78), (100, 92), (115, 108), (130, 122), (150, 140), (175, 162),
                 (10000, 190)]

VELOCITY_BUCKETS = [(1 + 16 * b, 16 * (b + 1), 16 * b + 8) for b in range(8)]  # (min, max, value)

DURATIONS = [3, 4, 6, 8, 9, 12, 16, 18, 24, 30, 32, 36, 42, 48, 54, 60, 64, 72, 84, 96, 108,
             120, 132, 144, 168, 192, 240, 288, 384]

MICRO_OFFSETS = [v for v in range(-12, 13) if v != 0]  # micro units; 0 is "no MT token"

CHORD_CHANGE_STEP = 12  # chord changes sit on an 8th-note grid

# Drum classes: (name, canonical GM note, GM notes that map to it). Covers the GM percussion
# map and the Roland TD-11 extras used by the Groove MIDI Dataset (22, 26, 58).
DRUMS = [
    ("kick", 36, [35, 36]),
    ("snare", 38, [38, 40]),
    ("sidestick", 37, [37]),
    ("clap", 39, [39]),
    ("hh_closed", 42, [42, 22]),
    ("hh_pedal", 44, [44]),
    ("hh_open", 46, [46, 26]),
    ("tom_low", 43, [41, 43, 58]),
    ("tom_mid", 47, [45, 47]),
    ("tom_high", 50, [48, 50]),
    ("crash", 49, [49, 52, 55, 57]),
    ("ride", 51, [51, 59]),
    ("ride_bell", 53, [53]),
    ("tambourine", 54, [54]),
    ("cowbell", 56, [56]),
    ("bongo", 60, [60, 61]),
    ("conga_high", 63, [62, 63]),
    ("conga_low", 64, [64]),
    ("timbale", 65, [65, 66]),
    ("agogo", 67, [67, 68]),
    ("shaker", 70, [69, 70, 82]),
    ("wood", 76, [75, 76, 77]),
    ("perc", 81, [27, 28, 29, 30, 31, 32, 33, 34, 71, 72, 73, 74, 78, 79, 80, 81, 83, 84, 85, 86, 87]),
]


def bar_ticks(ts):
    num, den = ts
    return num * TICKS_PER_QUARTER * 4 // den


MAX_BAR_TICKS = max(bar_ticks(ts) for ts in TIME_SIGNATURES)


def grid_ticks(limit):
    """Event positions: every tick on the 32nd-note or 16th-triplet grid."""
    return [t for t in range(limit) if t % 3 == 0 or t % 4 == 0]


def pitch_name(octave, degree, alteration):
    return f"P{octave:+d}_{theory.degree_name(degree, alteration)}"


def build():
    tokens = []

    def add(name, kind, **attrs):
        tokens.append({"id": len(tokens), "name": name, "kind": kind, **attrs})

    add("PAD", "PAD")
    add("BOS", "BOS")
    add("EOS", "EOS")
    for s in STYLES:
        add(f"STYLE_{s}", "STYLE", style=s)
    for p in PARTS:
        add(f"PART_{p}", "PART", part=p, pitched=p != "drums")
    for pc, k in enumerate(KEY_NAMES):
        add(f"KEY_{k}", "KEY", pc=pc)
    low = 0
    for i, (high, bpm) in enumerate(TEMPO_BUCKETS):
        add(f"TEMPO_{i}", "TEMPO", bucket=i, min_bpm=low, max_bpm=high, bpm=bpm)
        low = high
    add("BAR", "BAR")
    for ts in TIME_SIGNATURES:
        add(f"TS_{ts[0]}/{ts[1]}", "TS", numerator=ts[0], denominator=ts[1], bar_ticks=bar_ticks(ts))
    for s in SECTIONS:
        add(f"SEC_{s}", "SEC", section=s)
    for e in range(ENERGY_LEVELS):
        add(f"EN_{e}", "EN", level=e)
    for d in range(12):
        add(f"ROOT_{d}", "ROOT", degree=d)
    add("NOCHORD", "NOCHORD")
    for q in theory.QUALITY_NAMES:
        add(f"Q_{q}", "QUAL", quality=q)
    for i in range(1, 12):
        add(f"BASS_{i}", "BASS", interval=i)
    for t in range(CHORD_CHANGE_STEP, MAX_BAR_TICKS, CHORD_CHANGE_STEP):
        add(f"CHG_{t}", "CHG", tick=t)
    for t in grid_ticks(MAX_BAR_TICKS):
        add(f"POS_{t}", "POS", tick=t)
    index = 0
    for octave in range(theory.OCTAVE_MIN, theory.OCTAVE_MAX + 1):
        for d, a in theory.DEGREES:
            add(pitch_name(octave, d, a), "PITCH", octave=octave, degree=d, alteration=a, index=index)
            index += 1
    for i, (name, note, _) in enumerate(DRUMS):
        add(f"DRUM_{name}", "DRUM", drum=name, gm_note=note, index=i)
    for t in DURATIONS:
        add(f"DUR_{t}", "DUR", ticks=t)
    for i, (lo, hi, value) in enumerate(VELOCITY_BUCKETS):
        add(f"VEL_{i}", "VEL", bucket=i, min=lo, max=hi, velocity=value)
    for v in MICRO_OFFSETS:
        add(f"MT_{v:+d}", "MT", offset=v)

    kinds = {}
    for t in tokens:
        k = kinds.setdefault(t["kind"], {"first": t["id"], "count": 0})
        assert k["first"] + k["count"] == t["id"], f"kind {t['kind']} is not contiguous"
        k["count"] += 1

    return {
        "format": FORMAT,
        "version": VERSION,
        "comment": "Sideman token vocabulary. Generated by models/training/make_vocab.py; "
                   "do not edit by hand. Read by the Python tokenizer and by "
                   "src/Sideman.Model/Tokens/Vocabulary.cs.",
        "ticks_per_quarter": TICKS_PER_QUARTER,
        "micro_units_per_tick": MICRO_UNITS_PER_TICK,
        "max_sequence_tokens": MAX_SEQUENCE_TOKENS,
        "size": len(tokens),
        "special": {"pad": 0, "bos": 1, "eos": 2},
        "kinds": kinds,
        "qualities": [
            {"name": q, "intervals": list(theory.QUALITIES[q][0]), "scale": list(theory.QUALITIES[q][1]),
             "spelling": [theory.degree_name(d, a) for d, a in theory.spelling_table(q)]}
            for q in theory.QUALITY_NAMES],
        "register_centres": dict(theory.REGISTER_CENTRES),
        "drum_map": {str(n): name for name, _, notes in DRUMS for n in notes},
        "grammar": grammar(),
        "tokens": tokens,
    }


def grammar():
    """The decoding grammar as data: a finite automaton over token kinds (a token's exact name
    is looked up first, then its kind), plus integer registers with resets, updates and
    checks. The C# GrammarMask and the Python Grammar apply exactly this."""
    P, D = "P_", "D_"

    def events(pre):  # what may start after a complete chord list or note
        return {"POS": pre + "EVENT", "BAR": pre + "TS", "EOS": "END"}

    states = {
        "START": {"BOS": "STYLE"},
        "STYLE": {"STYLE": "PART"},
        "PART": {"PART_drums": D + "TEMPO", "PART": P + "KEY"},
        P + "KEY": {"KEY": P + "TEMPO"},
        P + "TEMPO": {"TEMPO": P + "FIRST_BAR"},
        D + "TEMPO": {"TEMPO": D + "FIRST_BAR"},
        P + "FIRST_BAR": {"BAR": P + "TS"},
        D + "FIRST_BAR": {"BAR": D + "TS"},
        P + "TS": {"TS": P + "SEC"},
        D + "TS": {"TS": D + "SEC"},
        P + "SEC": {"SEC": P + "EN"},
        D + "SEC": {"SEC": D + "EN"},
        P + "EN": {"EN": P + "CHORD"},
        D + "EN": {"EN": D + "BODY"},
        P + "CHORD": {"ROOT": P + "QUAL", "NOCHORD": P + "CHORD_DONE"},
        P + "QUAL": {"QUAL": P + "CHORD_QUAL"},
        P + "CHORD_QUAL": {"BASS": P + "CHORD_DONE", "CHG": P + "CHORD", **events(P)},
        P + "CHORD_DONE": {"CHG": P + "CHORD", **events(P)},
        P + "EVENT": {"PITCH": P + "DUR"},
        P + "DUR": {"DUR": P + "VEL"},
        P + "VEL": {"VEL": P + "NOTE"},
        P + "NOTE": {"MT": P + "NOTE_MT", "PITCH": P + "DUR", **events(P)},
        P + "NOTE_MT": {"PITCH": P + "DUR", **events(P)},
        D + "BODY": events(D),
        D + "EVENT": {"DRUM": D + "VEL"},
        D + "VEL": {"VEL": D + "NOTE"},
        D + "NOTE": {"MT": D + "NOTE_MT", "DRUM": D + "VEL", **events(D)},
        D + "NOTE_MT": {"DRUM": D + "VEL", **events(D)},
        "END": {},
    }
    return {
        "start": "START",
        "end": "END",
        "states": states,
        "registers": {
            "bar_ticks": {"initial": 0, "reset": {}},
            "last_pos": {"initial": -1, "reset": {"BAR": -1}},
            "last_chord": {"initial": 0, "reset": {"BAR": 0}},
            "last_in_pos": {"initial": -1, "reset": {"BAR": -1, "POS": -1}},
        },
        # After a token of `kind` is accepted: register := token[attribute]. Resets run first.
        "updates": [
            {"kind": "TS", "register": "bar_ticks", "attribute": "bar_ticks"},
            {"kind": "POS", "register": "last_pos", "attribute": "tick"},
            {"kind": "CHG", "register": "last_chord", "attribute": "tick"},
            {"kind": "PITCH", "register": "last_in_pos", "attribute": "index"},
            {"kind": "DRUM", "register": "last_in_pos", "attribute": "index"},
        ],
        # A token of `kind` is allowed only if token[attribute] <op> register.
        "checks": [
            {"kind": "POS", "attribute": "tick", "op": "gt", "register": "last_pos"},
            {"kind": "POS", "attribute": "tick", "op": "lt", "register": "bar_ticks"},
            {"kind": "CHG", "attribute": "tick", "op": "gt", "register": "last_chord"},
            {"kind": "CHG", "attribute": "tick", "op": "lt", "register": "bar_ticks"},
            {"kind": "PITCH", "attribute": "index", "op": "gt", "register": "last_in_pos"},
            {"kind": "DRUM", "attribute": "index", "op": "gt", "register": "last_in_pos"},
        ],
    }
