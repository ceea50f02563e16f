// Memory across instance rounds: a host that creates and releases many instances in one process
// (a session reopened, a project with 16 tracks closed and loaded again) must get back what each
// round used. 16 instances are created, set up with every stem bus, activated, fed notes for a few
// blocks and released, six times. Round 2 may add what the native allocator and the runtimes keep for reuse
// (within kWarmUpKiB of round 1); from round 2 on the resident set must stay flat (within kSteadyKiB): a leak
// grows every round. (Measured: see native/README.md, "Memory across instance rounds".)
#include <cstdio>
#include <string>

#include "check.h"
#include "fixture.h"
#include "os_probe.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

constexpr int kInstances = 16;
constexpr int kRounds = 6;
constexpr long kWarmUpKiB = 12 * 1024;
#if defined(_WIN32)
// Under Wine the heap keeps a few MiB more or less from round to round (Wine 8.0, three clean runs: round 3 at
// +3.4, +2.2 and 0 MiB over round 2, falling again after). A leak is far beyond this bound (before the dispose
// fix: about 190 MiB a round on Linux).
constexpr long kSteadyKiB = 6 * 1024;
#else
constexpr long kSteadyKiB = 3 * 1024;
#endif

void playRound(host::Vst3Module& module, int round) {
    std::vector<std::unique_ptr<host::PluginInstance>> instances;
    for (int i = 0; i < kInstances; ++i) {
        auto instance = startInstance(module, 48000, 512, kSample32, kRealtime, /*activateAux=*/true, /*band=*/true);
        REQUIRE(instance != nullptr);
        instances.push_back(std::move(instance));
    }
    auto* events = new host::EventList();
    for (int block = 0; block < 8; ++block) {
        for (int i = 0; i < kInstances; ++i) {
            events->clear();
            if (block == 0) {
                // A note on the monitor (channel 1) and one for each band part's channel.
                for (int16_t channel : {0, 9, 1, 2, 3, 4}) {
                    Event on = host::noteOn(static_cast<int16_t>(48 + channel + i % 12), 0.8f, channel);
                    on.sampleOffset = 16 * channel;
                    events->addEvent(on);
                }
            }
            vst3::ProcessContext context = host::makeContext(int64_t(block) * 512, 48000, 120, 4, 4, true);
            CHECK_MSG(instances[size_t(i)]->process(512, events, nullptr, &context) == kResultOk,
                      "round " << round << ", instance " << i << ", block " << block);
        }
    }
    events->release();
    instances.clear(); // stop, disconnect, terminate, release: everything a host gives back
}

} // namespace

TEST_CASE(memory_bounded_across_instance_rounds) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    REQUIRE(residentKiB() > 0);
    const int32_t baselineObjects = loaded.liveObjects();
    long first = 0, second = 0;
    for (int round = 1; round <= kRounds; ++round) {
        playRound(loaded.module(), round);
        const long rss = residentKiB();
        std::printf("round %d: RSS %.1f MiB, %d bridge objects alive\n", round, rss / 1024.0, loaded.liveObjects());
        CHECK_MSG(loaded.liveObjects() == baselineObjects,
                  "round " << round << ": " << loaded.liveObjects() - baselineObjects << " bridge objects still alive");
        if (round == 1) {
            first = rss;
        } else if (round == 2) {
            second = rss;
            CHECK_MSG(rss - first <= kWarmUpKiB, "round 2: RSS " << rss / 1024.0 << " MiB is " << (rss - first) / 1024.0
                                                                  << " MiB above round 1 (" << first / 1024.0
                                                                  << " MiB); the bound is " << kWarmUpKiB / 1024 << " MiB");
        } else {
            CHECK_MSG(rss - second <= kSteadyKiB, "round " << round << ": RSS " << rss / 1024.0 << " MiB is "
                                                           << (rss - second) / 1024.0 << " MiB above round 2 ("
                                                           << second / 1024.0 << " MiB); the bound is "
                                                           << kSteadyKiB / 1024 << " MiB");
        }
    }
}
