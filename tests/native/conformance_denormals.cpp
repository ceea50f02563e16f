// Denormals are flushed inside the managed process call: an observable proof, with no test hook.
//
// Method: the host thread runs with FTZ/DAZ OFF. Render A plays a note at 0 dB (gain exactly 1,
// so the engine's master gain multiplies nothing: A is the raw voice signal x). Render B plays
// the same note with the master volume at a gain g of about 3e-37, a normal float. After the 5 ms
// volume ramp, B[i] is the engine's float product x[i] * g, computed in C# inside the process
// call. Wherever |x[i] * g| is below FLT_MIN that product is subnormal: with FTZ it comes out as
// exactly 0, without FTZ as a non-zero subnormal. So B must hold exact zeros there (hundreds of
// them), never a subnormal, and the true product elsewhere. The bridge sets FTZ and DAZ in one
// MXCSR write around the managed call; seeing FTZ act in C# arithmetic proves that write is in
// force there. The host's own mode must come back unchanged.
#include <cfloat>
#include <cmath>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"

#if defined(__x86_64__) || defined(__i386__)
#include <xmmintrin.h>
#define CONFORMANCE_X86 1
#endif

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
// The volume's normalized value for a linear gain: the dB law is gain = 10^(6/20) * n^3.
double normalizedForGain(double gain) { return std::cbrt(gain / std::pow(10.0, 6.0 / 20.0)); }

std::vector<double> renderWithVolume(host::Vst3Module& module, double normalized, int32_t sampleSize, int64_t total) {
    RawPlugin p(module);
    std::vector<double> out;
    if (!p.ok() || !p.initializeAndConnect() || !p.setup(48000, 512, sampleSize) || p.component->setActive(1) != kResultOk)
        return out;
    OutputBuffers buffers(kOutputBuses, kChannels, 512, sampleSize);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    for (int64_t position = 0; position < total; position += 512) {
        events->clear();
        params->clear();
        if (position == 0) {
            Event on{};
            on.type = Event::kNoteOnEvent;
            on.noteOn = NoteOnEvent{0, 57, 0.0f, 1.0f, 0, -1};
            events->addEvent(on);
            if (normalized >= 0) params->add(paramId("master.volume"), 0, normalized);
        }
        ProcessData data = makeProcessData(512, &buffers, events, params, nullptr, nullptr, sampleSize);
        if (p.processor->process(data) != kResultOk) break;
        for (int32 i = 0; i < 512; ++i) out.push_back(buffers.sample(0, 0, i));
    }
    params->release();
    events->release();
    p.component->setActive(0);
    return out;
}
} // namespace

TEST_CASE(denormals_flushed_inside_managed_process) {
#if !defined(CONFORMANCE_X86)
    std::printf("not an x86 CPU: this proof reads MXCSR semantics; skipped\n");
    return;
#else
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const unsigned hostMode = _mm_getcsr();
    _mm_setcsr(hostMode & ~0x8040u); // the host runs with FTZ and DAZ off
    // Sanity: in this thread a product like the ones below really is subnormal.
    volatile float a = 3e-37f, b = 0.01f;
    const float product = a * b;
    CHECK_MSG(std::fpclassify(product) == FP_SUBNORMAL, "FTZ is still on in the test thread");

    const double gain = 3e-37;
    const int64_t total = 94 * 512; // whole blocks, about 1 s
    for (int32_t sampleSize : {kSample32, kSample64}) {
        const std::vector<double> x = renderWithVolume(loaded.module(), -1, sampleSize, total);
        const std::vector<double> y = renderWithVolume(loaded.module(), normalizedForGain(gain), sampleSize, total);
        CHECK_MSG((_mm_getcsr() & 0x8040u) == 0, "process() left FTZ/DAZ set in the host thread");
        CHECK_MSG(x.size() == static_cast<size_t>(total) && y.size() == x.size(), "renders of " << x.size() << " and " << y.size() << " samples");
        REQUIRE(x.size() == static_cast<size_t>(total) && y.size() == x.size());
        // The engine's float gain, measured where the products are comfortably normal.
        double g = 0;
        for (size_t i = 1000; i < x.size() && g == 0; ++i)
            if (std::fabs(x[i]) > 0.1) g = y[i] / x[i];
        REQUIRE(g > 0);
        CHECK_MSG(std::fabs(g / gain - 1) < 1e-3, "measured gain " << g << ", asked for " << gain);
        int64_t tiny = 0, flushed = 0, exact = 0, subnormal = 0, wrong = 0;
        for (size_t i = 1000; i < x.size(); ++i) { // well after the 240-sample ramp
            const double product = x[i] * g;
            // A float below FLT_MIN in either output format (64-bit output is the float widened).
            if (y[i] != 0 && std::fabs(y[i]) < FLT_MIN) ++subnormal;
            if (x[i] != 0 && std::fabs(product) < 0.9 * FLT_MIN) {
                ++tiny;
                if (y[i] == 0) ++flushed;
                else ++wrong;
            } else if (std::fabs(product) > 1.1 * FLT_MIN) {
                if (std::fabs(y[i] - product) <= 1e-6 * std::fabs(product)) ++exact;
                else ++wrong;
            }
        }
        std::printf("sample size %d: %lld products flushed to 0, %lld normal products exact, %lld subnormal outputs\n",
                    sampleSize, static_cast<long long>(flushed), static_cast<long long>(exact),
                    static_cast<long long>(subnormal));
        CHECK_MSG(subnormal == 0, subnormal << " subnormal samples came out of the managed engine: FTZ was not in force");
        CHECK_MSG(wrong == 0, wrong << " samples are neither the product nor its flushed zero");
        CHECK_MSG(tiny > 1000, "only " << tiny << " products fell below FLT_MIN: the proof has no power");
        CHECK_MSG(flushed == tiny, flushed << " of " << tiny << " subnormal products were flushed to 0");
        CHECK_MSG(exact > 1000, "only " << exact << " normal products: the note did not play");
    }
    _mm_setcsr(hostMode);
#endif
}
