"""compare_demo.py must pass identical renders and name every kind of difference it is there to catch."""
import os
import shutil
import struct

import mido
import numpy as np
import pytest

import compare_demo

SONGS = ("pop", "funk", "waltz")


def write_wav(path, samples, rate=48000):
    data = np.asarray(samples, dtype="<f4").tobytes()
    fmt = struct.pack("<HHIIHH", 3, 2, rate, rate * 8, 8, 32)
    with open(path, "wb") as f:
        f.write(b"RIFF" + struct.pack("<I", 4 + 8 + len(fmt) + 8 + len(data)) + b"WAVE")
        f.write(b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data)


def write_mid(path, notes):
    midi = mido.MidiFile(ticks_per_beat=96)
    track = mido.MidiTrack()
    midi.tracks.append(track)
    for channel, note in notes:
        track.append(mido.Message("note_on", channel=channel, note=note, velocity=90, time=0))
        track.append(mido.Message("note_off", channel=channel, note=note, velocity=0, time=96))
    midi.save(path)


@pytest.fixture
def renders(tmp_path):
    stereo = np.stack([np.sin(np.arange(4800) / 7.0), np.cos(np.arange(4800) / 5.0)], axis=1) * 0.5
    for side in ("linux", "windows"):
        for song in SONGS:
            d = tmp_path / side / song
            d.mkdir(parents=True)
            write_mid(str(d / "band.mid"), [(9, 36), (1, 40), (2, 64)])
            for name in compare_demo.WAVS:
                write_wav(str(d / f"{name}.wav"), stereo)
    return tmp_path / "linux", tmp_path / "windows"


def test_identical_renders_pass(renders, capsys):
    assert compare_demo.main(str(renders[0]), str(renders[1])) == 0
    assert "bit-identical" in capsys.readouterr().out


def test_a_changed_note_fails_and_says_where(renders, capsys):
    write_mid(str(renders[1] / "funk" / "band.mid"), [(9, 36), (1, 41), (2, 64)])
    assert compare_demo.main(str(renders[0]), str(renders[1])) == 1
    out = capsys.readouterr().out
    assert "funk: band.mid differs" in out
    assert "channel 2: 2 of 2 note events differ; first at beat 1.000" in out


def test_audio_beyond_the_tolerance_fails(renders, capsys):
    path = renders[1] / "pop" / "bass.wav"
    samples = np.zeros((4800, 2))
    samples[:, 0] = np.sin(np.arange(4800) / 7.0) * 0.5 + 1e-4
    samples[:, 1] = np.cos(np.arange(4800) / 5.0) * 0.5
    write_wav(str(path), samples)
    assert compare_demo.main(str(renders[0]), str(renders[1])) == 1
    assert "pop/bass.wav: max sample difference" in capsys.readouterr().out


def test_a_missing_frame_fails(renders, capsys):
    shutil.copy(renders[0] / "waltz" / "mix.wav", renders[1] / "waltz" / "mix.wav")
    write_wav(str(renders[1] / "waltz" / "keys.wav"), np.zeros((4799, 2)))
    assert compare_demo.main(str(renders[0]), str(renders[1])) == 1
    assert "waltz/keys.wav" in capsys.readouterr().out


def test_a_song_missing_from_the_windows_render_fails(renders, capsys):
    shutil.rmtree(renders[1] / "waltz")
    assert compare_demo.main(str(renders[0]), str(renders[1])) == 1
    assert "the renders hold different songs" in capsys.readouterr().out


def test_the_songs_come_from_the_renders(renders, capsys):
    assert compare_demo.demo_songs(str(renders[0])) == ["funk", "pop", "waltz"]
    (renders[0] / "empty").mkdir()
    assert compare_demo.demo_songs(str(renders[0])) == ["funk", "pop", "waltz"]
