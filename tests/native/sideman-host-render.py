#!/usr/bin/python3
"""sideman-host render with the live band's options, end to end through the built bundle:
--stems, --midi-out, --set, --time-sig, --tempo, --chart, --realtime and their refusals.

Usage: sideman-host-render.py SIDEMAN_HOST BUNDLE WORK_DIR
Writes its input MIDI file and every output under WORK_DIR; exits non-zero on the first failure.
"""
import os
import shutil
import struct
import subprocess
import sys

RATE = 48000


def varlen(value):
    out = [value & 0x7F]
    value >>= 7
    while value:
        out.insert(0, (value & 0x7F) | 0x80)
        value >>= 7
    return bytes(out)


def write_input(path):
    """Format 0, 96 PPQ, 120 BPM: a kick on channel 10 at 0 s, C4 on channel 1 at 0.5 s, E2 on
    channel 2 at 1.0 s (notes on the player's and the band's channels, all passed through)."""
    events = [(0, b"\x99\x24\x64"), (48, b"\x89\x24\x00"), (96, b"\x90\x3c\x5a"), (192, b"\x80\x3c\x00"),
              (192, b"\x91\x28\x64"), (384, b"\x81\x28\x00")]
    track, last = varlen(0) + b"\xff\x51\x03" + struct.pack(">I", 500000)[1:], 0
    for tick, event in events:
        track += varlen(tick - last) + event
        last = tick
    track += varlen(0) + b"\xff\x2f\x00"
    with open(path, "wb") as f:
        f.write(b"MThd" + struct.pack(">IHHH", 6, 0, 1, 96) + b"MTrk" + struct.pack(">I", len(track)) + track)


def read_wav(path):
    """(channels, rate, bits, format, frames as [(l, r)])"""
    data = open(path, "rb").read()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE", f"{path}: not a WAV file"
    at, fmt, samples = 12, None, None
    while at + 8 <= len(data):
        cid, size = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        body = data[at + 8:at + 8 + size]
        if cid == b"fmt ":
            fmt = struct.unpack("<HHIIHH", body[:16])
        elif cid == b"data":
            samples = struct.unpack(f"<{len(body) // 4}f", body)
        at += 8 + size + (size & 1)
    assert fmt is not None and samples is not None, f"{path}: no fmt or data chunk"
    tag, channels, rate, _, _, bits = fmt
    frames = list(zip(samples[0::2], samples[1::2]))
    return channels, rate, bits, tag, frames


def read_midi(path):
    """(format, division, tracks); a track is a list of (tick, bytes) with meta events as b'\\xff' + type + data."""
    data = open(path, "rb").read()
    assert data[:4] == b"MThd", f"{path}: not a MIDI file"
    fmt, count, division = struct.unpack(">HHH", data[8:14])
    at, tracks = 14, []
    for _ in range(count):
        assert data[at:at + 4] == b"MTrk", f"{path}: track {len(tracks)} has no MTrk"
        end = at + 8 + struct.unpack(">I", data[at + 4:at + 8])[0]
        at += 8
        tick, events = 0, []
        while at < end:
            delta = 0
            while True:
                b = data[at]
                at += 1
                delta = (delta << 7) | (b & 0x7F)
                if not b & 0x80:
                    break
            tick += delta
            status = data[at]
            if status == 0xFF:
                kind, length = data[at + 1], data[at + 2]
                events.append((tick, bytes([0xFF, kind]) + data[at + 3:at + 3 + length]))
                at += 3 + length
            else:
                size = 2 if status & 0xF0 in (0xC0, 0xD0) else 3
                events.append((tick, data[at:at + size]))
                at += size
        tracks.append(events)
    return fmt, division, tracks


def run(host, bundle, *args, expect=0):
    cmd = [host, "render", *args, "--bundle", bundle]
    result = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=300)
    err = "\n".join(l for l in result.stderr.splitlines() if "onnxruntime" not in l)
    if result.returncode != expect:
        print("$ " + " ".join(cmd))
        print(result.stdout + err)
        raise AssertionError(f"exit status {result.returncode}, expected {expect}")
    return result.stdout, err


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main():
    host, bundle, work = sys.argv[1], sys.argv[2], sys.argv[3]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    song = os.path.join(work, "in.mid")
    write_input(song)
    main_wav, stems, midi_out = (os.path.join(work, n) for n in ("main.wav", "stems", "out.mid"))

    # Everything at once: stems, MIDI out, two parameters, 3/4 at 100 BPM, a chart.
    out, err = run(host, bundle, song, main_wav, "--stems", stems, "--midi-out", midi_out, "--set", "band.style=Funk",
                   "--set", "master.volume=-6", "--time-sig", "3/4", "--tempo", "100", "--chart", "C | Am | F | G7",
                   "--length", "2.5")
    check("set band.style = Funk" in err and "set master.volume = -6" in err, f"the settings were not echoed:\n{err}")
    channels, rate, bits, tag, frames = read_wav(main_wav)
    check((channels, rate, bits, tag) == (2, RATE, 32, 3), f"main.wav: {channels} ch, {rate} Hz, {bits} bit, format {tag}")
    check(len(frames) == int(2.5 * RATE), f"main.wav: {len(frames)} frames")
    names = sorted(os.listdir(stems))
    check(names == ["arp.wav", "bass.wav", "drums.wav", "keys.wav", "pad.wav"], f"stems: {names}")
    for name in names:
        s_channels, s_rate, s_bits, s_tag, s_frames = read_wav(os.path.join(stems, name))
        check((s_channels, s_rate, s_bits, s_tag, len(s_frames)) == (2, RATE, 32, 3, len(frames)),
              f"{name}: {s_channels} ch, {s_rate} Hz, {s_bits} bit, format {s_tag}, {len(s_frames)} frames")
    for name in ("drums.wav", "bass.wav"):  # the song's own kick (ch 10) and bass note (ch 2) play there
        peak = max(max(abs(l), abs(r)) for l, r in read_wav(os.path.join(stems, name))[4])
        check(peak > 1e-3, f"{name} is silent (peak {peak})")

    fmt, division, tracks = read_midi(midi_out)
    check(fmt == 1 and division == 96, f"out.mid: format {fmt}, division {division}")
    conductor = tracks[0]
    check((0, b"\xff\x51\x09\x27\xc0") in conductor, f"conductor has no 100 BPM tempo: {conductor}")
    check((0, b"\xff\x58\x03\x02\x18\x08") in conductor, f"conductor has no 3/4: {conductor}")
    by_channel = {}
    for track in tracks[1:]:
        notes = [(t, e) for t, e in track if e[0] & 0xF0 in (0x80, 0x90)]
        check(notes, "a channel track without notes")
        channels_here = {e[0] & 0x0F for _, e in notes}
        check(len(channels_here) == 1, f"one track holds channels {channels_here}")
        by_channel[channels_here.pop()] = notes
    # The song's notes pass through at their exact samples, converted to ticks at 100 BPM:
    # 0.5 s = 24000 samples = 80 ticks, 1.0 s = 160, 2.0 s = 320; the kick's off at 0.25 s = 40.
    expected = {9: [(0, 0x99, 36), (40, 0x89, 36)], 0: [(80, 0x90, 60), (160, 0x80, 60)],
                1: [(160, 0x91, 40), (320, 0x81, 40)]}
    for channel, wanted in expected.items():
        check(channel in by_channel, f"no track for channel {channel + 1}: {sorted(by_channel)}")
        got = {(t, e[0], e[1]) for t, e in by_channel[channel]}
        for note in wanted:
            check(note in got, f"channel {channel + 1}: no {note} in {sorted(got)[:12]}")

    # A parameter set before the render holds from its first block: master at -inf leaves the main
    # bus silent once the 5 ms volume ramp from the default is over.
    silent = os.path.join(work, "silent.wav")
    run(host, bundle, song, silent, "--set", "master.volume=-inf", "--length", "1.5")
    tail = read_wav(silent)[4][480:]
    check(all(l == 0 and r == 0 for l, r in tail), "master.volume=-inf did not silence the render")

    # Real-time mode renders too.
    out, err = run(host, bundle, song, os.path.join(work, "realtime.wav"), "--realtime", "--length", "1")
    check("realtime" in err, f"no realtime mode reported:\n{err}")

    # Refusals: one clear message naming what was wrong, exit status 2.
    refusals = [
        (["--set", "band.nosuch=3"], "band.nosuch"),
        (["--set", "master.volume=loud"], "loud"),
        (["--set", "nothing"], "ID=TEXT"),
        (["--chart", "C | Qx9"], "Qx9"),
        (["--time-sig", "5/6"], "5/6"),
        (["--time-sig", "four"], "four"),
        (["--stems", ""], "--stems"),
    ]
    for args, named in refusals:
        out, err = run(host, bundle, song, os.path.join(work, "refused.wav"), *args, expect=2)
        check(named in err, f"{args}: the message does not name '{named}':\n{err}")
    check(not os.path.exists(os.path.join(work, "refused.wav")), "a refused render still wrote its WAV")
    print("sideman-host render options: passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
