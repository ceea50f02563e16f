"""Pattern events <-> tokens, exactly (see vocab_spec.py for the layout).

encode() refuses anything the vocabulary cannot hold exactly (off-grid tick, a velocity that
is not a bucket value, ...): quantising is the extractors' job, so that decode(encode(p)) == p
always. decode() walks the grammar, so a malformed sequence fails with the position and why.
"""

from .grammar import Grammar, GrammarError
from .patterns import NO_CHORD, Bar, BarChord, Chord, DrumHit, Phrase, PitchedNote


class TokenizeError(ValueError):
    pass


def event_sort_key(vocab, e):
    if isinstance(e, DrumHit):
        return (e.tick, vocab.drum_index[e.drum])
    return (e.tick, e.octave, e.degree, e.alteration)


def canonical_events(vocab, events):
    """Sort events into token order and drop duplicates at one (tick, drum/pitch): keep the loudest."""
    best = {}
    for e in events:
        key = event_sort_key(vocab, e)
        if key not in best or e.velocity > best[key].velocity:
            best[key] = e
    return [best[k] for k in sorted(best)]


class Tokenizer:
    def __init__(self, vocab):
        self.vocab = vocab
        self.grammar = Grammar(vocab)

    # ---------------- encode ----------------
    def encode(self, phrase):
        v = self.vocab
        pitched = phrase.part != "drums"
        out = [v.bos, self._get(v.style_id, phrase.style, "style"), self._get(v.part_id, phrase.part, "part")]
        if pitched:
            if phrase.key is None:
                raise TokenizeError(f"pitched part {phrase.part} needs a key")
            out.append(self._get(v.key_id, phrase.key % 12, "key"))
        out.append(self._get(v.tempo_id, phrase.tempo_bucket, "tempo bucket"))
        if not phrase.bars:
            raise TokenizeError("a phrase needs at least one bar")
        for bi, bar in enumerate(phrase.bars):
            self._encode_bar(out, phrase, bar, bi, pitched)
        out.append(v.eos)
        return out

    def encode_bar(self, phrase, bar_index):
        """The tokens of one bar (BAR ... last event), as they appear inside encode()."""
        out = []
        self._encode_bar(out, phrase, phrase.bars[bar_index], bar_index, phrase.part != "drums")
        return out

    def _encode_bar(self, out, phrase, bar, bi, pitched):
        v = self.vocab
        where = f"bar {bi}"
        out.append(v.bar)
        out.append(self._get(v.ts_id, tuple(bar.time_signature), f"{where} time signature"))
        out.append(self._get(v.section_id, bar.section, f"{where} section"))
        out.append(self._get(v.energy_id, bar.energy, f"{where} energy"))
        length = v.bar_ticks(bar.time_signature)
        if pitched:
            if not bar.chords or bar.chords[0].tick != 0:
                raise TokenizeError(f"{where}: pitched bars need a chord at tick 0")
            last = -1
            for i, bc in enumerate(bar.chords):
                if bc.tick <= last or bc.tick >= length:
                    raise TokenizeError(f"{where}: chord tick {bc.tick} out of order or past the bar")
                last = bc.tick
                if i > 0:
                    out.append(self._get(v.chg_id, bc.tick, f"{where} chord change tick"))
                c = bc.chord
                if c.is_none:
                    out.append(v.id["NOCHORD"])
                    continue
                out.append(v.root_id[(c.root - phrase.key) % 12])
                out.append(self._get(v.quality_id, c.quality, f"{where} chord quality"))
                if c.bass % 12:
                    out.append(v.bass_id[c.bass % 12])
        elif bar.chords:
            raise TokenizeError(f"{where}: drum bars carry no chords")
        last_tick, last_key = -1, None
        for e in bar.events:
            if pitched != isinstance(e, PitchedNote):
                raise TokenizeError(f"{where}: {type(e).__name__} in a {phrase.part} part")
            key = event_sort_key(v, e)
            if last_key is not None and key <= last_key:
                raise TokenizeError(f"{where}: events not in canonical order at tick {e.tick}")
            last_key = key
            if e.tick != last_tick:
                if e.tick >= length:
                    raise TokenizeError(f"{where}: event tick {e.tick} past the bar ({length})")
                out.append(self._get(v.pos_id, e.tick, f"{where} event tick"))
                last_tick = e.tick
            if pitched:
                out.append(self._get(v.pitch_id, (e.octave, e.degree, e.alteration), f"{where} pitch"))
                out.append(self._get(v.dur_id, e.duration, f"{where} duration"))
            else:
                out.append(self._get(v.drum_id, e.drum, f"{where} drum"))
            out.append(self._get(v.vel_id, e.velocity, f"{where} velocity"))
            if e.micro:
                out.append(self._get(v.mt_id, e.micro, f"{where} micro offset"))

    @staticmethod
    def _get(table, key, what):
        try:
            return table[key]
        except (KeyError, TypeError):
            raise TokenizeError(f"{what} {key!r} is not in the vocabulary")

    # ---------------- decode ----------------
    def decode(self, tokens):
        v, g = self.vocab, self.grammar
        st = g.start()
        phrase = None
        bar = None
        note = {}
        chord_tick = 0
        pos = 0
        pending = None  # chord being built: [tick, root, quality, bass]

        def close_chord():
            nonlocal pending
            if pending is not None:
                tick, root, quality, bass = pending
                bar.chords.append(BarChord(tick, Chord(root, quality, bass)))
                pending = None

        def close_note():
            nonlocal note
            if note:
                if phrase.part == "drums":
                    bar.events.append(DrumHit(pos, note["drum"], note["vel"], note.get("mt", 0)))
                else:
                    bar.events.append(PitchedNote(pos, note["oct"], note["deg"], note["alt"], note["dur"],
                                                  note["vel"], note.get("mt", 0)))
                note = {}

        header = {}
        for i, t in enumerate(tokens):
            t = int(t)
            try:
                g.step(st, t)
            except GrammarError as e:
                raise TokenizeError(f"token {i}: {e}")
            tok = v.tokens[t]
            k = tok["kind"]
            if k == "STYLE":
                header["style"] = tok["style"]
            elif k == "PART":
                header["part"] = tok["part"]
            elif k == "KEY":
                header["key"] = tok["pc"]
            elif k == "TEMPO":
                phrase = Phrase(header["style"], header["part"], header.get("key"), tok["bucket"])
            elif k == "BAR":
                if bar is not None:
                    close_chord()
                    close_note()
                bar = Bar(None, None, None)
                phrase.bars.append(bar)
            elif k == "TS":
                bar.time_signature = (tok["numerator"], tok["denominator"])
            elif k == "SEC":
                bar.section = tok["section"]
            elif k == "EN":
                bar.energy = tok["level"]
                chord_tick = 0
            elif k == "ROOT":
                pending = [chord_tick, (tok["degree"] + phrase.key) % 12, None, 0]
            elif k == "QUAL":
                pending[2] = tok["quality"]
            elif k == "BASS":
                pending[3] = tok["interval"]
            elif k == "NOCHORD":
                bar.chords.append(BarChord(chord_tick, NO_CHORD))
            elif k == "CHG":
                close_chord()
                chord_tick = tok["tick"]
            elif k == "POS":
                close_chord()
                close_note()
                pos = tok["tick"]
            elif k == "PITCH":
                close_note()
                note = {"oct": tok["octave"], "deg": tok["degree"], "alt": tok["alteration"]}
            elif k == "DRUM":
                close_note()
                note = {"drum": tok["drum"]}
            elif k == "DUR":
                note["dur"] = tok["ticks"]
            elif k == "VEL":
                note["vel"] = tok["velocity"]
            elif k == "MT":
                note["mt"] = tok["offset"]
            elif k == "EOS":
                close_chord()
                close_note()
        if not g.is_end(st):
            raise TokenizeError(f"sequence ends in grammar state {g.state_names[st.state]} (no EOS)")
        return phrase
