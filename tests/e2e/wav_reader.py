"""Reads a RIFF/WAVE file into a float array (frames x channels) with numpy only.

Handles integer PCM (8/16/24/32 bit), IEEE float (32/64 bit) and WAVE_FORMAT_EXTENSIBLE,
which covers every format ardour7-export writes. Errors name the file and the problem.
"""

import struct

import numpy as np

PCM, IEEE_FLOAT, EXTENSIBLE = 1, 3, 0xFFFE


class WavError(ValueError):
    pass


def read_wav(path):
    """Returns (samples as float64 array of shape (frames, channels), sample rate)."""
    with open(path, "rb") as f:
        data = f.read()
    if len(data) < 12 or data[0:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise WavError(f"{path}: not a RIFF/WAVE file")
    fmt = None
    payload = None
    pos = 12
    while pos + 8 <= len(data):
        chunk_id = data[pos:pos + 4]
        size = struct.unpack_from("<I", data, pos + 4)[0]
        body = data[pos + 8:pos + 8 + size]
        if chunk_id == b"fmt ":
            fmt = _parse_fmt(path, body)
        elif chunk_id == b"data":
            if len(body) < size:
                raise WavError(f"{path}: data chunk says {size} bytes but the file holds {len(body)}")
            payload = body
        pos += 8 + size + (size & 1)  # chunks are padded to even sizes
    if fmt is None:
        raise WavError(f"{path}: no fmt chunk")
    if payload is None:
        raise WavError(f"{path}: no data chunk")
    tag, channels, rate, bits = fmt
    samples = _decode(path, payload, tag, bits)
    frames = len(samples) // channels
    return samples[:frames * channels].reshape(frames, channels), rate


def _parse_fmt(path, body):
    if len(body) < 16:
        raise WavError(f"{path}: fmt chunk too short ({len(body)} bytes)")
    tag, channels, rate, _, _, bits = struct.unpack_from("<HHIIHH", body, 0)
    if tag == EXTENSIBLE:
        if len(body) < 26:
            raise WavError(f"{path}: extensible fmt chunk too short")
        tag = struct.unpack_from("<H", body, 24)[0]  # first two bytes of the sub-format GUID
    if channels == 0 or rate == 0:
        raise WavError(f"{path}: {channels} channels at {rate} Hz")
    return tag, channels, rate, bits


def _decode(path, payload, tag, bits):
    if tag == IEEE_FLOAT and bits in (32, 64):
        return np.frombuffer(payload[:len(payload) // (bits // 8) * (bits // 8)],
                             dtype="<f4" if bits == 32 else "<f8").astype(np.float64)
    if tag == PCM and bits == 8:
        return (np.frombuffer(payload, dtype=np.uint8).astype(np.float64) - 128.0) / 128.0
    if tag == PCM and bits in (16, 32):
        width = bits // 8
        raw = np.frombuffer(payload[:len(payload) // width * width], dtype=f"<i{width}")
        return raw.astype(np.float64) / float(2 ** (bits - 1))
    if tag == PCM and bits == 24:
        raw = np.frombuffer(payload[:len(payload) // 3 * 3], dtype=np.uint8).reshape(-1, 3)
        value = raw[:, 0].astype(np.int32) | (raw[:, 1].astype(np.int32) << 8) | (raw[:, 2].astype(np.int32) << 16)
        value = np.where(value >= 1 << 23, value - (1 << 24), value)
        return value.astype(np.float64) / float(1 << 23)
    raise WavError(f"{path}: unsupported sample format (tag {tag}, {bits} bits)")
