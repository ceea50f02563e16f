// Buses, arrangements, sample sizes, setup limits: what hosts ask before processing.
#include <cmath>

#include "check.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

TEST_CASE(buses_and_arrangements) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    {
        std::string error;
        auto instance = host::PluginInstance::create(loaded.module(), error);
        REQUIRE(instance != nullptr);
        IComponent* c = instance->component();
        IAudioProcessor* p = instance->processor();

        CHECK(c->getBusCount(kEvent, kInput) == 1);
        CHECK(c->getBusCount(kEvent, kOutput) == 1);
        CHECK(c->getBusCount(kAudio, kInput) == 0);
        REQUIRE(c->getBusCount(kAudio, kOutput) == 6);
        const char* names[] = {"Main", "Drums", "Bass", "Keys", "Pad", "Arp"};
        for (int32 i = 0; i < 6; ++i) {
            BusInfo bus{};
            CHECK(c->getBusInfo(kAudio, kOutput, i, bus) == kResultOk);
            CHECK(bus.channelCount == 2);
            CHECK_MSG(utf16ToUtf8(bus.name) == names[i], "bus " << i << " is " << utf16ToUtf8(bus.name));
            CHECK(bus.busType == (i == 0 ? kMain : kAux));
            CHECK(((bus.flags & BusInfo::kDefaultActive) != 0) == (i == 0)); // aux inactive until activated
        }
        BusInfo eventBus{};
        CHECK(c->getBusInfo(kEvent, kInput, 0, eventBus) == kResultOk && eventBus.mediaType == kEvent);
        CHECK(c->getBusInfo(kAudio, kOutput, 6, eventBus) == kInvalidArgument);

        SpeakerArrangement stereo[6] = {SpeakerArr::kStereo, SpeakerArr::kStereo, SpeakerArr::kStereo,
                                        SpeakerArr::kStereo, SpeakerArr::kStereo, SpeakerArr::kStereo};
        CHECK(p->setBusArrangements(nullptr, 0, stereo, 6) == kResultTrue);
        SpeakerArrangement mono[6] = {SpeakerArr::kMono, SpeakerArr::kStereo, SpeakerArr::kStereo,
                                      SpeakerArr::kStereo, SpeakerArr::kStereo, SpeakerArr::kStereo};
        CHECK(p->setBusArrangements(nullptr, 0, mono, 6) == kResultFalse);
        CHECK(p->setBusArrangements(nullptr, 0, stereo, 1) == kResultFalse);
        SpeakerArrangement arr = 0;
        CHECK(p->getBusArrangement(kOutput, 3, arr) == kResultOk && arr == SpeakerArr::kStereo);
        CHECK(p->getBusArrangement(kInput, 0, arr) == kInvalidArgument);

        for (int32 i = 1; i < 6; ++i) CHECK(c->activateBus(kAudio, kOutput, i, 1) == kResultOk);
        CHECK(c->activateBus(kAudio, kOutput, 9, 1) == kInvalidArgument);
        CHECK(p->canProcessSampleSize(kSample32) == kResultTrue);
        const tresult can64 = p->canProcessSampleSize(kSample64);
        CHECK(can64 == kResultTrue || can64 == kResultFalse);

        void* reqs = nullptr;
        REQUIRE(c->queryInterface(IProcessContextRequirements::iid.bytes, &reqs) == kResultOk);
        auto* requirements = static_cast<IProcessContextRequirements*>(reqs);
        const uint32 flags = requirements->getProcessContextRequirements();
        using R = IProcessContextRequirements;
        for (uint32 need : {uint32(R::kNeedTempo), uint32(R::kNeedTimeSignature), uint32(R::kNeedProjectTimeMusic),
                            uint32(R::kNeedBarPositionMusic), uint32(R::kNeedCycleMusic), uint32(R::kNeedTransportState)})
            CHECK_MSG((flags & need) != 0, "missing context requirement bit " << need);
        requirements->release();

        RoutingInfo in{kEvent, 0, 0}, out{};
        CHECK(c->getRoutingInfo(in, out) == kResultOk && out.mediaType == kAudio && out.busIndex == 0);
    }
}

TEST_CASE(setup_limits) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::string error;
    auto instance = host::PluginInstance::create(loaded.module(), error);
    REQUIRE(instance != nullptr);
    IAudioProcessor* p = instance->processor();
    struct Case {
        double rate;
        int32 block;
        bool accepted;
    } cases[] = {{8000, 1, true},     {384000, 8192, true}, {44100, 333, true}, {7999, 64, false},
                 {400000, 64, false}, {48000, 0, false},    {48000, 16384, true}};
    for (const Case& k : cases) {
        ProcessSetup setup{kRealtime, kSample32, k.block, k.rate};
        const bool accepted = p->setupProcessing(setup) == kResultOk;
        CHECK_MSG(accepted == k.accepted, k.rate << " Hz / " << k.block << " samples: accepted=" << accepted);
    }
    // Blocks longer than the managed maximum (8192) are split by the bridge: a 16384-sample
    // host block renders completely, with a note in the second half still sounding.
    REQUIRE(instance->setup(48000, 16384, kSample32, kRealtime, false, error));
    REQUIRE(instance->start(error));
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    Event on = host::noteOn(60, 0.9f);
    on.sampleOffset = 12000;
    events->addEvent(on);
    auto context = host::makeContext(0, 48000, 120, 4, 4, true);
    CHECK(instance->process(16384, events, params, &context) == kResultOk);
    const float* left = instance->output32(0, 0);
    double before = 0, after = 0;
    for (int i = 0; i < 12000; ++i) before += std::abs(left[i]);
    for (int i = 12000; i < 16384; ++i) after += std::abs(left[i]);
    bool finite = true;
    for (int i = 0; i < 16384; ++i) finite = finite && std::isfinite(left[i]);
    CHECK_MSG(finite, "unwritten or non-finite samples in a split block");
    CHECK_MSG(before == 0 && after > 1.0, "before note " << before << ", after note " << after);
    // A parameter-flush call with zero samples and no buffers is fine.
    auto flush = host::makeContext(16384, 48000, 120, 4, 4, true);
    events->clear();
    CHECK(instance->process(0, events, params, &flush) == kResultOk);
    events->release();
    params->release();
}
