// Many instances processing in parallel, one thread each (as hosts with per-track threads do):
// every instance's audio is bit-identical to the same instance rendered alone, so no state is
// shared between instances (in the bridge or in the managed engine). A second round runs whole
// lifecycles (create, initialize, process, terminate, release) on the threads at once.
#include <atomic>
#include <cmath>
#include <memory>
#include <thread>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
constexpr int kInstances = 6;
constexpr int32_t kBlock = 256;
constexpr int kBlocks = 300; // 1.6 s at 48 kHz

// Instance k's own music: its own notes, its own volume moves.
std::vector<float> play(RawPlugin& p, int k) {
    std::vector<float> out;
    OutputBuffers buffers(kOutputBuses, kChannels, kBlock, kSample32);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    TestRandom random(static_cast<uint64_t>(1000 + k));
    for (int b = 0; b < kBlocks; ++b) {
        events->clear();
        params->clear();
        if (b % 20 == k % 20) {
            Event on{};
            on.type = Event::kNoteOnEvent;
            on.sampleOffset = random.below(kBlock);
            on.noteOn = NoteOnEvent{0, static_cast<int16>(40 + random.below(40)), 0.0f, 0.8f, 0, -1};
            events->addEvent(on);
        }
        if (b % 13 == 5) params->add(paramId("master.volume"), random.below(kBlock), 0.5 + 0.4 * random.unit());
        if (b % 17 == 3) params->add(paramId("synth.release"), random.below(kBlock), random.unit());
        ProcessContext context{};
        context.state = ProcessContext::kPlaying | ProcessContext::kTempoValid;
        context.tempo = 90 + 10 * k;
        context.projectTimeSamples = int64_t(b) * kBlock;
        ProcessData data = makeProcessData(kBlock, &buffers, events, params, nullptr, &context);
        if (p.processor->process(data) != kResultOk) out.push_back(std::nanf(""));
        for (int32 i = 0; i < kBlock; ++i) out.push_back(static_cast<float>(buffers.sample(0, 0, i)));
    }
    params->release();
    events->release();
    return out;
}
} // namespace

TEST_CASE(conformance_parallel_instances) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    // References: each instance alone, on this thread.
    std::vector<std::vector<float>> alone(kInstances);
    for (int k = 0; k < kInstances; ++k) {
        RawPlugin p(loaded.module());
        REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, kBlock));
        REQUIRE(p.component->setActive(1) == kResultOk);
        alone[size_t(k)] = play(p, k);
        CHECK(rms(alone[size_t(k)], 0, int64_t(alone[size_t(k)].size())) > 1e-3);
    }
    // All at once: created and activated here, processed on their own threads.
    {
        std::vector<std::unique_ptr<RawPlugin>> plugins;
        for (int k = 0; k < kInstances; ++k) {
            plugins.push_back(std::make_unique<RawPlugin>(loaded.module()));
            RawPlugin& p = *plugins.back();
            REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, kBlock));
            REQUIRE(p.component->setActive(1) == kResultOk);
        }
        std::vector<std::vector<float>> together(kInstances);
        std::atomic<int> ready{0};
        std::vector<std::thread> threads;
        for (int k = 0; k < kInstances; ++k)
            threads.emplace_back([&, k] {
                ++ready;
                while (ready.load() < kInstances) std::this_thread::yield(); // start together
                together[size_t(k)] = play(*plugins[size_t(k)], k);
            });
        for (auto& t : threads) t.join();
        for (int k = 0; k < kInstances; ++k) {
            const int64_t diff = firstDifference(together[size_t(k)], alone[size_t(k)], 0.0f);
            CHECK_MSG(together[size_t(k)].size() == alone[size_t(k)].size() && diff < 0,
                      "instance " << k << " differs from its solo render at sample " << diff);
        }
    }
    // Whole lifecycles on the threads at once (hosts that load plug-ins in parallel).
    std::vector<std::vector<float>> lifecycles(kInstances);
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int k = 0; k < kInstances; ++k)
        threads.emplace_back([&, k] {
            RawPlugin p(loaded.module());
            if (!p.ok() || !p.initializeAndConnect() || !p.setup(48000, kBlock) || p.component->setActive(1) != kResultOk) {
                ++failures;
                return;
            }
            lifecycles[size_t(k)] = play(p, k);
            p.component->setActive(0);
        });
    for (auto& t : threads) t.join();
    CHECK_MSG(failures.load() == 0, failures.load() << " instances failed to start on their own threads");
    for (int k = 0; k < kInstances; ++k)
        CHECK_MSG(firstDifference(lifecycles[size_t(k)], alone[size_t(k)], 0.0f) < 0 &&
                      lifecycles[size_t(k)].size() == alone[size_t(k)].size(),
                  "instance " << k << " started on its own thread plays differently");
}
