// The live band through the bridge, as a host plays it: a chord held on channel 1 and the band the plugin's own
// model writes, heard on every stem bus and sent on the event output; an offline bounce is bit-identical every
// time and whatever the block size; a realtime render never fails a block or writes a non-finite sample.
#include <cmath>
#include <set>
#include <vector>

#include "check.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

constexpr double kRate = 48000;
constexpr int64_t kBar = 96000; // 4/4 at 120 BPM

host::RenderResult playChords(host::Vst3Module& module, int32_t block, int32_t mode) {
    auto instance = startInstance(module, kRate, block, kSample32, mode, /*activateAux=*/true, /*band=*/true);
    if (!instance) return {};
    host::RenderSpec spec;
    spec.sampleRate = kRate;
    spec.blockSize = block;
    spec.totalSamples = 4 * kBar;
    spec.captureAuxBuses = true;
    const int16_t chords[4][3] = {{60, 64, 67}, {57, 60, 64}, {53, 57, 60}, {55, 59, 62}};
    for (int b = 0; b < 4; ++b)
        for (int16_t key : chords[b]) {
            spec.events.push_back(host::TimedEvent{b * kBar + 500, host::noteOn(key, 0.7f)});
            spec.events.push_back(host::TimedEvent{(b + 1) * kBar - 500, host::noteOff(key)});
        }
    return host::render(*instance, spec, kSample32);
}

} // namespace

TEST_CASE(band_plays_on_every_bus_and_the_event_output_and_bounces_exactly) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const host::RenderResult first = playChords(loaded.module(), 512, kOffline);
    REQUIRE(first.left.size() == static_cast<size_t>(4 * kBar));
    CHECK(first.failedBlocks == 0 && first.nonFiniteSamples == 0);
    REQUIRE(first.aux.size() == 5);
    const char* names[5] = {"drums", "bass", "keys", "pad", "arp"};
    for (size_t p = 0; p < 5; ++p)
        CHECK_MSG(rms(first.aux[p].left, 0, 4 * kBar) > 1e-4, "the " << names[p] << " stem bus is silent");
    std::set<int> channels;
    for (const host::TimedEvent& e : first.outEvents)
        if (e.event.type == Event::kNoteOnEvent) channels.insert(e.event.noteOn.channel);
    for (int channel : {9, 1, 2, 3, 4})
        CHECK_MSG(channels.count(channel) == 1, "no generated notes on MIDI channel " << channel + 1);

    const host::RenderResult again = playChords(loaded.module(), 512, kOffline);
    CHECK_MSG(firstDifference(again.left, first.left, 0.0f) < 0, "a second bounce differs from the first");
    const host::RenderResult sliced = playChords(loaded.module(), 333, kOffline);
    CHECK_MSG(firstDifference(sliced.left, first.left, 0.0f) < 0, "333-sample blocks bounce differently from 512-sample ones");
}

TEST_CASE(band_in_realtime_never_fails_a_block) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const host::RenderResult live = playChords(loaded.module(), 128, kRealtime);
    REQUIRE(live.left.size() == static_cast<size_t>(4 * kBar));
    CHECK(live.failedBlocks == 0);
    CHECK(live.nonFiniteSamples == 0);
}
