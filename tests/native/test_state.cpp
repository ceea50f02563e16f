// State: byte-identical round trips, short host reads, bad input rejected without touching
// the current settings, and the controller kept in sync (setComponentState and messages).
#include <cmath>
#include <random>

#include "check.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {
const ParamID kVolume = paramId("master.volume");

// Moves the processor's volume to value through the audio path, like host automation.
void automateVolume(host::PluginInstance& instance, double value) {
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    params->add(kVolume, 0, value);
    auto context = host::makeContext(0, 48000, 120, 4, 4, false);
    instance.process(64, events, params, &context);
    events->release();
    params->release();
}
} // namespace

TEST_CASE(state_round_trip_and_rejection) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 64);
    REQUIRE(instance != nullptr);
    std::string error;

    const std::vector<uint8_t> s1 = instance->saveState(error);
    REQUIRE(error.empty() && !s1.empty());
    CHECK(instance->loadState(s1, 0, error));
    const std::vector<uint8_t> s2 = instance->saveState(error);
    CHECK_MSG(s1 == s2, "getState -> setState -> getState changed the bytes (" << s1.size() << " vs " << s2.size() << ")");

    automateVolume(*instance, 0.125);
    const std::vector<uint8_t> changed = instance->saveState(error);
    CHECK_MSG(changed != s1, "a volume change did not reach the saved state");

    // Short reads (7 bytes per read) must be looped.
    CHECK_MSG(instance->loadState(s1, 7, error), error);
    CHECK(instance->saveState(error) == s1);
    CHECK_MSG(instance->loadState(changed, 1, error), error);
    const std::vector<uint8_t> current = instance->saveState(error);
    CHECK(current == changed);

    // Bad input: rejected, current settings untouched.
    std::mt19937 rng(1234);
    std::vector<uint8_t> garbage(300);
    for (auto& b : garbage) b = static_cast<uint8_t>(rng());
    std::vector<uint8_t> truncated(changed.begin(), changed.begin() + static_cast<long>(changed.size() / 2));
    std::vector<uint8_t> future = changed;
    if (future.size() > 6) future[4] = future[5] = 0x7F; // the version field after the 4-byte magic
    std::vector<uint8_t> flipped = changed;
    flipped[flipped.size() - 3] ^= 0x5A;
    int index = 0;
    for (const auto* bad : {&garbage, &truncated, &future, &flipped, new std::vector<uint8_t>()}) {
        std::string rejection;
        CHECK_MSG(!instance->loadState(*bad, 0, rejection), "bad state #" << index << " was accepted");
        CHECK_MSG(instance->saveState(error) == changed, "bad state #" << index << " changed the current state");
        ++index;
        if (bad->empty()) delete bad;
    }

    // The controller follows: setComponentState decodes values; bad bytes leave it alone.
    IEditController* controller = instance->controller();
    CHECK(instance->syncController(changed));
    CHECK_MSG(std::fabs(controller->getParamNormalized(kVolume) - 0.125) < 1e-9,
              "controller volume " << controller->getParamNormalized(kVolume));
    CHECK(!instance->syncController(garbage));
    CHECK(std::fabs(controller->getParamNormalized(kVolume) - 0.125) < 1e-9);
}

TEST_CASE(state_reaches_controller_by_message) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto a = startInstance(loaded.module(), 48000, 64);
    auto b = startInstance(loaded.module(), 48000, 64);
    REQUIRE(a != nullptr && b != nullptr);
    std::string error;
    automateVolume(*a, 0.25);
    const std::vector<uint8_t> state = a->saveState(error);
    REQUIRE(error.empty());
    // Only the component gets the state; the processor tells its controller through
    // IConnectionPoint (a host-made IMessage), without the host calling setComponentState.
    auto* stream = new host::MemoryStream(state);
    CHECK(b->component()->setState(stream) == kResultOk);
    stream->release();
    CHECK_MSG(std::fabs(b->controller()->getParamNormalized(kVolume) - 0.25) < 1e-9,
              "controller did not follow the component state: " << b->controller()->getParamNormalized(kVolume));
    CHECK(b->hostApp().messagesCreated > 0);
    CHECK(b->handler().restarts > 0 && (b->handler().lastRestartFlags & kParamValuesChanged) != 0);
    CHECK(b->saveState(error) == state);
}
