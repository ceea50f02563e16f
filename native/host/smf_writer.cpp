#include "smf_writer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "utf8_system.h"

namespace sideman::host {

using namespace vst3;

namespace {

uint8_t unit7(float value) {
    if (!std::isfinite(value)) return 0;
    return static_cast<uint8_t>(std::lround(std::clamp(value, 0.0f, 1.0f) * 127.0f));
}

uint8_t channelOf(int32_t channel) { return static_cast<uint8_t>(std::clamp(channel, 0, 15)); }

uint8_t byte7(int32_t value) { return static_cast<uint8_t>(std::clamp(value, 0, 127)); }

void be32(std::vector<uint8_t>& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

void be16(std::vector<uint8_t>& out, uint16_t v) {
    out.push_back(static_cast<uint8_t>(v >> 8));
    out.push_back(static_cast<uint8_t>(v));
}

// Variable-length quantity: 7 bits per byte, most significant first, high bit = more follows.
void varlen(std::vector<uint8_t>& out, uint64_t value) {
    value = std::min<uint64_t>(value, 0x0FFFFFFF); // the format's largest delta
    uint8_t bytes[4];
    int n = 0;
    do {
        bytes[n++] = static_cast<uint8_t>(value & 0x7F);
        value >>= 7;
    } while (value != 0 && n < 4);
    while (n > 1) out.push_back(static_cast<uint8_t>(bytes[--n] | 0x80));
    out.push_back(bytes[0]);
}

void chunk(std::vector<uint8_t>& out, const char* id, const std::vector<uint8_t>& body) {
    out.insert(out.end(), id, id + 4);
    be32(out, static_cast<uint32_t>(body.size()));
    out.insert(out.end(), body.begin(), body.end());
}

void meta(std::vector<uint8_t>& track, uint64_t delta, uint8_t type, const std::vector<uint8_t>& data) {
    varlen(track, delta);
    track.push_back(0xFF);
    track.push_back(type);
    varlen(track, data.size());
    track.insert(track.end(), data.begin(), data.end());
}

// Bytes of data that follow a status byte.
int dataBytes(uint8_t status) {
    const uint8_t kind = status & 0xF0;
    return kind == 0xC0 || kind == 0xD0 ? 1 : 2;
}

} // namespace

int64_t sampleToTick(int64_t sample, double sampleRate, const MidiFileSpec& spec) {
    if (!(sampleRate > 0) || !(spec.tempoBpm > 0)) return 0;
    const double quarters = static_cast<double>(sample) / sampleRate * spec.tempoBpm / 60.0;
    return std::max<int64_t>(0, std::llround(quarters * spec.ticksPerQuarter));
}

std::vector<MidiFileEvent> midiFromEvents(const std::vector<TimedEvent>& events, double sampleRate,
                                          const MidiFileSpec& spec) {
    std::vector<MidiFileEvent> out;
    out.reserve(events.size());
    for (const TimedEvent& timed : events) {
        const Event& e = timed.event;
        MidiFileEvent m;
        m.tick = sampleToTick(timed.at, sampleRate, spec);
        switch (e.type) {
        case Event::kNoteOnEvent:
            m.status = static_cast<uint8_t>(0x90 | channelOf(e.noteOn.channel));
            m.data1 = byte7(e.noteOn.pitch);
            m.data2 = std::max<uint8_t>(1, unit7(e.noteOn.velocity));
            break;
        case Event::kNoteOffEvent:
            m.status = static_cast<uint8_t>(0x80 | channelOf(e.noteOff.channel));
            m.data1 = byte7(e.noteOff.pitch);
            m.data2 = unit7(e.noteOff.velocity);
            break;
        case Event::kPolyPressureEvent:
            m.status = static_cast<uint8_t>(0xA0 | channelOf(e.polyPressure.channel));
            m.data1 = byte7(e.polyPressure.pitch);
            m.data2 = unit7(e.polyPressure.pressure);
            break;
        case Event::kLegacyMIDICCOutEvent: {
            const LegacyMIDICCOutEvent& cc = e.midiCCOut;
            const uint8_t channel = channelOf(cc.channel);
            if (cc.controlNumber < 128) {
                m.status = static_cast<uint8_t>(0xB0 | channel);
                m.data1 = cc.controlNumber;
                m.data2 = byte7(cc.value);
            } else if (cc.controlNumber == kAfterTouch) {
                m.status = static_cast<uint8_t>(0xD0 | channel);
                m.data1 = byte7(cc.value);
            } else if (cc.controlNumber == kPitchBend) {
                m.status = static_cast<uint8_t>(0xE0 | channel);
                m.data1 = byte7(cc.value);  // LSB
                m.data2 = byte7(cc.value2); // MSB
            } else {
                continue; // program change and the rest: not plug-in output we write
            }
            break;
        }
        default:
            continue;
        }
        out.push_back(m);
    }
    return out;
}

std::vector<uint8_t> midiFileBytes(const MidiFileSpec& spec, const std::vector<MidiFileEvent>& events) {
    std::map<int, std::vector<MidiFileEvent>> byChannel;
    for (const MidiFileEvent& e : events) byChannel[e.status & 0x0F].push_back(e);

    std::vector<uint8_t> file;
    std::vector<uint8_t> header;
    be16(header, 1); // format 1: simultaneous tracks
    be16(header, static_cast<uint16_t>(1 + byChannel.size()));
    be16(header, static_cast<uint16_t>(std::clamp(spec.ticksPerQuarter, 1, 0x7FFF)));
    chunk(file, "MThd", header);

    // The conductor: tempo and time signature at tick 0.
    std::vector<uint8_t> conductor;
    const auto micros = static_cast<uint32_t>(std::clamp(std::lround(60000000.0 / spec.tempoBpm), 1L, 0xFFFFFFL));
    meta(conductor, 0, 0x51, {uint8_t(micros >> 16), uint8_t(micros >> 8), uint8_t(micros)});
    int log2Denominator = 0;
    while ((1 << log2Denominator) < spec.timeSigDenominator && log2Denominator < 6) ++log2Denominator;
    meta(conductor, 0, 0x58, {static_cast<uint8_t>(std::clamp(spec.timeSigNumerator, 1, 255)),
                              static_cast<uint8_t>(log2Denominator), 24, 8});
    meta(conductor, 0, 0x2F, {});
    chunk(file, "MTrk", conductor);

    for (auto& [channel, list] : byChannel) {
        std::stable_sort(list.begin(), list.end(), [](const MidiFileEvent& a, const MidiFileEvent& b) { return a.tick < b.tick; });
        std::vector<uint8_t> track;
        const std::string name = "Channel " + std::to_string(channel + 1);
        meta(track, 0, 0x03, std::vector<uint8_t>(name.begin(), name.end()));
        int64_t last = 0;
        for (const MidiFileEvent& e : list) {
            varlen(track, static_cast<uint64_t>(std::max<int64_t>(0, e.tick - last)));
            last = std::max(last, e.tick);
            track.push_back(e.status);
            track.push_back(e.data1 & 0x7F);
            if (dataBytes(e.status) == 2) track.push_back(e.data2 & 0x7F);
        }
        meta(track, 0, 0x2F, {});
        chunk(file, "MTrk", track);
    }
    return file;
}

bool writeMidiFile(const std::string& path, const MidiFileSpec& spec, const std::vector<MidiFileEvent>& events,
                   std::string& error) {
    const std::vector<uint8_t> bytes = midiFileBytes(spec, events);
    std::FILE* f = openFile(path, "wb");
    if (f == nullptr) {
        error = path + ": cannot open for writing";
        return false;
    }
    bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
    ok = (std::fclose(f) == 0) && ok;
    if (!ok) error = path + ": write failed (disk full?)";
    return ok;
}

} // namespace sideman::host
