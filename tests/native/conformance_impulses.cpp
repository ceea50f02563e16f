// No isolated impulses in silence or at block boundaries (a reported Ardour render once showed
// single-sample clicks at -95 dBFS every 2048 samples). With host blocks of 333, 1024, 2048 and
// 16384 samples (the last split by the bridge into 8192-sample managed chunks), with 0-sample
// parameter flushes in between and a deactivate/activate in the middle, as hosts do around an
// export: the lead-in and the time after the release tail are exactly zero, and every block size
// gives the same samples bit for bit, so nothing can sit on a block or chunk boundary.
#include <cmath>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
constexpr double kRate = 48000;
constexpr int64_t kChordAt = 3 * 48000 + 17;    // 3 s of silence first
constexpr int64_t kReleaseAt = 4 * 48000 + 1001;
constexpr int64_t kSilentFrom = kReleaseAt + static_cast<int64_t>(kReleaseTailSeconds * 48000); // tail over
constexpr int64_t kTotal = kSilentFrom + 2 * 48000;

struct Render {
    std::vector<float> left, right;
    int failures = 0;
};

Render renderSession(host::Vst3Module& module, int32_t block, bool reactivate) {
    Render r;
    RawPlugin p(module);
    if (!p.ok() || !p.initializeAndConnect() || !p.setup(kRate, block, kSample32, kOffline) ||
        p.component->setActive(1) != kResultOk)
        return r;
    p.processor->setProcessing(1);
    // The live band is off: silence before the first note and after the release tail is the point here.
    if (!switchBandOff(p.processor)) ++r.failures;
    OutputBuffers buffers(kOutputBuses, kChannels, block, kSample32);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    int call = 0;
    for (int64_t position = 0; position < kTotal; position += block) {
        const auto n = static_cast<int32_t>(std::min<int64_t>(block, kTotal - position));
        ++call;
        if (call % 7 == 0) { // a parameter flush the way Ardour sends one: 0 samples, no buffers
            params->clear();
            params->add(paramId("synth.attack"), 0, 0.2);
            ProcessData flush = makeProcessData(0, nullptr, nullptr, params, nullptr, nullptr, kSample32, kOffline);
            if (p.processor->process(flush) != kResultOk) ++r.failures;
        }
        if (reactivate && position >= 48000 && position < 48000 + block) { // suspend/resume in the lead-in
            p.processor->setProcessing(0);
            p.component->setActive(0);
            p.component->setActive(1);
            p.processor->setProcessing(1);
        }
        events->clear();
        params->clear();
        for (int16 key : {60, 64, 67}) {
            Event e{};
            if (kChordAt >= position && kChordAt < position + n) {
                e.type = Event::kNoteOnEvent;
                e.sampleOffset = static_cast<int32_t>(kChordAt - position);
                e.noteOn = NoteOnEvent{0, key, 0.0f, 0.8f, 0, -1};
                events->addEvent(e);
            }
            if (kReleaseAt >= position && kReleaseAt < position + n) {
                e.type = Event::kNoteOffEvent;
                e.sampleOffset = static_cast<int32_t>(kReleaseAt - position);
                e.noteOff = NoteOffEvent{0, key, 0.0f, -1, 0.0f};
                events->addEvent(e);
            }
        }
        ProcessContext context = host::makeContext(position, kRate, 120, 4, 4, true);
        buffers.fill(std::nan(""));
        ProcessData data = makeProcessData(n, &buffers, events, params, nullptr, &context, kSample32, kOffline);
        if (p.processor->process(data) != kResultOk) ++r.failures;
        for (int32 i = 0; i < n; ++i) {
            r.left.push_back(static_cast<float>(buffers.sample(0, 0, i)));
            r.right.push_back(static_cast<float>(buffers.sample(0, 1, i)));
        }
    }
    params->release();
    events->release();
    p.processor->setProcessing(0);
    p.component->setActive(0);
    return r;
}

// First sample in [from, to) that is not exactly 0, or -1.
int64_t firstNonZero(const std::vector<float>& x, int64_t from, int64_t to) {
    for (int64_t i = from; i < to && i < static_cast<int64_t>(x.size()); ++i)
        if (x[size_t(i)] != 0.0f) return i;
    return -1;
}
} // namespace

TEST_CASE(no_isolated_impulses_at_block_boundaries) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const Render reference = renderSession(loaded.module(), 1024, false);
    REQUIRE(reference.left.size() == static_cast<size_t>(kTotal));
    CHECK(rms(reference.left, kChordAt, kChordAt + 4800) > 1e-2);
    struct Case {
        int32_t block;
        bool reactivate;
    } cases[] = {{1024, false}, {2048, false}, {333, false}, {16384, false}, {2048, true}};
    for (const Case& k : cases) {
        const Render r = k.block == 1024 && !k.reactivate ? reference : renderSession(loaded.module(), k.block, k.reactivate);
        REQUIRE(r.left.size() == static_cast<size_t>(kTotal));
        CHECK_MSG(r.failures == 0, "block " << k.block << ": " << r.failures << " failed process calls");
        for (const std::vector<float>* channel : {&r.left, &r.right}) {
            const int64_t lead = firstNonZero(*channel, 0, kChordAt);
            CHECK_MSG(lead < 0, "block " << k.block << (k.reactivate ? " (reactivated)" : "") << ": sample " << lead
                                         << " (block offset " << lead % k.block << ") before the first note is "
                                         << (*channel)[size_t(lead < 0 ? 0 : lead)]);
            const int64_t tail = firstNonZero(*channel, kSilentFrom, kTotal);
            CHECK_MSG(tail < 0, "block " << k.block << ": sample " << tail << " after the release tail is not 0");
        }
        const int64_t diff = std::max(firstDifference(r.left, reference.left, 0.0f), firstDifference(r.right, reference.right, 0.0f));
        CHECK_MSG(diff < 0, "block " << k.block << (k.reactivate ? " (reactivated)" : "")
                                     << ": differs from the 1024-sample render at sample " << diff << " (block offset "
                                     << diff % k.block << ")");
    }
}
