"""Pattern events: what the tokenizer turns into tokens and back (lossless).

Mirrors src/Sideman.Music/Patterns/. Ticks are bar-relative at 24 per quarter; velocities and
durations are the representative values of their buckets (extraction quantises; the
tokenizer never loses anything); micro offsets are in 1/96 quarter.
"""

from dataclasses import dataclass, field
from typing import List, Optional, Tuple


@dataclass(frozen=True)
class Chord:
    root: Optional[int]  # absolute pitch class, None = no chord (N.C.)
    quality: str = "maj"
    bass: int = 0  # interval of the bass above the root (0 = root position)

    @property
    def is_none(self):
        return self.root is None


NO_CHORD = Chord(None, "none", 0)


@dataclass(frozen=True)
class BarChord:
    tick: int
    chord: Chord


@dataclass(frozen=True)
class PitchedNote:
    tick: int
    octave: int
    degree: int  # 1..7, slot of the chord-scale
    alteration: int  # -1, 0, +1
    duration: int  # ticks (a DURATIONS value)
    velocity: int  # a velocity bucket value
    micro: int = 0  # micro units, 0 = on the grid


@dataclass(frozen=True)
class DrumHit:
    tick: int
    drum: str  # drum class name
    velocity: int
    micro: int = 0


@dataclass
class Bar:
    time_signature: Tuple[int, int]
    section: str
    energy: int
    chords: List[BarChord] = field(default_factory=list)  # pitched parts: first at tick 0
    events: list = field(default_factory=list)  # PitchedNote or DrumHit, canonical order


@dataclass
class Phrase:
    style: str
    part: str
    key: Optional[int]  # tonic pitch class for pitched parts, None for drums
    tempo_bucket: int
    bars: List[Bar] = field(default_factory=list)
