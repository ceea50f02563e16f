// Conformance: buses. Mirrors the SDK test suite's "Scan Buses", "Bus Consistency", "Bus Invalid
// Index", "Bus Activation", "Check Audio Bus Arrangement", "Speaker Arrangement" (stereo, and mono
// which we refuse) and the output side of "Silence Flags"/"Silence Processing".
#include <bitset>
#include <cmath>
#include <cstring>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
int32_t channelsOf(SpeakerArrangement arrangement) { return static_cast<int32_t>(std::bitset<64>(arrangement).count()); }

BusInfo poisonedInfo() {
    BusInfo info;
    std::memset(&info, 0xAB, sizeof info);
    return info;
}
} // namespace

TEST_CASE(conformance_scan_buses) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    IComponent* c = p.component;
    const int32 counts[2][2] = {{c->getBusCount(kAudio, kInput), c->getBusCount(kAudio, kOutput)},
                                {c->getBusCount(kEvent, kInput), c->getBusCount(kEvent, kOutput)}};
    CHECK(counts[0][0] == 0 && counts[0][1] == kOutputBuses && counts[1][0] == 1 && counts[1][1] == 1);

    TestRandom random(7);
    for (MediaType type : {kAudio, kEvent})
        for (BusDirection dir : {kInput, kOutput}) {
            const int32 n = counts[type][dir];
            std::vector<BusInfo> first(static_cast<size_t>(n));
            for (int32 i = 0; i < n; ++i) {
                BusInfo info = poisonedInfo();
                REQUIRE(c->getBusInfo(type, dir, i, info) == kResultOk);
                CHECK_MSG(!utf16ToUtf8(info.name).empty(), "bus " << type << "/" << dir << "/" << i << " has no name");
                CHECK(info.mediaType == type && info.direction == dir);
                CHECK(info.busType == (i == 0 ? kMain : kAux));
                CHECK(info.channelCount > 0);
                first[size_t(i)] = info;
            }
            // Bus Consistency: random re-queries give byte-identical answers.
            for (int32 k = 0; n > 0 && k < n * 20; ++k) {
                const int32 i = random.below(n);
                BusInfo again = poisonedInfo();
                c->getBusInfo(type, dir, i, again);
                CHECK_MSG(std::memcmp(&again, &first[size_t(i)], sizeof(BusInfo)) == 0,
                          "getBusInfo(" << type << ", " << dir << ", " << i << ") changed between calls");
            }
            // Bus Invalid Index: refused, and the caller's struct is left exactly as it was.
            for (int32 bad : {-1, n, n + 1, 1000, -2147483647 - 1, 2147483647}) {
                BusInfo info = poisonedInfo();
                const BusInfo before = info;
                CHECK(c->getBusInfo(type, dir, bad, info) != kResultOk);
                CHECK_MSG(std::memcmp(&info, &before, sizeof(BusInfo)) == 0,
                          "getBusInfo wrote into the struct for invalid index " << bad);
                CHECK(c->activateBus(type, dir, bad, 1) != kResultOk);
            }
        }
    // Invalid media type / direction values.
    const std::pair<int32, int32> badKinds[] = {{2, kOutput}, {kAudio, 2}, {kEvent, 2}, {-1, kOutput}, {kEvent, -1}};
    for (auto [type, dir] : badKinds) {
        CHECK(c->getBusCount(type, dir) == 0);
        BusInfo info = poisonedInfo();
        const BusInfo before = info;
        CHECK(c->getBusInfo(type, dir, 0, info) != kResultOk);
        CHECK(std::memcmp(&info, &before, sizeof(BusInfo)) == 0);
        CHECK(c->activateBus(type, dir, 0, 1) != kResultOk);
    }

    // Bus Activation: every bus can be switched off and on (or on and off) again.
    for (MediaType type : {kAudio, kEvent})
        for (BusDirection dir : {kInput, kOutput})
            for (int32 i = 0; i < counts[type][dir]; ++i) {
                BusInfo info{};
                c->getBusInfo(type, dir, i, info);
                const bool on = (info.flags & BusInfo::kDefaultActive) != 0;
                CHECK(c->activateBus(type, dir, i, on ? 0 : 1) == kResultOk);
                CHECK(c->activateBus(type, dir, i, on ? 1 : 0) == kResultOk);
            }

    // Check Audio Bus Arrangement: channel count of the arrangement == BusInfo::channelCount.
    for (int32 i = 0; i < kOutputBuses; ++i) {
        BusInfo info{};
        SpeakerArrangement arrangement = 0;
        REQUIRE(c->getBusInfo(kAudio, kOutput, i, info) == kResultOk);
        REQUIRE(p.processor->getBusArrangement(kOutput, i, arrangement) == kResultOk);
        CHECK_MSG(channelsOf(arrangement) == info.channelCount,
                  "bus " << i << ": arrangement has " << channelsOf(arrangement) << " channels, BusInfo says " << info.channelCount);
    }
    SpeakerArrangement unused = 0;
    CHECK(p.processor->getBusArrangement(kOutput, kOutputBuses, unused) != kResultOk);
    CHECK(p.processor->getBusArrangement(kOutput, -1, unused) != kResultOk);
    CHECK(p.processor->getBusArrangement(kInput, 0, unused) != kResultOk);

    // Speaker Arrangement: stereo accepted; mono, wrong counts, inputs and null refused, and a
    // refusal leaves the arrangement as it was.
    CHECK(arrangeStereo(p.processor) == kResultTrue);
    std::vector<SpeakerArrangement> mono(kOutputBuses, SpeakerArr::kMono);
    CHECK(p.processor->setBusArrangements(nullptr, 0, mono.data(), kOutputBuses) == kResultFalse);
    std::vector<SpeakerArrangement> stereo(kOutputBuses, SpeakerArr::kStereo);
    CHECK(p.processor->setBusArrangements(nullptr, 0, stereo.data(), kOutputBuses - 1) == kResultFalse);
    SpeakerArrangement in = SpeakerArr::kStereo;
    CHECK(p.processor->setBusArrangements(&in, 1, stereo.data(), kOutputBuses) == kResultFalse);
    CHECK(p.processor->setBusArrangements(nullptr, 0, nullptr, kOutputBuses) != kResultTrue);
    for (int32 i = 0; i < kOutputBuses; ++i) {
        SpeakerArrangement arrangement = 0;
        CHECK(p.processor->getBusArrangement(kOutput, i, arrangement) == kResultOk && arrangement == SpeakerArr::kStereo);
    }

    // Routing: MIDI in plays the main output; nothing else is routed.
    RoutingInfo from{kEvent, 0, 0}, to{};
    CHECK(c->getRoutingInfo(from, to) == kResultOk && to.mediaType == kAudio && to.busIndex == 0);
    RoutingInfo bad{kEvent, 1, 0};
    CHECK(c->getRoutingInfo(bad, to) != kResultOk);
}

// "Speaker Arrangement" with mono asked for every bus: refused, and then the validator processes
// with buffers laid out from BusInfo (stereo), every bus activated. That must work.
TEST_CASE(conformance_refused_arrangement_then_process) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    for (int32_t sampleSize : {kSample32, kSample64}) {
        RawPlugin p(loaded.module());
        REQUIRE(p.ok() && p.initializeAndConnect());
        std::vector<SpeakerArrangement> mono(kOutputBuses, SpeakerArr::kMono);
        CHECK(p.processor->setBusArrangements(nullptr, 0, mono.data(), kOutputBuses) == kResultFalse);
        for (int32 i = 1; i < kOutputBuses; ++i) p.component->activateBus(kAudio, kOutput, i, 1);
        ProcessSetup setup{kRealtime, sampleSize, 8192, 44100};
        REQUIRE(p.processor->setupProcessing(setup) == kResultOk);
        REQUIRE(p.component->setActive(1) == kResultOk);
        p.processor->setProcessing(1);
        OutputBuffers buffers(kOutputBuses, kChannels, 8192, sampleSize);
        for (int block = 0; block < 3; ++block) {
            buffers.fill(std::nan(""));
            ProcessData data = makeProcessData(64, &buffers, nullptr, nullptr, nullptr, nullptr, sampleSize);
            CHECK(p.processor->process(data) == kResultOk);
            for (int32 b = 0; b < kOutputBuses; ++b)
                CHECK_MSG(buffers.allFinite(b, 64), "bus " << b << " left unwritten (sample size " << sampleSize << ")");
        }
        p.processor->setProcessing(0);
        CHECK(p.component->setActive(0) == kResultOk);
    }
}

// Output silence flags are honest on every bus, every block: a flagged channel holds only zeros,
// a sounding one is not flagged; inactive buses are cleared and flagged even when the host passes
// them buffers (the main bus included).
TEST_CASE(conformance_silence_flags_and_inactive_buses) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 256));
    REQUIRE(p.component->setActive(1) == kResultOk);
    OutputBuffers buffers(kOutputBuses, kChannels, 256, kSample32);
    auto* events = new host::EventList();
    int soundingBlocks = 0;
    for (int block = 0; block < 40; ++block) {
        // Main inactive for blocks 10..19: it must come out cleared and flagged, though a note plays.
        if (block == 10) CHECK(p.component->activateBus(kAudio, kOutput, 0, 0) == kResultOk);
        if (block == 20) CHECK(p.component->activateBus(kAudio, kOutput, 0, 1) == kResultOk);
        events->clear();
        if (block == 2 || block == 12 || block == 22) {
            Event on{};
            on.type = Event::kNoteOnEvent;
            on.sampleOffset = 100;
            on.noteOn = NoteOnEvent{0, 64, 0.0f, 0.9f, 0, -1};
            events->addEvent(on);
        }
        buffers.fill(0.25); // host garbage: whatever the plug-in does not write stays 0.25
        for (int32 b = 0; b < kOutputBuses; ++b) buffers.buses()[b].silenceFlags = 0;
        ProcessData data = makeProcessData(256, &buffers, events, nullptr, nullptr, nullptr);
        REQUIRE(p.processor->process(data) == kResultOk);
        const bool mainActive = block < 10 || block >= 20;
        for (int32 b = 0; b < kOutputBuses; ++b) {
            const uint64 flags = buffers.buses()[b].silenceFlags;
            for (int32 ch = 0; ch < kChannels; ++ch) {
                bool zero = true;
                for (int32 i = 0; i < 256; ++i) zero = zero && buffers.sample(b, ch, i) == 0.0;
                const bool flagged = (flags >> ch) & 1u;
                CHECK_MSG(!flagged || zero, "block " << block << " bus " << b << " ch " << ch << ": flagged silent but not silent");
                CHECK_MSG(flagged || !zero, "block " << block << " bus " << b << " ch " << ch << ": silent but not flagged");
                if (b > 0 || !mainActive)
                    CHECK_MSG(zero, "block " << block << ": inactive bus " << b << " is not cleared");
                if (b == 0 && mainActive && !zero) ++soundingBlocks;
            }
        }
    }
    CHECK_MSG(soundingBlocks > 20, "the main bus sounded in only " << soundingBlocks / 2 << " blocks");
    events->release();
    p.component->setActive(0);
}
