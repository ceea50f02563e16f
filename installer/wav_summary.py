#!/usr/bin/python3
"""Prints a one-line summary of a rendered WAV and fails if it is silent, clipped to NaN, or damaged.

Usage: wav_summary.py FILE.wav
Reads 16-bit PCM and 32-bit float, the formats our tools write; the standard library only, so the
installer needs nothing beyond python3.
"""

import array
import math
import struct
import sys

SILENCE_DBFS = -60.0


def read_samples(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise ValueError("not a RIFF/WAVE file")
    pos, fmt, payload = 12, None, None
    while pos + 8 <= len(data):
        cid, size = data[pos:pos + 4], struct.unpack_from("<I", data, pos + 4)[0]
        if cid == b"fmt ":
            fmt = struct.unpack_from("<HHIIHH", data, pos + 8)
            if fmt[0] == 0xFFFE:  # extensible: the real tag opens the sub-format GUID
                fmt = (struct.unpack_from("<H", data, pos + 8 + 24)[0],) + fmt[1:]
        elif cid == b"data":
            payload = data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)
    if fmt is None or payload is None:
        raise ValueError("missing fmt or data chunk")
    tag, channels, rate, _, _, bits = fmt
    if (tag, bits) == (3, 32):
        samples, scale = array.array("f"), 1.0
    elif (tag, bits) == (1, 16):
        samples, scale = array.array("h"), 1.0 / 32768.0
    else:
        raise ValueError(f"unsupported format tag {tag} with {bits} bits")
    samples.frombytes(payload[:len(payload) // samples.itemsize * samples.itemsize])
    if sys.byteorder != "little":
        samples.byteswap()
    return [s * scale for s in samples], channels, rate


def main(argv):
    if len(argv) != 2:
        print("usage: wav_summary.py FILE.wav", file=sys.stderr)
        return 2
    try:
        samples, channels, rate = read_samples(argv[1])
    except (OSError, ValueError, struct.error) as e:
        print(f"{argv[1]}: cannot read: {e}", file=sys.stderr)
        return 1
    if not samples:
        print(f"{argv[1]}: no audio", file=sys.stderr)
        return 1
    if any(math.isnan(s) or math.isinf(s) for s in samples):
        print(f"{argv[1]}: holds NaN or Inf samples", file=sys.stderr)
        return 1
    peak = max(abs(s) for s in samples)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    seconds = len(samples) / channels / rate
    to_db = lambda v: 20 * math.log10(v) if v > 0 else -math.inf  # noqa: E731
    print(f"{argv[1]}: {seconds:.2f} s, {channels} ch, {rate} Hz, peak {to_db(peak):.1f} dBFS, "
          f"RMS {to_db(rms):.1f} dBFS")
    if to_db(peak) < SILENCE_DBFS:
        print(f"{argv[1]}: silent (peak under {SILENCE_DBFS:.0f} dBFS)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
