#include "smf_reader.h"

#include <algorithm>
#include <cstdio>

#include "utf8_system.h"

namespace sideman::host {

namespace {

struct Cursor {
    const std::vector<uint8_t>& bytes;
    size_t pos;
    size_t end;
    bool ok = true;
    uint8_t u8() {
        if (pos >= end) { ok = false; return 0; }
        return bytes[pos++];
    }
    uint32_t be(int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 8) | u8();
        return v;
    }
    uint32_t varlen() {
        uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            uint8_t b = u8();
            v = (v << 7) | (b & 0x7F);
            if (!(b & 0x80)) return v;
        }
        ok = false; // more than 4 bytes: malformed
        return v;
    }
};

struct RawEvent {
    uint64_t tick;
    int order;
    bool tempo;
    uint32_t microsPerQuarter;
    MidiNoteEvent note;
};

} // namespace

bool readMidiFile(const std::string& path, MidiFile& out, std::string& error) {
    std::FILE* file = openFile(path, "rb");
    if (file == nullptr) {
        error = path + ": cannot open";
        return false;
    }
    std::vector<uint8_t> bytes;
    uint8_t chunk[65536];
    for (size_t n; (n = std::fread(chunk, 1, sizeof chunk, file)) > 0;) bytes.insert(bytes.end(), chunk, chunk + n);
    const bool readError = std::ferror(file) != 0;
    std::fclose(file);
    if (readError) {
        error = path + ": read failed";
        return false;
    }
    if (!parseMidi(bytes, out, error)) {
        error = path + ": " + error;
        return false;
    }
    return true;
}

bool parseMidi(const std::vector<uint8_t>& bytes, MidiFile& out, std::string& error) {
    out = MidiFile{};
    Cursor c{bytes, 0, bytes.size()};
    if (c.be(4) != 0x4D546864 /* MThd */) {
        error = "not a Standard MIDI File (no MThd header)";
        return false;
    }
    uint32_t headerLength = c.be(4);
    uint32_t format = c.be(2), tracks = c.be(2), division = c.be(2);
    if (!c.ok || headerLength < 6 || format > 2) {
        error = "malformed MThd header";
        return false;
    }
    if (division & 0x8000) {
        error = "SMPTE time division is not supported";
        return false;
    }
    if (division == 0) {
        error = "time division is 0";
        return false;
    }
    c.pos = 8 + headerLength;
    std::vector<RawEvent> raw;
    int order = 0;
    for (uint32_t t = 0; t < tracks; ++t) {
        uint32_t id = c.be(4), length = c.be(4);
        if (!c.ok) {
            error = "truncated: track " + std::to_string(t) + " header missing";
            return false;
        }
        if (c.pos + length > bytes.size()) {
            error = "truncated: track " + std::to_string(t) + " claims " + std::to_string(length) + " bytes at offset " +
                    std::to_string(c.pos);
            return false;
        }
        if (id != 0x4D54726B /* MTrk */) { // unknown chunk: skip
            c.pos += length;
            continue;
        }
        Cursor tc{bytes, c.pos, c.pos + length};
        c.pos += length;
        uint64_t tick = 0;
        uint8_t running = 0;
        while (tc.ok && tc.pos < tc.end) {
            tick += tc.varlen();
            uint8_t status = tc.u8();
            if (status < 0x80) {
                if (running == 0) {
                    error = "data byte without status in track " + std::to_string(t) + " at offset " +
                            std::to_string(tc.pos - 1);
                    return false;
                }
                tc.pos--;
                status = running;
            }
            if (status == 0xFF) {
                uint8_t type = tc.u8();
                uint32_t len = tc.varlen();
                if (tc.pos + len > tc.end) { tc.ok = false; break; }
                if (type == 0x51 && len == 3) {
                    uint32_t micros = (uint32_t(bytes[tc.pos]) << 16) | (uint32_t(bytes[tc.pos + 1]) << 8) | bytes[tc.pos + 2];
                    if (micros > 0) raw.push_back(RawEvent{tick, order++, true, micros, {}});
                }
                tc.pos += len;
                if (type == 0x2F) break;
                continue;
            }
            if (status == 0xF0 || status == 0xF7) {
                uint32_t len = tc.varlen();
                tc.pos += len;
                continue;
            }
            running = status;
            uint8_t kind = status & 0xF0, channel = status & 0x0F;
            uint8_t a = tc.u8();
            uint8_t b = (kind == 0xC0 || kind == 0xD0) ? 0 : tc.u8();
            if (kind == 0x90 || kind == 0x80) {
                MidiNoteEvent note;
                note.on = kind == 0x90 && b > 0;
                note.channel = channel;
                note.key = a & 0x7F;
                note.velocity = b & 0x7F;
                raw.push_back(RawEvent{tick, order++, false, 0, note});
            }
        }
        if (!tc.ok) {
            error = "truncated event in track " + std::to_string(t);
            return false;
        }
    }
    std::stable_sort(raw.begin(), raw.end(), [](const RawEvent& x, const RawEvent& y) { return x.tick < y.tick; });
    // Ticks to seconds through the tempo map.
    double seconds = 0, secondsPerTick = 0.5 / division;
    uint64_t lastTick = 0;
    bool tempoSeen = false;
    for (const RawEvent& e : raw) {
        seconds += static_cast<double>(e.tick - lastTick) * secondsPerTick;
        lastTick = e.tick;
        if (e.tempo) {
            secondsPerTick = e.microsPerQuarter / 1e6 / division;
            if (!tempoSeen) out.firstTempoBpm = 60e6 / e.microsPerQuarter;
            tempoSeen = true;
            continue;
        }
        MidiNoteEvent note = e.note;
        note.seconds = seconds;
        out.notes.push_back(note);
    }
    out.lengthSeconds = seconds;
    return true;
}

} // namespace sideman::host
