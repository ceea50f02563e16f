// Parameters: sample-accurate automation inside a block, many points per block, 0-sample
// flushes, and the controller's view (info, text both ways, plain values, MIDI mapping).
#include <cmath>
#include <set>

#include "check.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {
const ParamID kVolume = paramId("master.volume");

host::RenderResult renderHeldNote(host::Vst3Module& module, int32_t block, int64_t total,
                                  const std::vector<host::TimedParam>& params) {
    auto instance = startInstance(module, 48000, block);
    if (!instance) return {};
    host::RenderSpec spec;
    spec.sampleRate = 48000;
    spec.blockSize = block;
    spec.totalSamples = total;
    spec.events.push_back(host::TimedEvent{0, host::noteOn(57, 0.9f)});
    spec.params = params;
    return host::render(*instance, spec, kSample32);
}
} // namespace

TEST_CASE(parameter_change_mid_block) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const int32_t block = 512;
    const int64_t total = 48000;
    const host::RenderResult reference = renderHeldNote(loaded.module(), block, total, {});
    REQUIRE(!reference.left.empty());
    CHECK(rms(reference.left, 4000, 8000) > 1e-3);
    // One step to silence at offsets that sit on and off internal boundaries.
    for (int64_t at : {int64_t(3 * block + 200), int64_t(5 * block), int64_t(6 * block + 64), int64_t(7 * block + 511)}) {
        const host::RenderResult changed = renderHeldNote(loaded.module(), block, total, {{at, kVolume, 0.0}});
        const int64_t diff = firstDifference(changed.left, reference.left, 1e-7f);
        CHECK_MSG(diff >= at && diff <= at + 1, "volume step at sample " << at << " first changes output at " << diff);
        CHECK_MSG(rms(changed.left, at + 4800, at + 9600) < 1e-4,
                  "volume 0 from sample " << at << " still sounds: rms " << rms(changed.left, at + 4800, at + 9600));
    }
    // Many points in one block, on two parameters, out of order across queues: the first
    // change wins the timing.
    const ParamID attack = paramId("synth.attack");
    std::vector<host::TimedParam> many;
    for (int i = 0; i < 16; ++i) many.push_back({int64_t(8 * block + 40 + i * 25), kVolume, 0.5 + 0.02 * (i % 5)});
    many.push_back({int64_t(8 * block + 20), attack, 0.3});
    const host::RenderResult multi = renderHeldNote(loaded.module(), block, total, many);
    const int64_t diff = firstDifference(multi.left, reference.left, 1e-7f);
    CHECK_MSG(diff >= 8 * block + 40 && diff <= 8 * block + 41,
              "16 volume points from offset 40 (plus an attack change at 20, which does not touch a held note): "
              "output first changes at " << diff - 8 * block);
}

TEST_CASE(parameter_flush_without_audio) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 256);
    REQUIRE(instance != nullptr);
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    params->add(kVolume, 0, 0.0);
    auto context = host::makeContext(0, 48000, 120, 4, 4, false);
    CHECK(instance->process(0, events, params, &context) == kResultOk);
    params->clear();
    Event on = host::noteOn(60, 1.0f);
    events->addEvent(on);
    double energy = 0;
    for (int b = 0; b < 40; ++b) {
        context = host::makeContext(b * 256, 48000, 120, 4, 4, true);
        CHECK(instance->process(256, events, params, &context) == kResultOk);
        events->clear();
        if (b >= 20)
            for (int i = 0; i < 256; ++i) energy += std::fabs(instance->output32(0, 0)[i]);
    }
    CHECK_MSG(energy < 1e-3, "a volume of 0 sent in a 0-sample flush was not applied: energy " << energy);
    events->release();
    params->release();
    // The processor stores what it received: its state now carries the new volume.
    std::string error;
    auto state = instance->saveState(error);
    CHECK(error.empty());
    CHECK(instance->syncController(state));
    CHECK_MSG(std::fabs(instance->controller()->getParamNormalized(kVolume)) < 1e-9,
              "controller after sync: " << instance->controller()->getParamNormalized(kVolume));
}

TEST_CASE(controller_parameters) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::string error;
    auto instance = host::PluginInstance::create(loaded.module(), error);
    REQUIRE(instance != nullptr);
    IEditController* c = instance->controller();
    REQUIRE(c != nullptr);
    const int32 count = c->getParameterCount();
    CHECK(count >= 3);
    std::set<ParamID> ids;
    bool volumeSeen = false;
    for (int32 i = 0; i < count; ++i) {
        ParameterInfo info{};
        REQUIRE(c->getParameterInfo(i, info) == kResultOk);
        CHECK_MSG(ids.insert(info.id).second, "duplicate parameter id " << info.id);
        CHECK_MSG((info.id & 0x80000000u) == 0, "ParamID " << info.id << " uses bit 31");
        CHECK(info.defaultNormalizedValue >= 0 && info.defaultNormalizedValue <= 1);
        CHECK(!utf16ToUtf8(info.title).empty());
        CHECK_MSG(std::fabs(c->getParamNormalized(info.id) - info.defaultNormalizedValue) < 1e-9,
                  utf16ToUtf8(info.title) << " does not start at its default");
        if (info.id == kVolume) volumeSeen = true;

        // Text both ways at a few values; plain <-> normalized round trip.
        for (double v : {0.0, info.defaultNormalizedValue, 0.37, 1.0}) {
            String128 text{};
            CHECK(c->getParamStringByValue(info.id, v, text) == kResultOk);
            ParamValue back = -1;
            CHECK_MSG(c->getParamValueByString(info.id, text, back) == kResultOk,
                      utf16ToUtf8(info.title) << ": text '" << utf16ToUtf8(text) << "' not parsed");
            const ParamValue plain = c->normalizedParamToPlain(info.id, v);
            if (info.stepCount > 0) {
                // VST3's discrete convention: step k owns [k/(n+1), (k+1)/(n+1)) and maps back to k/n,
                // so a value comes back as its step, not as itself. Text and plain both keep the step.
                CHECK_MSG(c->normalizedParamToPlain(info.id, back) == plain,
                          utf16ToUtf8(info.title) << ": " << v << " -> '" << utf16ToUtf8(text) << "' -> " << back
                                                  << " changes the step");
                CHECK_MSG(plain == std::floor(plain), utf16ToUtf8(info.title) << ": stepped plain value " << plain);
                const ParamValue stepValue = c->plainParamToNormalized(info.id, plain);
                CHECK_MSG(std::fabs(stepValue - v) <= 1.0 / (info.stepCount + 1) + 1e-9 &&
                              c->normalizedParamToPlain(info.id, stepValue) == plain,
                          utf16ToUtf8(info.title) << ": plain round trip of " << v << " via " << plain);
            } else {
                CHECK_MSG(std::fabs(back - v) <= 0.02 || (v == 0.0 && back <= 0.02),
                          utf16ToUtf8(info.title) << ": " << v << " -> '" << utf16ToUtf8(text) << "' -> " << back);
                CHECK_MSG(std::fabs(c->plainParamToNormalized(info.id, plain) - v) < 1e-6 || std::isinf(plain),
                          utf16ToUtf8(info.title) << ": plain round trip of " << v);
            }
        }
    }
    CHECK_MSG(volumeSeen, "no parameter has the id of \"master.volume\" (FNV-1a 31-bit)");
    String128 garbage{};
    utf8ToUtf16(garbage, 128, "not a number");
    ParamValue out = 0;
    CHECK(c->getParamValueByString(kVolume, garbage, out) != kResultOk);
    CHECK(c->setParamNormalized(kVolume, 0.25) == kResultOk);
    CHECK(std::fabs(c->getParamNormalized(kVolume) - 0.25) < 1e-12);

    // IMidiMapping: controllers land on their hidden target parameters, others on nothing.
    void* mm = nullptr;
    REQUIRE(c->queryInterface(IMidiMapping::iid.bytes, &mm) == kResultOk);
    auto* mapping = static_cast<IMidiMapping*>(mm);
    ParamID id = 0;
    CHECK(mapping->getMidiControllerAssignment(0, 0, 64, id) == kResultTrue && id == paramId("midi.sustain"));
    CHECK(mapping->getMidiControllerAssignment(0, 3, 1, id) == kResultTrue && id == paramId("midi.modwheel"));
    CHECK(mapping->getMidiControllerAssignment(0, 0, kPitchBend, id) == kResultTrue && id == paramId("midi.pitchbend"));
    CHECK(mapping->getMidiControllerAssignment(0, 0, 7, id) == kResultFalse);
    CHECK(mapping->getMidiControllerAssignment(1, 0, 64, id) == kResultFalse);
    mapping->release();
}
