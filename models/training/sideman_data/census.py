"""What the dataset holds where the model needs coverage: bars per metre and part, drum bars
per style, slash-chord bars and whether the bass plays the slash note on beat 1.

These figures go into stats.json (`census`) so a build shows, before anyone trains, whether
the data can teach a metre's strong beats, a style's drums or a slash chord's bass line.
Origins: `human` (corpus) or `authored` (the project's style library).
"""

from collections import Counter, defaultdict

from . import theory


class Census:
    def __init__(self):
        self.metre = defaultdict(Counter)  # (origin, part) -> "n/d" -> bars
        self.drums = defaultdict(Counter)  # style -> origin -> bars
        self.slash = defaultdict(Counter)  # (origin, part) -> kind -> bars
        self.beat1 = defaultdict(Counter)  # origin -> counters of the bass's note on beat 1

    def add(self, piece, part, bars):
        origin = "authored" if piece.project_authored else "human"
        for b in bars:
            self.metre[(origin, part)][f"{b.time_signature[0]}/{b.time_signature[1]}"] += 1
        if part == "drums":
            self.drums[piece.style][origin] += len(bars)
            return
        for b in bars:
            kind = slash_kind(b)
            if kind:
                self.slash[(origin, part)][kind] += 1
            if part == "bass":
                if b.chords and b.chords[0].chord.root is not None:
                    self._beat1(origin, b)
                else:
                    self.beat1[origin]["nochord_bars"] += 1

    def _beat1(self, origin, bar):
        """Counts, over bars whose first chord is plain or slash, those whose bass has a note at
        tick 0 and those whose tick-0 note is the written bass (the root on a plain chord)."""
        chord = bar.chords[0].chord
        kind = "plain" if chord.bass % 12 == 0 else "slash"
        c = self.beat1[origin]
        c[f"{kind}_bars"] += 1
        first = [e for e in bar.events if e.tick == 0]
        if not first:
            return
        c[f"{kind}_note_on_1"] += 1
        intervals = {theory.degree_semitones(chord.quality, e.degree, e.alteration) % 12 for e in first}
        if chord.bass % 12 in intervals:
            c[f"{kind}_written_bass_on_1"] += 1

    def to_json(self):
        out = {"bars_by_metre": {}, "drum_bars_by_style": {}, "slash_bars": {}, "bass_beat1": {}}
        for (origin, part), c in sorted(self.metre.items()):
            out["bars_by_metre"].setdefault(origin, {})[part] = dict(sorted(c.items(), key=lambda kv: -kv[1]))
        for style, c in sorted(self.drums.items()):
            out["drum_bars_by_style"][style] = dict(sorted(c.items()))
        for (origin, part), c in sorted(self.slash.items()):
            out["slash_bars"].setdefault(origin, {})[part] = dict(sorted(c.items()))
        for origin, c in sorted(self.beat1.items()):
            row = dict(sorted(c.items()))
            for kind in ("plain", "slash"):
                n = c[f"{kind}_bars"]
                row[f"{kind}_written_bass_on_1_rate"] = round(c[f"{kind}_written_bass_on_1"] / n, 4) if n else None
            out["bass_beat1"][origin] = row
        return out


def slash_kind(bar):
    """'chord_tone' if a chord of the bar has an inversion bass (C/E), 'other' if one has a bass
    outside the chord (C/B, Am/G, F/G), else None."""
    kind = None
    for bc in bar.chords:
        c = bc.chord
        if c.root is None or c.bass % 12 == 0:
            continue
        if c.bass % 12 not in theory.QUALITIES[c.quality][0]:
            return "other"
        kind = "chord_tone"
    return kind
