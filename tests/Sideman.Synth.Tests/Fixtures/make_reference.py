#!/usr/bin/python3
"""Regenerates fluidsynth-reference.json: single notes of FluidR3_GM presets rendered by an
independent SF2 player (Debian's fluidsynth CLI), reduced to small features the C# tests
compare against: a 10 ms RMS envelope, third-octave band energies and the stereo balance.

Run: /usr/bin/python3 tests/Sideman.Synth.Tests/Fixtures/make_reference.py
Needs: apt-get install fluidsynth fluid-soundfont-gm python3-numpy
"""
import json, os, struct, subprocess, sys, tempfile, wave
import numpy as np

SF2 = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
RATE = 48000
SECONDS = 2.0
NOTE_OFF = 1.0
FRAME = 480              # 10 ms
SPECTRUM_START = 4800    # 100 ms after the note-on
SPECTRUM_SIZE = 16384
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "fluidsynth-reference.json")

# (name, bank, program, key, velocity); drums go on MIDI channel 10.
CASES = [
    ("grand-piano-c4", 0, 0, 60, 127),
    ("grand-piano-a4", 0, 0, 69, 127),
    ("rhodes-c4", 0, 4, 60, 127),
    ("finger-bass-e2", 0, 33, 40, 127),
    ("picked-bass-c2", 0, 34, 36, 127),
    ("synth-bass-c2", 0, 38, 36, 127),
    ("drawbar-organ-c4", 0, 16, 60, 127),
    ("strings-c4", 0, 48, 60, 127),
    ("warm-pad-c4", 0, 89, 60, 127),
    ("saw-lead-c4", 0, 81, 60, 127),
    ("kalimba-c5", 0, 108, 72, 127),
    ("standard-kick", 128, 0, 36, 127),
    ("standard-snare", 128, 0, 38, 127),
    ("standard-closed-hat", 128, 0, 42, 127),
    ("brush-snare", 128, 40, 38, 127),
]


# (bank, program, key) whose pitch is measured: the strongest partial near the key's frequency.
PITCHES = [(8, 80, 45), (8, 80, 69), (8, 80, 81), (0, 0, 57), (0, 0, 69), (0, 4, 69), (0, 33, 45),
           (0, 34, 40), (0, 48, 69), (0, 89, 69), (0, 81, 69), (0, 108, 81)]
PITCH_START = 4800
PITCH_SIZE = 32768


def vlq(n):
    out = [n & 0x7F]
    n >>= 7
    while n:
        out.insert(0, (n & 0x7F) | 0x80)
        n >>= 7
    return bytes(out)


def write_midi(path, bank, program, key, velocity):
    channel = 9 if bank == 128 else 0
    ticks_per_second = 960  # 480 ticks per quarter at the default 120 BPM
    events = [
        (0, bytes([0xB0 | channel, 0, 0 if bank == 128 else bank])),
        (0, bytes([0xC0 | channel, program])),
        (0, bytes([0x90 | channel, key, velocity])),
        (int(NOTE_OFF * ticks_per_second), bytes([0x80 | channel, key, 0])),
        (int((SECONDS + 0.5) * ticks_per_second), bytes([0xB0 | channel, 7, 100])),
    ]
    track, now = b"", 0
    for tick, data in events:
        track += vlq(tick - now) + data
        now = tick
    track += vlq(0) + b"\xff\x2f\x00"
    with open(path, "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, 480) + b"MTrk" + struct.pack(">I", len(track)) + track)


def render(midi, wav):
    subprocess.run(["fluidsynth", "-ni", "-q", "-g", "1.0", "-R", "0", "-C", "0", "-r", str(RATE),
                    "-F", wav, SF2, midi], check=True)
    with wave.open(wav) as w:
        data = np.frombuffer(w.readframes(w.getnframes()), dtype=np.int16).astype(np.float64) / 32768.0
        return data.reshape(-1, w.getnchannels())[: int(SECONDS * RATE)]


def features(stereo):
    mono = stereo.mean(axis=1)
    frames = len(mono) // FRAME
    rms = np.sqrt((mono[: frames * FRAME].reshape(frames, FRAME) ** 2).mean(axis=1))
    envelope = 20 * np.log10(rms + 1e-9)
    window = mono[SPECTRUM_START: SPECTRUM_START + SPECTRUM_SIZE] * np.hanning(SPECTRUM_SIZE)
    power = np.abs(np.fft.rfft(window)) ** 2
    freqs = np.arange(len(power)) * RATE / SPECTRUM_SIZE
    bands = []
    for k in range(27):  # third-octave bands from 50 Hz up to ~16 kHz
        centre = 50.0 * 2 ** (k / 3)
        lo, hi = centre * 2 ** (-1 / 6), centre * 2 ** (1 / 6)
        energy = power[(freqs >= lo) & (freqs < hi)].sum()
        bands.append(10 * np.log10(energy + 1e-12))
    left, right = (stereo[: RATE, 0] ** 2).sum(), (stereo[: RATE, 1] ** 2).sum()
    balance = 10 * np.log10((left + 1e-12) / (right + 1e-12))
    return [round(float(v), 2) for v in envelope], [round(float(v), 2) for v in bands], round(float(balance), 2)


def peak_frequency(mono, expected):
    """Hann window, zero padding to 4x, strongest bin within 6 % of expected, log-parabolic refinement
    (the same estimate as Analysis.PeakFrequency in the C# tests)."""
    x = mono[PITCH_START: PITCH_START + PITCH_SIZE] * np.hanning(PITCH_SIZE)
    n = 4 * PITCH_SIZE
    mag = np.abs(np.fft.rfft(x, n))
    lo, hi = int(expected * 0.94 * n / RATE), int(expected * 1.06 * n / RATE)
    k = lo + int(np.argmax(mag[lo: hi + 1]))
    a, b, c = np.log(mag[k - 1] + 1e-20), np.log(mag[k] + 1e-20), np.log(mag[k + 1] + 1e-20)
    return (k + 0.5 * (a - c) / (a - 2 * b + c)) * RATE / n


def main():
    version = subprocess.run(["fluidsynth", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
    cases = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, bank, program, key, velocity in CASES:
            midi, wav = os.path.join(tmp, name + ".mid"), os.path.join(tmp, name + ".wav")
            write_midi(midi, bank, program, key, velocity)
            envelope, bands, balance = features(render(midi, wav))
            cases.append({"name": name, "bank": bank, "program": program, "key": key, "velocity": velocity,
                          "envelopeDb": envelope, "bandsDb": bands, "balanceDb": balance})
            print(name, "peak %.1f dB" % max(envelope), file=sys.stderr)
        pitches = []
        for bank, program, key in PITCHES:
            midi, wav = os.path.join(tmp, "pitch.mid"), os.path.join(tmp, "pitch.wav")
            write_midi(midi, bank, program, key, 110)
            expected = 440.0 * 2 ** ((key - 69) / 12)
            hz = peak_frequency(render(midi, wav).mean(axis=1), expected)
            pitches.append({"bank": bank, "program": program, "key": key, "hz": round(float(hz), 4)})
            print(bank, program, key, "%.3f Hz (%+.2f cents)" % (hz, 1200 * np.log2(hz / expected)), file=sys.stderr)
    doc = {"generator": version, "soundFont": os.path.basename(SF2), "sampleRate": RATE, "seconds": SECONDS,
           "noteOffSeconds": NOTE_OFF, "frame": FRAME, "spectrumStart": SPECTRUM_START,
           "spectrumSize": SPECTRUM_SIZE, "bandBaseHz": 50.0, "bandsPerOctave": 3,
           "settings": "fluidsynth -g 1.0 -R 0 -C 0 (gain 1, reverb and chorus off), 4-point interpolation",
           "pitchStart": PITCH_START, "pitchSize": PITCH_SIZE, "pitchVelocity": 110,
           "pitches": pitches, "cases": cases}
    # One line per case keeps the fixture small and its diffs readable.
    head = json.dumps({k: v for k, v in doc.items() if k not in ("cases", "pitches")}, indent=1)[:-2]
    head += ',\n "pitches": [\n' + ",\n".join("  " + json.dumps(p) for p in pitches) + "\n ]"
    body = ",\n".join("  " + json.dumps(c) for c in cases)
    with open(OUT, "w") as f:
        f.write(head + ',\n "cases": [\n' + body + "\n ]\n}\n")


if __name__ == "__main__":
    main()
