// Conformance: the process call. Mirrors the SDK test suite's "Process" and "Process Format"
// (every sample rate it tries), "Variable Block Size", "Flush Param" 1-3, "Process Tail", and
// goes further with what hosts get wrong: null lists, null buffers, a null ProcessContext,
// wrong sample sizes, blocks longer than announced, and absurd events, points and contexts.
#include <algorithm>
#include <cmath>
#include <limits>
#include <thread>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
const ParamID kVolume = paramId("master.volume");

Event note(bool on, int32 offset, int16 pitch, float velocity = 0.8f) {
    Event e{};
    e.sampleOffset = offset;
    if (on) {
        e.type = Event::kNoteOnEvent;
        e.noteOn = NoteOnEvent{0, pitch, 0.0f, velocity, 0, -1};
    } else {
        e.type = Event::kNoteOffEvent;
        e.noteOff = NoteOffEvent{0, pitch, 0.0f, -1, 0.0f};
    }
    return e;
}

void add(host::EventList* list, Event e) { list->addEvent(e); }

struct Timeline {
    std::vector<std::pair<int64_t, Event>> events;      // absolute sample, event
    std::vector<std::pair<int64_t, double>> volume;     // absolute sample, normalized
    int64_t total = 0;
};

Timeline busyTimeline(int64_t total) {
    Timeline t;
    t.total = total;
    TestRandom random(42);
    for (int k = 0; k < 40; ++k) {
        const int64_t at = random.below(static_cast<int32_t>(total - 4000));
        const auto pitch = static_cast<int16>(40 + random.below(50));
        t.events.push_back({at, note(true, 0, pitch, 0.3f + 0.7f * static_cast<float>(random.unit()))});
        t.events.push_back({at + 500 + random.below(6000), note(false, 0, pitch)});
    }
    for (int k = 0; k < 30; ++k) t.volume.push_back({random.below(static_cast<int32_t>(total)), 0.4 + 0.5 * random.unit()});
    std::stable_sort(t.events.begin(), t.events.end(), [](auto& a, auto& b) { return a.first < b.first; });
    std::stable_sort(t.volume.begin(), t.volume.end(), [](auto& a, auto& b) { return a.first < b.first; });
    return t;
}

// Plays the timeline in blocks whose sizes come from nextBlock (0 allowed), returns main left+right.
template <typename NextBlock>
std::vector<double> play(IAudioProcessor* processor, const Timeline& t, int32_t maxBlock, int32_t sampleSize,
                         NextBlock nextBlock, int32_t& failures) {
    std::vector<double> out;
    out.reserve(static_cast<size_t>(t.total * 2));
    OutputBuffers buffers(kOutputBuses, kChannels, maxBlock, sampleSize);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    size_t e = 0, v = 0;
    failures = 0;
    for (int64_t position = 0; position < t.total;) {
        const int32_t n = static_cast<int32_t>(std::min<int64_t>(nextBlock(), t.total - position));
        events->clear();
        params->clear();
        while (n > 0 && e < t.events.size() && t.events[e].first < position + n) {
            Event ev = t.events[e].second;
            ev.sampleOffset = static_cast<int32_t>(t.events[e++].first - position);
            events->addEvent(ev);
        }
        while (n > 0 && v < t.volume.size() && t.volume[v].first < position + n) {
            params->add(kVolume, static_cast<int32_t>(t.volume[v].first - position), t.volume[v].second);
            ++v;
        }
        ProcessContext context{};
        context.state = ProcessContext::kPlaying | ProcessContext::kTempoValid | ProcessContext::kProjectTimeMusicValid;
        context.tempo = 120;
        context.projectTimeSamples = position;
        context.projectTimeMusic = position / 48000.0 * 2.0;
        // Offline: the live band plays too and waits for its generator, so its bars are the same however time is sliced.
        ProcessData data = makeProcessData(n, &buffers, events, params, nullptr, &context, sampleSize, kOffline);
        if (processor->process(data) != kResultOk) ++failures;
        for (int32_t i = 0; i < n; ++i) {
            out.push_back(buffers.sample(0, 0, i));
            out.push_back(buffers.sample(0, 1, i));
        }
        position += n;
    }
    params->release();
    events->release();
    return out;
}

} // namespace

TEST_CASE(conformance_process_formats) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const double rates[] = {22050, 32000, 44100, 48000, 88200, 96000, 192000, 384000, 1234.5678, 12345.678, 123456.78,
                            1234567.8, 0.0, -44100, std::numeric_limits<double>::quiet_NaN(),
                            std::numeric_limits<double>::infinity()};
    for (int32_t sampleSize : {kSample32, kSample64}) {
        RawPlugin p(loaded.module());
        REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 1024, sampleSize));
        for (double rate : rates) {
            const bool supported = rate >= 8000 && rate <= 384000; // the documented range
            ProcessSetup setup{kRealtime, sampleSize, 1024, rate};
            const tresult rc = p.processor->setupProcessing(setup);
            CHECK_MSG((rc == kResultOk) == supported, rate << " Hz: setupProcessing answered " << rc);
            // Refused or not, activation works (with the last accepted setup) and it plays.
            REQUIRE(p.component->setActive(1) == kResultOk);
            p.processor->setProcessing(1);
            const std::vector<float> out = renderNote(p.processor, supported ? rate : 48000, 1024, 4096, 0, 69, sampleSize);
            bool finite = true;
            for (float x : out) finite = finite && std::isfinite(x);
            CHECK_MSG(finite && rms(out, 0, 4096) > 1e-3, rate << " Hz (" << sampleSize << "): no clean note, rms "
                                                              << rms(out, 0, 4096));
            p.processor->setProcessing(0);
            REQUIRE(p.component->setActive(0) == kResultOk);
        }
        // Sizes nobody supports, and a zero block size.
        ProcessSetup odd{kRealtime, 7, 1024, 48000};
        CHECK(p.processor->setupProcessing(odd) != kResultOk);
        ProcessSetup empty{kRealtime, sampleSize, 0, 48000};
        CHECK(p.processor->setupProcessing(empty) != kResultOk);
        CHECK(p.processor->canProcessSampleSize(7) != kResultTrue);
    }
}

// The output does not depend on how the host slices time: random block sizes from 0 to 8192
// (0-sample calls included) give the same samples, bit for bit, as steady 512-sample blocks; the live
// band included (an offline bounce, where it waits for every bar).
TEST_CASE(conformance_variable_block_sizes) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const Timeline timeline = busyTimeline(200000);
    for (int32_t sampleSize : {kSample32, kSample64}) {
        std::vector<double> steady, varied;
        int32_t steadyFailures = 0, variedFailures = 0;
        {
            RawPlugin p(loaded.module());
            REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 8192, sampleSize));
            REQUIRE(p.component->setActive(1) == kResultOk);
            steady = play(p.processor, timeline, 8192, sampleSize, [] { return 512; }, steadyFailures);
        }
        {
            RawPlugin p(loaded.module());
            REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 8192, sampleSize));
            REQUIRE(p.component->setActive(1) == kResultOk);
            TestRandom random(99);
            int call = 0;
            varied = play(p.processor, timeline, 8192, sampleSize, [&] {
                ++call;
                if (call % 7 == 0) return 0;
                if (call % 11 == 0) return 1;
                return random.below(8193);
            }, variedFailures);
        }
        CHECK(steadyFailures == 0 && variedFailures == 0);
        REQUIRE(steady.size() == varied.size());
        size_t firstDiff = steady.size();
        for (size_t i = 0; i < steady.size(); ++i)
            if (steady[i] != varied[i] || !std::isfinite(steady[i])) {
                firstDiff = i;
                break;
            }
        CHECK_MSG(firstDiff == steady.size(), "sample size " << sampleSize << ": varied block sizes change the output at frame "
                                                             << firstDiff / 2);
        double energy = 0;
        for (double x : steady) energy += x * x;
        CHECK_MSG(energy > 1.0, "the timeline is (nearly) silent: " << energy);
    }
}

TEST_CASE(conformance_null_and_empty_process_data) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 256));
    REQUIRE(p.component->setActive(1) == kResultOk);
    p.processor->setProcessing(1);
    OutputBuffers buffers(kOutputBuses, kChannels, 1024, kSample32);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();

    // Every list null, no context: fine.
    ProcessData data = makeProcessData(256, &buffers, nullptr, nullptr, nullptr, nullptr);
    buffers.fill(std::nan(""));
    CHECK(p.processor->process(data) == kResultOk);
    CHECK(buffers.allZero(0, 256));
    // numSamples > 0 with no buffers at all, or a count with a null array: time passes, no crash.
    data = makeProcessData(256, nullptr, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    data.numOutputs = kOutputBuses;
    data.outputs = nullptr;
    CHECK(p.processor->process(data) == kResultOk);
    // Flush Param (1): 0 samples, no buffers, a parameter change; Flush Param 2: 0 samples,
    // numOutputs 0 but an array whose first bus has 0 channels; Flush Param 3: a parameter
    // change list with no queues.
    params->add(kVolume, 0, 0.0);
    data = makeProcessData(0, nullptr, nullptr, params, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    OutputBuffers zeroChannels(kOutputBuses, kChannels, 16, kSample32);
    zeroChannels.buses()[0].numChannels = 0;
    data = makeProcessData(0, &zeroChannels, events, params, nullptr, nullptr);
    data.numOutputs = 0;
    CHECK(p.processor->process(data) == kResultOk);
    params->clear();
    data = makeProcessData(0, nullptr, events, params, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    // The flushed volume of 0 took effect: a note now is silent; restore and it sounds.
    add(events, note(true, 10, 60));
    data = makeProcessData(256, &buffers, events, nullptr, nullptr, nullptr);
    for (int block = 0; block < 4; ++block) { // the first block holds the 5 ms ramp down to 0
        CHECK(p.processor->process(data) == kResultOk);
        CHECK_MSG(block == 0 || buffers.allZero(0, 256), "a volume of 0 sent in 0-sample calls was not applied");
        events->clear();
    }
    params->add(kVolume, 0, 0.8);
    data = makeProcessData(256, &buffers, nullptr, params, nullptr, nullptr); // no event list, no context
    CHECK(p.processor->process(data) == kResultOk);
    CHECK_MSG(buffers.peak(0, 256) > 1e-3, "the held note does not sound after the volume came back");
    params->clear();

    // Null buffers inside buses: a null channel array and a null channel pointer.
    OutputBuffers holes(kOutputBuses, kChannels, 256, kSample32);
    holes.fill(0.25);
    holes.buses()[0].channelBuffers32[1] = nullptr; // right channel of main missing
    holes.buses()[2].channelBuffers32 = nullptr;    // a stem with no channel array
    data = makeProcessData(256, &holes, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    bool leftWritten = true;
    for (int32 i = 0; i < 256; ++i) leftWritten = leftWritten && holes.sample(0, 0, i) != 0.25;
    CHECK_MSG(leftWritten, "with the right channel missing the left one was not written");

    // A host that gives more channels than the arrangement: the extra channel is cleared, not left.
    OutputBuffers wide(kOutputBuses, 3, 256, kSample32);
    wide.fill(0.25);
    data = makeProcessData(256, &wide, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    bool extraCleared = true;
    for (int32 i = 0; i < 256; ++i) extraCleared = extraCleared && wide.sample(0, 2, i) == 0.0;
    CHECK_MSG(extraCleared, "a third channel on the main bus keeps the host's data");
    CHECK((wide.buses()[0].silenceFlags & 4u) != 0);

    // Wrong sample size for the setup: refused, outputs silenced. Negative count: refused.
    OutputBuffers doubles(kOutputBuses, kChannels, 256, kSample64);
    doubles.fill(0.25);
    data = makeProcessData(256, &doubles, nullptr, nullptr, nullptr, nullptr, kSample64);
    CHECK(p.processor->process(data) != kResultOk);
    CHECK(doubles.allZero(0, 256));
    data = makeProcessData(-5, &buffers, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) != kResultOk);

    // A block longer than setupProcessing announced (1000 > 256) is rendered in full.
    buffers.fill(std::nan(""));
    data = makeProcessData(1000, &buffers, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    CHECK(buffers.allFinite(0, 1000) && buffers.peak(0, 1000) > 1e-3);

    // Absurd events: offsets outside the block, pitches outside 0..127, NaN/inf velocity and tuning.
    events->clear();
    Event wild[] = {note(true, -50, 62), note(true, 5000, 64), note(true, 0, -1), note(true, 0, 300),
                    note(true, 3, 66, std::nanf("")), note(true, 4, 67, std::numeric_limits<float>::infinity()),
                    note(true, 6, 68, -1.0f), note(false, 7, -20)};
    wild[0].noteOn.tuning = std::nanf("");
    wild[1].noteOn.tuning = 1e30f;
    for (Event& e : wild) events->addEvent(e);
    Event unknown{};
    unknown.type = 1234;
    events->addEvent(unknown);
    // Absurd points: NaN, inf, out of 0..1, unknown id, offsets outside the block.
    params->add(kVolume, -10, std::nan(""));
    params->add(kVolume, 100, std::numeric_limits<double>::infinity());
    params->add(paramId("synth.attack"), 9999, -3.0);
    params->add(paramId("synth.release"), 50, 7.0);
    params->add(0x7ABCDEF0u, 10, 0.5);
    auto* outEvents = new host::EventList();
    for (int block = 0; block < 8; ++block) {
        buffers.fill(std::nan(""));
        data = makeProcessData(256, &buffers, events, params, outEvents, nullptr);
        CHECK(p.processor->process(data) == kResultOk);
        CHECK_MSG(buffers.allFinite(0, 256), "block " << block << ": absurd events or points made the output non-finite");
        for (const Event& e : outEvents->events())
            CHECK_MSG(e.sampleOffset >= 0 && e.sampleOffset < 256, "output event at offset " << e.sampleOffset);
        events->clear();
        params->clear();
        outEvents->clear();
    }
    outEvents->release();
    params->release();
    events->release();
    p.processor->setProcessing(0);
    p.component->setActive(0);
}

// Contexts hosts really send at times: no tempo, tempo 0, NaN fields, negative positions,
// an inverted cycle, a zero time signature. The plug-in must keep playing cleanly.
TEST_CASE(conformance_process_context_edge_cases) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 512));
    REQUIRE(p.component->setActive(1) == kResultOk);
    OutputBuffers buffers(kOutputBuses, kChannels, 512, kSample32);
    auto* events = new host::EventList();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    for (int k = 0; k < 12; ++k) {
        ProcessContext c{};
        c.state = 0xFFFFFFFFu; // every flag claims validity
        c.sampleRate = k == 0 ? 0 : k == 1 ? nan : 48000;
        c.tempo = k == 2 ? 0 : k == 3 ? nan : k == 4 ? -120 : k == 5 ? 1e12 : k == 6 ? inf : 120;
        c.timeSigNumerator = k == 7 ? 0 : k == 8 ? -3 : 4;
        c.timeSigDenominator = k == 7 ? 0 : 4;
        c.projectTimeSamples = k == 9 ? -1000000 : k * 512;
        c.projectTimeMusic = k == 10 ? nan : k == 9 ? -8.0 : k;
        c.barPositionMusic = k == 10 ? inf : 0;
        c.cycleStartMusic = k == 11 ? 8 : 0;
        c.cycleEndMusic = k == 11 ? 4 : nan;
        c.continousTimeSamples = -k;
        events->clear();
        add(events, note(true, 17, static_cast<int16>(50 + k)));
        buffers.fill(std::nan(""));
        ProcessData data = makeProcessData(512, &buffers, events, nullptr, nullptr, &c);
        CHECK_MSG(p.processor->process(data) == kResultOk, "context case " << k);
        CHECK_MSG(buffers.allFinite(0, 512) && buffers.peak(0, 512) > 1e-4, "context case " << k << ": output broken");
    }
    events->release();
    p.component->setActive(0);
}

// "Process Tail": an instrument may report an infinite tail (the band keeps playing), but a
// released note still ends: after its release the main bus is exactly zero and flagged silent.
TEST_CASE(conformance_tail_and_release) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 480));
    CHECK(p.processor->getTailSamples() == kInfiniteTail);
    CHECK(p.processor->getLatencySamples() == 0);
    REQUIRE(p.component->setActive(1) == kResultOk);
    OutputBuffers buffers(kOutputBuses, kChannels, 480, kSample32);
    auto* events = new host::EventList();
    int64_t lastSound = -1;
    const int silentFrom = 10 + static_cast<int>(kReleaseTailSeconds * 100);
    for (int block = 0; block < silentFrom + 100; ++block) { // 10 ms blocks; 1 s checked after the tail
        events->clear();
        if (block == 1) add(events, note(true, 0, 60));
        if (block == 10) add(events, note(false, 0, 60));
        ProcessData data = makeProcessData(480, &buffers, events, nullptr, nullptr, nullptr);
        REQUIRE(p.processor->process(data) == kResultOk);
        if (!buffers.allZero(0, 480)) lastSound = block;
        if (block >= silentFrom) {
            CHECK_MSG(buffers.allZero(0, 480) && (buffers.buses()[0].silenceFlags & 3u) == 3u,
                      "block " << block << ": still sounding (or not flagged) " << kReleaseTailSeconds
                               << " s after the note-off");
        }
    }
    CHECK_MSG(lastSound > 10, "the note did not sound past its note-off (no release at all?)");
    events->release();
    p.component->setActive(0);
}

// "Process function running in another thread": activation on this thread, 9999 process calls
// on another, all succeed, and the audio is the same as when this thread processes.
TEST_CASE(conformance_process_threading) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::vector<float> here, there;
    for (int pass = 0; pass < 2; ++pass) {
        RawPlugin p(loaded.module());
        REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(44100, 64));
        REQUIRE(p.component->setActive(1) == kResultOk);
        int failures = 0;
        auto work = [&] {
            p.processor->setProcessing(1);
            OutputBuffers buffers(kOutputBuses, kChannels, 64, kSample32);
            auto* events = new host::EventList();
            std::vector<float>& out = pass == 0 ? here : there;
            for (int i = 0; i < 9999; ++i) {
                events->clear();
                if (i % 500 == 3) add(events, note(true, i % 64, static_cast<int16>(48 + i % 24)));
                if (i % 500 == 200) add(events, note(false, 0, static_cast<int16>(48 + (i - 197) % 24)));
                ProcessData data = makeProcessData(64, &buffers, events, nullptr, nullptr, nullptr);
                if (p.processor->process(data) != kResultOk) ++failures;
                for (int32 s = 0; s < 64; ++s) out.push_back(static_cast<float>(buffers.sample(0, 0, s)));
            }
            events->release();
            p.processor->setProcessing(0);
        };
        if (pass == 0) {
            work();
        } else {
            std::thread thread(work);
            thread.join();
        }
        CHECK_MSG(failures == 0, failures << " of 9999 process calls failed (pass " << pass << ")");
        CHECK(p.component->setActive(0) == kResultOk);
    }
    REQUIRE(here.size() == there.size());
    CHECK_MSG(firstDifference(here, there, 0.0f) < 0, "processing on another thread changes the audio");
    CHECK(rms(here, 0, static_cast<int64_t>(here.size())) > 1e-3);
}

// Events in a 0-sample call (hosts send those to flush parameters; some deliver notes in them
// too) are not lost: they play at the first sample of the next block with time in it. A note-off
// there must not leave a note hanging; a note-on there sounds from sample 0 of the next block and
// passes through to the event output there. A suspend in between drops them.
TEST_CASE(conformance_events_in_flush_calls) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 480));
    REQUIRE(p.component->setActive(1) == kResultOk);
    OutputBuffers buffers(kOutputBuses, kChannels, 480, kSample32);
    auto* events = new host::EventList();
    auto* outEvents = new host::EventList();
    auto block = [&](int32_t n) {
        ProcessData data = makeProcessData(n, n > 0 ? &buffers : nullptr, events, nullptr, outEvents, nullptr);
        const tresult rc = p.processor->process(data);
        events->clear();
        return rc;
    };
    // Note-on in a block, note-off in a flush: the note ends.
    add(events, note(true, 5, 60));
    CHECK(block(480) == kResultOk);
    add(events, note(false, 0, 60));
    CHECK(block(0) == kResultOk);
    for (int b = 0; b < kReleaseTailSeconds * 100; ++b) CHECK(block(480) == kResultOk); // the release is over
    CHECK_MSG(buffers.allZero(0, 480), "a note-off sent in a 0-sample call was lost: the note hangs");
    // Note-on in a flush: sounds from sample 0 of the next block, and passes through there.
    outEvents->clear();
    add(events, note(true, 0, 64));
    CHECK(block(0) == kResultOk);
    CHECK(buffers.allZero(0, 480));
    outEvents->clear();
    buffers.fill(std::nan(""));
    CHECK(block(480) == kResultOk);
    CHECK_MSG(buffers.sample(0, 0, 1) != 0.0 && buffers.peak(0, 480) > 1e-3, "a note-on sent in a 0-sample call never sounded");
    bool passed = false;
    for (const Event& e : outEvents->events())
        passed = passed || (e.type == Event::kNoteOnEvent && e.noteOn.pitch == 64 && e.sampleOffset == 0);
    CHECK_MSG(passed, "the carried note-on did not pass through at offset 0 of the next block");
    // A suspend between the flush and the next block drops what the flush carried.
    add(events, note(false, 0, 64));
    CHECK(block(0) == kResultOk);
    add(events, note(true, 0, 70));
    CHECK(block(0) == kResultOk);
    REQUIRE(p.component->setActive(0) == kResultOk);
    REQUIRE(p.component->setActive(1) == kResultOk);
    CHECK(block(480) == kResultOk);
    CHECK_MSG(buffers.allZero(0, 480), "a note carried from before the suspend plays after it");
    outEvents->release();
    events->release();
    p.component->setActive(0);
}

// Sideman has one event input bus and one event output bus, both index 0. Events a host sends
// with another bus index (1, 7, -1: a bug, or a list shared between plug-ins) are not on our
// input: they neither play nor pass through, and the event output carries bus index 0 only.
TEST_CASE(conformance_events_on_invalid_buses) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 480));
    REQUIRE(p.component->setActive(1) == kResultOk);
    OutputBuffers buffers(kOutputBuses, kChannels, 480, kSample32);
    auto* events = new host::EventList();
    auto* outEvents = new host::EventList();
    auto block = [&] {
        ProcessData data = makeProcessData(480, &buffers, events, nullptr, outEvents, nullptr);
        const tresult rc = p.processor->process(data);
        events->clear();
        return rc;
    };
    auto onBus = [](Event e, int32 bus) {
        e.busIndex = bus;
        return e;
    };
    // Notes on invalid buses alone: silence, and nothing on the event output.
    for (int32 bus : {1, 7, -1}) add(events, onBus(note(true, 10, static_cast<int16>(60 + bus)), bus));
    CHECK(block() == kResultOk);
    for (int b = 0; b < 4; ++b) CHECK(block() == kResultOk);
    CHECK_MSG(buffers.allZero(0, 480), "a note on an event bus Sideman does not have was played");
    const auto foreign = static_cast<int32_t>(outEvents->events().size());
    CHECK_MSG(foreign == 0, foreign << " events from invalid input buses reached the event output");
    // Mixed with a note on bus 0: only that one passes, on bus 0, at its offset.
    outEvents->clear();
    add(events, onBus(note(true, 3, 50), 2));
    add(events, onBus(note(true, 20, 72), 0));
    add(events, onBus(note(false, 30, 50), 2));
    CHECK(block() == kResultOk);
    int32_t passed = 0, wrongBus = 0, others = 0;
    for (const Event& e : outEvents->events()) {
        if (e.busIndex != 0) ++wrongBus;
        if (e.type == Event::kNoteOnEvent && e.noteOn.pitch == 72 && e.sampleOffset == 20) ++passed;
        else if (e.type == Event::kNoteOnEvent || e.type == Event::kNoteOffEvent) ++others;
    }
    CHECK_MSG(wrongBus == 0, wrongBus << " output events carry a bus index other than 0");
    CHECK_MSG(passed == 1, "the note on bus 0 passed through " << passed << " times");
    CHECK_MSG(others == 0, others << " notes from bus 2 passed through");
    CHECK_MSG(buffers.peak(0, 480) > 1e-4, "the note on bus 0 did not sound");
    outEvents->release();
    events->release();
    p.component->setActive(0);
}
