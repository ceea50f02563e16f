"""Standard MIDI File reader (SMF format 0, 1 and 2), written for the training pipeline.

It keeps what the pipeline needs: notes with start/end ticks, velocities and channels,
per-track names and programs, and the tempo and time-signature maps. Running status,
SysEx, meta events and notes left hanging at the end of a track are handled. Damage
(bad chunk ids, truncated chunks, SMPTE time division) raises CorpusFileError naming the
file and the byte offset.
"""

from dataclasses import dataclass, field

from .errors import CorpusFileError


@dataclass(frozen=True)
class MidiNote:
    start: int  # ticks
    end: int  # ticks, > start
    pitch: int
    velocity: int
    channel: int


@dataclass
class MidiTrack:
    index: int
    name: str = ""
    notes: list = field(default_factory=list)
    programs: dict = field(default_factory=dict)  # channel -> first program seen


@dataclass
class MidiFile:
    path: str
    format: int
    ticks_per_quarter: int
    tracks: list
    tempos: list  # [(tick, microseconds per quarter)], sorted, first at tick 0
    time_signatures: list  # [(tick, numerator, denominator)], sorted
    key_signatures: list  # [(tick, sharps, minor)]

    def all_notes(self):
        return sorted((n for t in self.tracks for n in t.notes), key=lambda n: (n.start, n.pitch))

    def length_ticks(self):
        return max((n.end for t in self.tracks for n in t.notes), default=0)

    def seconds_at(self, tick):
        """Seconds from the start of the file at a tick, through the tempo map."""
        seconds, last_tick, tempo = 0.0, 0, 500000
        for t, us in self.tempos:
            if t >= tick:
                break
            seconds += (t - last_tick) * tempo / 1e6 / self.ticks_per_quarter
            last_tick, tempo = t, us
        return seconds + (tick - last_tick) * tempo / 1e6 / self.ticks_per_quarter


class _Reader:
    def __init__(self, path, data):
        self.path, self.data, self.pos = path, data, 0

    def fail(self, problem):
        raise CorpusFileError(self.path, f"{problem} (at byte {self.pos})")

    def need(self, n, what):
        if self.pos + n > len(self.data):
            self.fail(f"truncated while reading {what}")

    def u8(self, what="a byte"):
        self.need(1, what)
        b = self.data[self.pos]
        self.pos += 1
        return b

    def u16(self, what):
        self.need(2, what)
        v = int.from_bytes(self.data[self.pos:self.pos + 2], "big")
        self.pos += 2
        return v

    def u32(self, what):
        self.need(4, what)
        v = int.from_bytes(self.data[self.pos:self.pos + 4], "big")
        self.pos += 4
        return v

    def vlq(self, what):
        value = 0
        for _ in range(4):
            b = self.u8(what)
            value = (value << 7) | (b & 0x7F)
            if not b & 0x80:
                return value
        self.fail(f"variable-length quantity longer than 4 bytes in {what}")

    def bytes(self, n, what):
        self.need(n, what)
        b = self.data[self.pos:self.pos + n]
        self.pos += n
        return b


def read_midi(path, data=None):
    """Parse a Standard MIDI File. `data` may be given to parse bytes already in memory."""
    if data is None:
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise CorpusFileError(path, f"cannot open: {e.strerror}")
    r = _Reader(str(path), data)
    if r.bytes(4, "header id") != b"MThd":
        r.pos = 0
        r.fail("not a Standard MIDI File (no MThd header)")
    header_len = r.u32("header length")
    if header_len < 6:
        r.fail(f"header length {header_len} is shorter than 6")
    fmt = r.u16("format")
    ntracks = r.u16("track count")
    division = r.u16("time division")
    r.pos += header_len - 6
    if fmt not in (0, 1, 2):
        r.fail(f"unknown SMF format {fmt}")
    if division & 0x8000:
        r.fail("SMPTE time division is not supported (only ticks per quarter note)")
    if division == 0:
        r.fail("time division is 0 ticks per quarter note")

    tracks, tempos, tsigs, ksigs = [], [], [], []
    while len(tracks) < ntracks and r.pos < len(data):
        chunk_start = r.pos
        cid = r.bytes(4, "chunk id")
        clen = r.u32("chunk length")
        if cid != b"MTrk":
            # Unknown chunks are allowed by the spec and skipped.
            r.need(clen, f"unknown chunk {cid!r}")
            r.pos += clen
            continue
        if r.pos + clen > len(data):
            r.pos = chunk_start
            r.fail(f"track {len(tracks)} is truncated: chunk says {clen} bytes, "
                   f"{len(data) - chunk_start - 8} remain")
        end = r.pos + clen
        tracks.append(_read_track(r, end, len(tracks), tempos, tsigs, ksigs))
        r.pos = end
    if not tracks:
        r.fail("no MTrk chunk")
    tempos.sort(key=lambda x: x[0])
    if not tempos or tempos[0][0] != 0:
        tempos.insert(0, (0, 500000))
    tsigs.sort(key=lambda x: x[0])
    ksigs.sort(key=lambda x: x[0])
    return MidiFile(str(path), fmt, division, tracks, tempos, tsigs, ksigs)


def _read_track(r, end, index, tempos, tsigs, ksigs):
    track = MidiTrack(index)
    tick, status = 0, None
    open_notes = {}  # (channel, pitch) -> list of (start, velocity), FIFO
    while r.pos < end:
        tick += r.vlq("delta time")
        b = r.u8("event status")
        if b == 0xFF:
            mtype = r.u8("meta type")
            mlen = r.vlq("meta length")
            payload = r.bytes(mlen, "meta data")
            if mtype == 0x2F:
                break
            if mtype == 0x51 and mlen == 3:
                tempos.append((tick, int.from_bytes(payload, "big")))
            elif mtype == 0x58 and mlen >= 2:
                den = 2 ** payload[1] if payload[1] < 8 else 4
                tsigs.append((tick, payload[0], den))
            elif mtype == 0x59 and mlen == 2:
                sf = payload[0] - 256 if payload[0] > 127 else payload[0]
                ksigs.append((tick, sf, payload[1]))
            elif mtype == 0x03 and not track.name:
                track.name = payload.decode("latin-1").strip()
            status = None  # meta and sysex events cancel running status
            continue
        if b in (0xF0, 0xF7):
            r.bytes(r.vlq("sysex length"), "sysex data")
            status = None
            continue
        if b & 0x80:
            status = b
            d1 = r.u8("event data")
        else:
            if status is None:
                r.fail("data byte without a running status")
            d1 = b
        kind, ch = status & 0xF0, status & 0x0F
        if kind in (0xC0, 0xD0):
            if kind == 0xC0:
                track.programs.setdefault(ch, d1)
            continue
        if kind < 0x80 or status >= 0xF0:
            r.fail(f"unexpected status byte 0x{status:02X}")
        d2 = r.u8("event data")
        if kind == 0x90 and d2 > 0:
            open_notes.setdefault((ch, d1), []).append((tick, d2))
        elif kind == 0x80 or (kind == 0x90 and d2 == 0):
            stack = open_notes.get((ch, d1))
            if stack:
                start, vel = stack.pop(0)
                if tick > start:
                    track.notes.append(MidiNote(start, tick, d1, vel, ch))
    # Notes never switched off end with the track.
    for (ch, pitch), stack in open_notes.items():
        for start, vel in stack:
            if tick > start:
                track.notes.append(MidiNote(start, tick, pitch, vel, ch))
    track.notes.sort(key=lambda n: (n.start, n.pitch))
    return track
