// Conformance: the VST3 state model (created -> initialized -> setup done -> active ->
// processing). Mirrors the SDK test suite's "Valid State Transition" (32 and 64 bit),
// "Terminate/Initialize", "Suspend/Resume", "Repeat Identical State Transition" and "Invalid State
// Transition", plus calls a careless host makes in the wrong order.
#include <atomic>
#include <cmath>
#include <thread>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {

void validTransitions(int32_t sampleSize) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    REQUIRE(p.setup(44100, 8192, sampleSize));
    CHECK(p.component->setActive(1) == kResultOk);
    CHECK(p.component->setActive(0) == kResultOk);
    // Three rounds of setup, activate, deactivate, terminate, initialize: every call succeeds.
    for (int round = 0; round < 3; ++round) {
        ProcessSetup setup{kRealtime, sampleSize, 8192, 44100};
        CHECK_MSG(p.processor->setupProcessing(setup) == kResultOk, "round " << round << ": setupProcessing");
        CHECK_MSG(p.component->setActive(1) == kResultOk, "round " << round << ": setActive(true)");
        CHECK_MSG(p.component->setActive(0) == kResultOk, "round " << round << ": setActive(false)");
        CHECK_MSG(p.component->terminate() == kResultOk, "round " << round << ": terminate");
        CHECK_MSG(p.component->initialize(static_cast<IHostApplication*>(p.hostApp)) == kResultOk,
                  "round " << round << ": initialize");
    }
    // After all that, it still plays.
    REQUIRE(p.setup(44100, 512, sampleSize));
    REQUIRE(p.component->setActive(1) == kResultOk);
    const std::vector<float> out = renderNote(p.processor, 44100, 512, 8192, 0, 69, sampleSize);
    CHECK_MSG(rms(out, 0, 8192) > 1e-3, "no sound after three terminate/initialize rounds: rms " << rms(out, 0, 8192));
    CHECK(p.component->setActive(0) == kResultOk);
}

} // namespace

TEST_CASE(conformance_valid_state_transitions_32) { validTransitions(kSample32); }
TEST_CASE(conformance_valid_state_transitions_64) { validTransitions(kSample64); }

TEST_CASE(conformance_repeated_and_invalid_transitions) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok());
    FUnknown* context = static_cast<IHostApplication*>(p.hostApp);
    IComponent* c = p.component;
    // Created, not initialized: nothing but initialize is allowed.
    CHECK(c->setActive(1) != kResultOk);
    CHECK(c->setActive(0) != kResultOk);
    CHECK(c->terminate() != kResultOk);
    CHECK(c->initialize(context) == kResultOk);
    // Initialized.
    CHECK(c->initialize(context) == kResultFalse);           // repeat
    // A redundant setActive is answered kResultOk and changes nothing, as the SDK's own
    // Component::setActive answers; the validator's ProcessTest::teardown calls setActive(false)
    // on a component its test already deactivated and fails the test on anything else.
    CHECK(c->setActive(0) == kResultOk);                       // not active yet: redundant
    CHECK(c->setActive(1) == kResultOk);                       // without setupProcessing: defaults
    CHECK(c->setActive(1) == kResultOk);                       // repeat
    CHECK(c->initialize(context) != kResultOk);                // while active
    CHECK(c->setActive(0) == kResultOk);
    CHECK(c->setActive(0) == kResultOk);                       // repeat
    CHECK(c->initialize(context) != kResultOk);
    CHECK(c->terminate() == kResultOk);
    // Terminated again: nothing to (de)activate.
    CHECK(c->setActive(0) != kResultOk);
    CHECK(c->terminate() != kResultOk);                        // repeat
    CHECK(c->initialize(context) == kResultOk);                // and back
    CHECK(c->terminate() == kResultOk);

    // The controller follows the same rules for initialize/terminate.
    IEditController* e = p.controller;
    CHECK(e->terminate() != kResultOk);
    CHECK(e->initialize(context) == kResultOk);
    CHECK(e->initialize(context) == kResultFalse);
    CHECK(e->terminate() == kResultOk);
    CHECK(e->terminate() != kResultOk);
}

// The redundant calls change nothing: a repeated setActive(true) does not re-run the activation
// (a held note keeps sounding; a real re-activation would silence it), a repeated setActive(false)
// leaves the processor inactive (process still refuses), and repeated setProcessing calls are
// accepted. The end mirrors the validator's Valid State Transition test and its teardown: the test
// leaves the component inactive, then ProcessTest::teardown calls setActive(false) again and
// reports "Failed to teardown test!" unless that answers kResultOk.
TEST_CASE(conformance_redundant_calls_change_nothing) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 256));
    REQUIRE(p.component->setActive(1) == kResultOk);
    CHECK(p.processor->setProcessing(1) == kResultOk);
    CHECK(p.processor->setProcessing(1) == kResultOk); // repeat
    const std::vector<float> sounding = renderNote(p.processor, 48000, 256, 4096, 0);
    REQUIRE(rms(sounding, 0, 4096) > 1e-3);
    CHECK(p.component->setActive(1) == kResultOk); // repeat: no re-activation
    const std::vector<float> held = renderNote(p.processor, 48000, 256, 4096, -1);
    CHECK_MSG(rms(held, 0, 4096) > 1e-4,
              "a redundant setActive(true) re-activated the processor: the held note stopped (rms " << rms(held, 0, 4096) << ")");
    CHECK(p.processor->setProcessing(0) == kResultOk);
    CHECK(p.processor->setProcessing(0) == kResultOk); // repeat
    CHECK(p.component->setActive(0) == kResultOk);
    CHECK(p.component->setActive(0) == kResultOk); // repeat: still inactive
    OutputBuffers buffers(kOutputBuses, kChannels, 256, kSample32);
    buffers.fill(0.5);
    ProcessData data = makeProcessData(256, &buffers, nullptr, nullptr, nullptr, nullptr);
    CHECK_MSG(p.processor->process(data) == kNotInitialized, "a redundant setActive(false) activated the processor");
    CHECK(buffers.allZero(0, 256));

    // Valid State Transition, then its teardown.
    for (int round = 0; round < 3; ++round) {
        ProcessSetup setup{kRealtime, kSample32, 8192, 44100};
        CHECK(p.processor->setupProcessing(setup) == kResultOk);
        CHECK(p.component->setActive(1) == kResultOk);
        CHECK(p.component->setActive(0) == kResultOk);
        CHECK(p.component->terminate() == kResultOk);
        CHECK(p.component->initialize(static_cast<IHostApplication*>(p.hostApp)) == kResultOk);
    }
    CHECK_MSG(p.processor->setProcessing(0) == kResultOk, "teardown: setProcessing(false) on an inactive processor");
    CHECK_MSG(p.component->setActive(0) == kResultOk, "teardown: setActive(false) on an inactive processor");
    // And it still works normally afterwards.
    REQUIRE(p.setup(48000, 256));
    REQUIRE(p.component->setActive(1) == kResultOk);
    CHECK(rms(renderNote(p.processor, 48000, 256, 4096, 0), 0, 4096) > 1e-3);
    CHECK(p.component->setActive(0) == kResultOk);
}

TEST_CASE(conformance_suspend_resume) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    // A held note does not survive a suspend: resuming starts from silence, every time. (The live band,
    // which plays whenever the transport does, is off: this is about the voices the player struck.)
    for (int round = 0; round < 3; ++round) {
        REQUIRE(p.setup(48000, 256));
        REQUIRE(p.component->setActive(1) == kResultOk);
        if (round == 0) REQUIRE(switchBandOff(p.processor));
        const std::vector<float> sounding = renderNote(p.processor, 48000, 256, 4096, 0);
        CHECK_MSG(rms(sounding, 0, 4096) > 1e-3, "round " << round << ": no note before the suspend");
        REQUIRE(p.component->setActive(0) == kResultOk);
        REQUIRE(p.component->setActive(1) == kResultOk);
        const std::vector<float> after = renderNote(p.processor, 48000, 256, 4096, -1);
        CHECK_MSG(rms(after, 0, 4096) == 0.0, "round " << round << ": the note held across a suspend still sounds");
        REQUIRE(p.component->setActive(0) == kResultOk);
    }
}

TEST_CASE(conformance_calls_out_of_order) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok());
    OutputBuffers buffers(kOutputBuses, kChannels, 256, kSample32);

    // Before initialize: refused, no crash, and process leaves silence, not the host's garbage.
    auto* stream = new host::MemoryStream();
    CHECK(p.component->getState(stream) != kResultOk);
    CHECK(stream->bytes().empty());
    CHECK(p.component->setState(stream) != kResultOk);
    stream->release();
    ProcessSetup setup{kRealtime, kSample32, 256, 48000};
    CHECK(p.processor->setupProcessing(setup) != kResultOk);
    buffers.fill(0.5);
    ProcessData data = makeProcessData(256, &buffers, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) != kResultOk);
    CHECK_MSG(buffers.allZero(0, 256), "process before initialize left the host's data in the outputs");
    CHECK(p.controller->setComponentState(nullptr) != kResultOk);
    CHECK(p.controller->getParameterCount() == 0);

    REQUIRE(p.initializeAndConnect());
    // Initialized but never activated: process refuses and silences.
    buffers.fill(0.5);
    CHECK(p.processor->process(data) != kResultOk);
    CHECK(buffers.allZero(0, 256) && buffers.allZero(3, 256));
    // State calls with a null stream are refused.
    CHECK(p.component->getState(nullptr) != kResultOk);
    CHECK(p.component->setState(nullptr) != kResultOk);

    // setActive(true) with no setupProcessing at all: a usable default, and it plays.
    CHECK(p.component->setActive(1) == kResultOk);
    const std::vector<float> fallback = renderNote(p.processor, 44100, 256, 4096);
    CHECK_MSG(rms(fallback, 0, 4096) > 1e-3, "no sound when the host skipped setupProcessing");

    // While active: setupProcessing is refused and the running setup stays; setBusArrangements
    // accepts only what is already in place; a changed arrangement is refused.
    ProcessSetup other{kRealtime, kSample32, 64, 96000};
    CHECK(p.processor->setupProcessing(other) == kResultFalse);
    CHECK(arrangeStereo(p.processor) == kResultTrue);
    std::vector<SpeakerArrangement> mono(kOutputBuses, SpeakerArr::kMono);
    CHECK(p.processor->setBusArrangements(nullptr, 0, mono.data(), kOutputBuses) == kResultFalse);
    SpeakerArrangement arrangement = 0;
    CHECK(p.processor->getBusArrangement(kOutput, 0, arrangement) == kResultOk && arrangement == SpeakerArr::kStereo);
    // A 256-sample block still renders in full (the refused 64-sample setup did not take).
    buffers.fill(std::nan(""));
    data = makeProcessData(256, &buffers, nullptr, nullptr, nullptr, nullptr);
    CHECK(p.processor->process(data) == kResultOk);
    CHECK(buffers.allFinite(0, 256));

    // Terminate while active, without setActive(false): the plug-in deactivates itself.
    CHECK(p.component->terminate() == kResultOk);
    buffers.fill(0.5);
    CHECK(p.processor->process(data) != kResultOk);
    CHECK(buffers.allZero(0, 256));
    CHECK(p.controller->terminate() == kResultOk);
}

// After terminate + initialize the host may go straight to setActive(true): the new managed
// processor must run with the setup the host gave last, not a default.
TEST_CASE(conformance_reinitialize_keeps_setup) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::vector<float> reference;
    {
        RawPlugin fresh(loaded.module());
        REQUIRE(fresh.ok() && fresh.initializeAndConnect() && fresh.setup(96000, 512));
        REQUIRE(fresh.component->setActive(1) == kResultOk);
        reference = renderNote(fresh.processor, 96000, 512, 9600);
        fresh.component->setActive(0);
    }
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(96000, 512));
    REQUIRE(p.component->setActive(1) == kResultOk);
    REQUIRE(p.component->setActive(0) == kResultOk);
    REQUIRE(p.component->terminate() == kResultOk);
    REQUIRE(p.component->initialize(static_cast<IHostApplication*>(p.hostApp)) == kResultOk);
    REQUIRE(p.component->setActive(1) == kResultOk);
    const std::vector<float> again = renderNote(p.processor, 96000, 512, 9600);
    CHECK_MSG(rms(reference, 0, 9600) > 1e-3, "the reference render is silent");
    const int64_t diff = firstDifference(again, reference, 0.0f);
    CHECK_MSG(diff < 0, "after terminate/initialize the render differs from a fresh 96 kHz instance from sample " << diff);
    p.component->setActive(0);
}

// Many create/initialize/process/terminate/release cycles: every call keeps working and every
// bridge object is freed each time (the live-object count returns to where it started).
TEST_CASE(conformance_initialize_terminate_cycles) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    const int32_t baseline = loaded.liveObjects();
    for (int cycle = 0; cycle < 20; ++cycle) {
        {
            RawPlugin p(loaded.module());
            REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 128));
            REQUIRE(p.component->setActive(1) == kResultOk);
            const std::vector<float> out = renderNote(p.processor, 48000, 128, 1024);
            CHECK_MSG(rms(out, 0, 1024) > 1e-3, "cycle " << cycle << ": silent");
            if (cycle % 2 == 0) p.component->setActive(0); // odd cycles terminate while active
        }
        CHECK_MSG(loaded.liveObjects() == baseline,
                  "cycle " << cycle << ": " << loaded.liveObjects() - baseline << " bridge objects leaked");
    }
    // And one object through many terminate/initialize rounds.
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    for (int round = 0; round < 20; ++round) {
        CHECK(p.component->terminate() == kResultOk);
        CHECK(p.component->initialize(static_cast<IHostApplication*>(p.hostApp)) == kResultOk);
    }
    REQUIRE(p.setup(48000, 128));
    REQUIRE(p.component->setActive(1) == kResultOk);
    CHECK(rms(renderNote(p.processor, 48000, 128, 1024), 0, 1024) > 1e-3);
}

// Hosts call main-thread methods from more than one thread: Ardour saved a session (getState on
// its Lua thread) while activating the plug-in on another, and the saved state held the values
// the activation's JIT warm-up plays with (-36 dB volume): the song came back quiet. getState
// and setState during setActive(true) must see and keep the user's settings, never warm-up ones.
TEST_CASE(conformance_state_calls_during_activation) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(48000, 8192)); // big blocks: a long warm-up
    const std::vector<uint8_t> user = stateOf(p.component);
    REQUIRE(!user.empty());
    int captured = 0, wrong = 0;
    for (int round = 0; round < 6; ++round) {
        std::atomic<bool> done{false};
        std::thread activation([&] {
            p.component->setActive(1);
            done = true;
        });
        while (!done) {
            const std::vector<uint8_t> seen = stateOf(p.component);
            ++captured;
            if (seen != user) ++wrong;
        }
        activation.join();
        CHECK(stateOf(p.component) == user);
        REQUIRE(p.component->setActive(0) == kResultOk);
    }
    std::printf("%d getState calls overlapped the activations\n", captured);
    CHECK_MSG(wrong == 0, wrong << " of " << captured << " states saved during activation held warm-up values");

    // A state loaded while the warm-up runs is the one that stays.
    RawPlugin other(loaded.module());
    REQUIRE(other.ok() && other.initializeAndConnect() && other.setup(48000, 64) && other.component->setActive(1) == kResultOk);
    auto* params = new host::ParameterChanges();
    params->add(paramId("master.volume"), 0, 0.3);
    ProcessData flush = makeProcessData(0, nullptr, nullptr, params, nullptr, nullptr);
    other.processor->process(flush);
    params->release();
    const std::vector<uint8_t> song = stateOf(other.component);
    REQUIRE(song != user);
    std::atomic<bool> started{false};
    std::thread activation([&] {
        started = true;
        p.component->setActive(1);
    });
    while (!started) std::this_thread::yield();
    auto* stream = new host::MemoryStream(song);
    CHECK(p.component->setState(stream) == kResultOk);
    stream->release();
    activation.join();
    CHECK_MSG(stateOf(p.component) == song, "a state loaded during activation was lost");
    p.component->setActive(0);
    other.component->setActive(0);
}
