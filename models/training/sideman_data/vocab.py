"""Load models/vocab.json (the single source of truth) into lookup tables."""

import json
import os

from .errors import CorpusFileError

DEFAULT_PATH = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                             "vocab.json"))


class Vocab:
    def __init__(self, data, path):
        self.path = path
        self.data = data
        if data.get("format") != "sideman-vocab":
            raise CorpusFileError(path, "not a Sideman vocabulary (format field)")
        self.tokens = data["tokens"]
        if [t["id"] for t in self.tokens] != list(range(len(self.tokens))) or data["size"] != len(self.tokens):
            raise CorpusFileError(path, "token ids are not 0..size-1 in order")
        self.size = len(self.tokens)
        self.id = {t["name"]: t["id"] for t in self.tokens}
        self.kind = [t["kind"] for t in self.tokens]
        self.ticks_per_quarter = data["ticks_per_quarter"]
        self.micro_units_per_tick = data["micro_units_per_tick"]
        self.max_sequence_tokens = data["max_sequence_tokens"]
        self.pad, self.bos, self.eos = (data["special"][k] for k in ("pad", "bos", "eos"))
        self.bar = self.id["BAR"]
        self.qualities = {q["name"]: q for q in data["qualities"]}
        self.register_centres = data["register_centres"]
        self.drum_map = {int(k): v for k, v in data["drum_map"].items()}
        by = lambda kind, attr: {t[attr]: t["id"] for t in self.tokens if t["kind"] == kind}
        self.style_id = by("STYLE", "style")
        self.part_id = by("PART", "part")
        self.key_id = by("KEY", "pc")
        self.tempo_id = by("TEMPO", "bucket")
        self.ts_id = {(t["numerator"], t["denominator"]): t["id"] for t in self.tokens if t["kind"] == "TS"}
        self.section_id = by("SEC", "section")
        self.energy_id = by("EN", "level")
        self.root_id = by("ROOT", "degree")
        self.quality_id = by("QUAL", "quality")
        self.bass_id = by("BASS", "interval")
        self.chg_id = by("CHG", "tick")
        self.pos_id = by("POS", "tick")
        self.pitch_id = {(t["octave"], t["degree"], t["alteration"]): t["id"]
                         for t in self.tokens if t["kind"] == "PITCH"}
        self.drum_id = by("DRUM", "drum")
        self.drum_index = {t["drum"]: t["index"] for t in self.tokens if t["kind"] == "DRUM"}
        self.dur_id = by("DUR", "ticks")
        self.vel_id = by("VEL", "velocity")
        self.mt_id = by("MT", "offset")
        self.durations = sorted(self.dur_id)
        self._duration_cache = {}
        self.velocity_buckets = [(t["min"], t["max"], t["velocity"]) for t in self.tokens if t["kind"] == "VEL"]
        self._velocity_table = [0] * 128
        for v in range(1, 128):
            self._velocity_table[v] = next((value for lo, hi, value in self.velocity_buckets if lo <= v <= hi),
                                           self.velocity_buckets[-1][2])
        self.tempo_buckets = [(t["min_bpm"], t["max_bpm"], t["bucket"]) for t in self.tokens if t["kind"] == "TEMPO"]
        self.grid = sorted(self.pos_id)
        self.chord_grid = sorted(self.chg_id)

    def __len__(self):
        return self.size

    def name(self, token_id):
        return self.tokens[token_id]["name"]

    def bar_ticks(self, ts):
        return ts[0] * self.ticks_per_quarter * 4 // ts[1]

    def velocity_value(self, velocity):
        """A MIDI velocity -> its bucket's representative value."""
        return self._velocity_table[max(1, min(127, int(round(velocity))))]

    def duration_value(self, ticks):
        """A duration in ticks -> the nearest DURATIONS value (nearest in ratio)."""
        cached = self._duration_cache.get(ticks)
        if cached is None:
            cached = self._duration_cache[ticks] = self._nearest_duration(ticks)
        return cached

    def _nearest_duration(self, ticks):
        if ticks <= self.durations[0]:
            return self.durations[0]
        if ticks >= self.durations[-1]:
            return self.durations[-1]
        best = min(self.durations, key=lambda d: abs(d - ticks) / d + abs(d - ticks) / ticks)
        return best

    def tempo_bucket(self, bpm):
        for lo, hi, bucket in self.tempo_buckets:
            if lo <= bpm < hi:
                return bucket
        return self.tempo_buckets[-1][2]


_cache = {}


def load(path=DEFAULT_PATH):
    path = os.path.normpath(path)
    if path not in _cache:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise CorpusFileError(path, f"cannot open vocabulary: {e.strerror}")
        except json.JSONDecodeError as e:
            raise CorpusFileError(path, f"vocabulary is not valid JSON: {e}")
        try:
            _cache[path] = Vocab(data, path)
        except (KeyError, TypeError) as e:
            raise CorpusFileError(path, f"vocabulary is missing a field: {e}")
    return _cache[path]
