// The Sideman.SetChart message (processor side of ABI 3's processorSetChart), sent to the
// component's IConnectionPoint as the controller, an editor or sideman-host sends it; and the
// Standard MIDI File writer sideman-host uses for --midi-out.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "check.h"
#include "fixture.h"
#include "smf_reader.h"
#include "smf_writer.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

struct ChartAnswer {
    tresult result = kResultFalse;
    std::string problem; // the "problem" attribute the processor wrote back, if any
};

ChartAnswer sendChart(host::PluginInstance& instance, const char16_t* text) {
    ChartAnswer answer;
    IMessage* message = instance.newMessage("Sideman.SetChart");
    if (message == nullptr || message->getAttributes() == nullptr) {
        answer.result = kInternalError;
        return answer;
    }
    if (text != nullptr) message->getAttributes()->setString("text", text);
    answer.result = instance.notifyComponent(message);
    char16_t problem[1024] = {};
    if (message->getAttributes()->getString("problem", problem, sizeof problem) == kResultOk)
        answer.problem = utf16ToUtf8(problem);
    message->release();
    return answer;
}

uint32_t le32(const std::vector<uint8_t>& b, size_t at) {
    return uint32_t(b[at]) | uint32_t(b[at + 1]) << 8 | uint32_t(b[at + 2]) << 16 | uint32_t(b[at + 3]) << 24;
}

// The data of the state's blob tagged "CHRT" (the four characters, big-endian in the u32 tag),
// walked from the documented layout (docs/MANAGED.md); found = false when there is none.
std::string chartBlobOf(const std::vector<uint8_t>& state, bool& found) {
    found = false;
    if (state.size() < 16 || std::memcmp(state.data(), "SMST", 4) != 0) return {};
    const size_t bodyEnd = 12 + le32(state, 8);
    size_t at = 12;
    const uint32_t values = le32(state, at);
    at += 4;
    for (uint32_t i = 0; i < values && at < bodyEnd; ++i) at += 1 + state[at] + 8;
    const uint32_t blobs = le32(state, at);
    at += 4;
    const uint32_t chrt = uint32_t('C') << 24 | uint32_t('H') << 16 | uint32_t('R') << 8 | uint32_t('T');
    for (uint32_t i = 0; i < blobs && at + 8 <= bodyEnd; ++i) {
        const uint32_t tag = le32(state, at), length = le32(state, at + 4);
        at += 8;
        if (tag == chrt) {
            found = true;
            return std::string(state.begin() + static_cast<long>(at), state.begin() + static_cast<long>(at + length));
        }
        at += length;
    }
    return {};
}

} // namespace

TEST_CASE(chart_message_sets_refuses_and_clears) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::string error;
    auto instance = host::PluginInstance::create(loaded.module(), error);
    REQUIRE(instance != nullptr);
    bool found = true;
    std::string saved = chartBlobOf(instance->saveState(error), found);
    CHECK_MSG(!found, "a fresh instance saves a chart: " << saved);

    // A good chart: kResultOk, no problem, and the state holds it in the "CHRT" blob, exactly as sent.
    ChartAnswer answer = sendChart(*instance, u"C | Am7 | F G7 | C/E");
    CHECK_MSG(answer.result == kResultOk, "notify answered " << answer.result << ": " << answer.problem);
    CHECK(answer.problem.empty());
    std::vector<uint8_t> state = instance->saveState(error);
    saved = chartBlobOf(state, found);
    CHECK_MSG(found && saved == "C | Am7 | F G7 | C/E", "saved chart blob: '" << saved << "'");

    // Not a chart: kResultFalse, the reason in the message, and the chart set before stays.
    answer = sendChart(*instance, u"C | Qx9 | ??");
    CHECK(answer.result == kResultFalse);
    CHECK_MSG(answer.problem.find("Qx9") != std::string::npos, "the reason does not name the bad chord: '" << answer.problem << "'");
    CHECK(instance->saveState(error) == state);

    // The state with the chart loads into another instance and keeps it.
    auto other = host::PluginInstance::create(loaded.module(), error);
    REQUIRE(other != nullptr);
    CHECK(other->loadState(state, 0, error));
    saved = chartBlobOf(other->saveState(error), found);
    CHECK(found && saved == "C | Am7 | F G7 | C/E");

    // Empty text, or no text attribute at all: no chart any more.
    CHECK(sendChart(*instance, u"").result == kResultOk);
    chartBlobOf(instance->saveState(error), found);
    CHECK_MSG(!found, "an empty chart left a CHRT blob in the state");
    CHECK(sendChart(*other, nullptr).result == kResultOk);
    chartBlobOf(other->saveState(error), found);
    CHECK(!found);

    // Unicode chord names pass through the UTF-16 message intact.
    CHECK(sendChart(*instance, u"B\u266D | E\u266D7").result == kResultOk);
    saved = chartBlobOf(instance->saveState(error), found);
    CHECK_MSG(found && saved == "B\xE2\x99\xAD | E\xE2\x99\xAD" "7", "saved: '" << saved << "'");
}

TEST_CASE(midi_file_writer_round_trip) {
    // 100 BPM at 48 kHz: one quarter = 28800 samples = 96 ticks.
    host::MidiFileSpec spec;
    spec.tempoBpm = 100;
    spec.timeSigNumerator = 3;
    spec.timeSigDenominator = 4;
    CHECK(host::sampleToTick(0, 48000, spec) == 0);
    CHECK(host::sampleToTick(28800, 48000, spec) == 96);
    CHECK(host::sampleToTick(24000, 48000, spec) == 80);
    CHECK(host::sampleToTick(150, 48000, spec) == 1);   // 0.5 tick rounds up
    CHECK(host::sampleToTick(149, 48000, spec) == 0);

    std::vector<host::TimedEvent> events;
    auto add = [&](int64_t at, Event e) { events.push_back(host::TimedEvent{at, e}); };
    add(0, host::noteOn(36, 0.8f, 9));
    add(24000, host::noteOn(60, 0.5f, 0));
    add(24000, host::noteOff(36, 0.0f, 9));
    add(28800, host::noteOn(40, 0.0f, 1)); // velocity 0 would read as a note-off: written as 1
    add(57600, host::noteOff(60, 0.0f, 0));
    add(86400, host::noteOff(40, 0.0f, 1));
    Event cc{};
    cc.type = Event::kLegacyMIDICCOutEvent;
    cc.midiCCOut = LegacyMIDICCOutEvent{64, 0, 127, 0};
    add(30000, cc);
    const std::vector<host::MidiFileEvent> midi = host::midiFromEvents(events, 48000, spec);
    CHECK(midi.size() == 7);
    const std::vector<uint8_t> bytes = host::midiFileBytes(spec, midi);

    // Header: format 1, conductor + channels 1, 2, 10 = 4 tracks, 96 PPQ.
    REQUIRE(bytes.size() > 14 && std::memcmp(bytes.data(), "MThd", 4) == 0);
    CHECK(bytes[9] == 1 && bytes[11] == 4 && bytes[12] == 0 && bytes[13] == 96);
    // Conductor: tempo 600000 us per quarter, then 3/4 (denominator as a power of two: 2).
    const uint8_t tempo[] = {0x00, 0xFF, 0x51, 0x03, 0x09, 0x27, 0xC0};
    const uint8_t meter[] = {0x00, 0xFF, 0x58, 0x04, 0x03, 0x02, 24, 8};
    CHECK(std::search(bytes.begin(), bytes.end(), std::begin(tempo), std::end(tempo)) != bytes.end());
    CHECK(std::search(bytes.begin(), bytes.end(), std::begin(meter), std::end(meter)) != bytes.end());

    // Read back with the host's own reader: every note at its time, on its channel.
    host::MidiFile file;
    std::string error;
    REQUIRE(host::parseMidi(bytes, file, error));
    CHECK(std::abs(file.firstTempoBpm - 100) < 1e-9);
    REQUIRE(file.notes.size() == 6);
    struct Expect {
        double seconds;
        bool on;
        int channel, key, velocity;
    };
    const Expect expected[] = {{0.0, true, 9, 36, 102}, {0.5, true, 0, 60, 64}, {0.5, false, 9, 36, 0},
                               {0.6, true, 1, 40, 1},   {1.2, false, 0, 60, 0}, {1.8, false, 1, 40, 0}};
    for (size_t i = 0; i < 6; ++i) {
        const host::MidiNoteEvent& n = file.notes[i];
        CHECK_MSG(std::abs(n.seconds - expected[i].seconds) < 1e-9 && n.on == expected[i].on &&
                      n.channel == expected[i].channel && n.key == expected[i].key && n.velocity == expected[i].velocity,
                  "note " << i << ": " << n.seconds << " s, " << (n.on ? "on" : "off") << ", channel " << int(n.channel)
                          << ", key " << int(n.key) << ", velocity " << int(n.velocity));
    }
}
