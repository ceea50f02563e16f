"""The originality index: pair keys, the file format (models/ORIGINALITY_INDEX.md), the reader's
rejections, and build_index.py on a small dataset."""
from __future__ import annotations

import struct

import numpy as np
import pytest

from release_fixtures import V, bass_phrase, drum_phrase, write_split
import build_index
from originality_index import (IndexFileError, OriginalityIndex, pair_key, pair_keys, split_pairs, vocab_digest,
                               write_index)
from sideman_data.fingerprint import bar_hashes

DIGEST = vocab_digest(V.path)


def test_vectorised_keys_equal_the_reference_fnv():
    rng = np.random.default_rng(4)
    p = rng.integers(0, 461, 64).astype(np.int32)
    a = rng.integers(1, 2 ** 64 - 1, 64, dtype=np.uint64)
    b = rng.integers(1, 2 ** 64 - 1, 64, dtype=np.uint64)
    keys = pair_keys(p, a, b)
    assert [int(k) for k in keys] == [pair_key(int(x), int(y), int(z)) for x, y, z in zip(p, a, b)]
    # The reference is FNV-1a 64 over the 20 contract bytes: check one key by hand.
    data = struct.pack("<iQQ", 31, 5, 7)
    h = 0xCBF29CE484222325
    for byte in data:
        h = ((h ^ byte) * 0x100000001B3) % 2 ** 64
    assert pair_key(31, 5, 7) == h


def test_written_file_reads_back_and_answers_lookups(tmp_path):
    keys = np.array([9, 3, 3, 2 ** 63 + 5, 17], dtype=np.uint64)
    path = tmp_path / "x.fingerprints"
    assert write_index(path, keys, DIGEST) == 4  # duplicates dropped
    raw = path.read_bytes()
    assert raw[:4] == b"SMFP" and struct.unpack_from("<I", raw, 4)[0] == 1
    assert raw[8:40] == bytes.fromhex(DIGEST) and struct.unpack_from("<Q", raw, 40)[0] == 4
    assert len(raw) == 48 + 4 * 8
    idx = OriginalityIndex.load(path, DIGEST)
    assert [int(k) for k in idx.keys] == [3, 9, 17, 2 ** 63 + 5]
    assert idx.contains_key(17) and idx.contains_key(2 ** 63 + 5)
    assert not idx.contains_key(4) and not idx.contains_key(2 ** 64 - 1)
    assert idx.contains_keys(np.array([3, 4, 17], dtype=np.uint64)).tolist() == [True, False, True]


def _damaged(tmp_path, raw: bytes):
    p = tmp_path / "bad.fingerprints"
    p.write_bytes(raw)
    return p


@pytest.mark.parametrize("damage,message", [
    (lambda r: b"SMFQ" + r[4:], "not a Sideman fingerprint file"),
    (lambda r: r[:4] + struct.pack("<I", 2) + r[8:], "format version 2"),
    (lambda r: r[:-3], "the file has"),
    (lambda r: r + b"\0" * 8, "the file has"),
    (lambda r: r[:20], "shorter than the 48-byte header"),
    (lambda r: r[:48] + r[56:64] + r[48:56] + r[64:], "not strictly ascending"),
    (lambda r: r[:48] + r[48:56] + r[48:56] + r[64:], "not strictly ascending"),
])
def test_reader_rejects_damage_naming_the_file(tmp_path, damage, message):
    good = tmp_path / "good.fingerprints"
    write_index(good, np.array([1, 2, 3], dtype=np.uint64), DIGEST)
    bad = _damaged(tmp_path, damage(good.read_bytes()))
    with pytest.raises(IndexFileError) as e:
        OriginalityIndex.load(bad, DIGEST)
    assert message in str(e.value) and str(bad) in str(e.value)


def test_reader_rejects_another_vocabulary_and_a_missing_file(tmp_path):
    p = tmp_path / "x.fingerprints"
    write_index(p, np.array([1], dtype=np.uint64), DIGEST)
    with pytest.raises(IndexFileError, match="built for vocab.json"):
        OriginalityIndex.load(p, "00" * 32)
    with pytest.raises(IndexFileError, match="cannot read"):
        OriginalityIndex.load(tmp_path / "missing.fingerprints", DIGEST)


def test_pairs_skip_empty_bars_and_stay_inside_examples_unless_linked():
    hashes = np.array([5, 6, 0, 7, 8, 9], dtype=np.uint64)  # example 0: bars 0-2, example 1: bars 3-5
    offsets = np.array([0, 3, 6])
    parts = np.array([31, 31], dtype=np.int32)
    p, a, b = split_pairs(hashes, offsets, parts)
    assert list(zip(a.tolist(), b.tolist())) == [(5, 6), (7, 8), (8, 9)]
    hashes[2] = 4  # example 0's last bar no longer empty: linking adds the boundary pair (4, 7)
    p, a, b = split_pairs(hashes, offsets, parts, link=np.array([False, True]))
    assert (4, 7) in list(zip(a.tolist(), b.tolist()))
    p, a, b = split_pairs(hashes, offsets, np.array([31, 32], dtype=np.int32), link=np.array([False, True]))
    assert (4, 7) not in list(zip(a.tolist(), b.tolist()))  # another part: never linked


def test_build_index_covers_every_training_span_per_part(tmp_path):
    data = tmp_path / "ds"
    phrases = [bass_phrase(4, figure=(0, 48)), bass_phrase(3, figure=(0, 24, 48)), drum_phrase(3)]
    # Examples 0 and 1 are one piece cut in two: bars 0-3 then 4-6.
    write_split(data, "train", phrases, [False, False, False], piece_ids=["a", "a", "b"], first_bars=[0, 4, 0])
    out = tmp_path / "m.fingerprints"
    assert build_index.main(["--data-dir", str(data), "--vocab", V.path, "--out", str(out)]) == 0
    idx = OriginalityIndex.load(out, DIGEST)
    from release_fixtures import TK
    bass = V.part_id["bass"]
    h0 = bar_hashes(V, TK.encode(phrases[0]))
    h1 = bar_hashes(V, TK.encode(phrases[1]))
    hd = bar_hashes(V, TK.encode(phrases[2]))
    assert idx.is_copy(bass, h0[0], h0[1]) and idx.is_copy(bass, h1[1], h1[2])
    assert idx.is_copy(bass, h0[-1], h1[0])  # across the cut of one piece
    assert idx.is_copy(V.part_id["drums"], hd[0], hd[1])
    assert not idx.is_copy(V.part_id["keys"], h0[0], h0[1])  # same figure, other part
    assert not idx.is_copy(bass, h1[0], h0[0])  # never consecutive in training
    assert idx.copied_bars(bass, [h0[0], h0[1], 0, h0[1]]) == [False, True, False, False]
    # Identical bars give identical keys: 3 distinct bass pairs + 1 drum pair.
    assert len(idx) == 4
