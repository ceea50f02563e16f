// Helpers for the conformance tests: the plug-in's objects straight from the factory (so a test
// can call VST3 methods in any order, wrong ones included), host-owned output buffers, and
// ProcessData built the way hosts build it. The checks themselves mirror the VST3 SDK
// validator's test list (see conformance_*.cpp for which check mirrors which test).
#pragma once

#include <cstdint>
#include <vector>

#include "host_objects.h"
#include "vst3/vst3.h"
#include "vst3_module.h"

namespace sideman::conformance {

constexpr int32_t kOutputBuses = 6; // Main + five stems (docs/CONVENTIONS.md)
constexpr int32_t kChannels = 2;
constexpr vst3::uint32 kInfiniteTail = 0xFFFFFFFFu;
// A released note of the default monitor sound (Grand Piano through the reverb) is exactly
// silent about 3.9 s after its note-off; a held one sounds for well over 10 s, so waiting this
// long still tells a lost note-off from a finished one.
constexpr double kReleaseTailSeconds = 5.0;

// Component and controller created from the factory, NOT initialized and NOT connected.
// The destructor releases what it holds; it calls terminate() only if asked to (terminated()).
class RawPlugin {
public:
    explicit RawPlugin(host::Vst3Module& module);
    ~RawPlugin();
    RawPlugin(const RawPlugin&) = delete;
    RawPlugin& operator=(const RawPlugin&) = delete;

    bool ok() const { return component != nullptr && processor != nullptr && controller != nullptr; }
    // initialize both, connect them and sync the controller, like PluginInstance::create.
    bool initializeAndConnect();
    // The usual host order: stereo arrangements, main bus active, setupProcessing.
    bool setup(double rate, int32_t maxBlock, int32_t sampleSize = vst3::kSample32,
               int32_t mode = vst3::kRealtime);
    // disconnect (if connected), terminate both.
    void shutdown();

    vst3::IComponent* component = nullptr;
    vst3::IAudioProcessor* processor = nullptr;
    vst3::IEditController* controller = nullptr;
    vst3::IConnectionPoint* componentCP = nullptr;
    vst3::IConnectionPoint* controllerCP = nullptr;
    host::HostApplication* hostApp = nullptr;
    host::ComponentHandler* handler = nullptr;

private:
    bool connected_ = false;
    bool initialized_ = false;
};

// Output buffers for every audio output bus, in one sample size, owned by the "host".
class OutputBuffers {
public:
    OutputBuffers(int32_t buses, int32_t channels, int32_t maxSamples, int32_t sampleSize);
    vst3::AudioBusBuffers* buses() { return buses_.data(); }
    int32_t busCount() const { return static_cast<int32_t>(buses_.size()); }
    // Every sample of every channel set to value (NaN shows what the plug-in did not write).
    void fill(double value);
    double sample(int32_t bus, int32_t channel, int32_t index) const;
    bool allFinite(int32_t bus, int32_t samples) const;
    bool allZero(int32_t bus, int32_t samples) const;
    double peak(int32_t bus, int32_t samples) const;
    int32_t sampleSize() const { return sampleSize_; }

private:
    int32_t sampleSize_;
    int32_t maxSamples_;
    std::vector<std::vector<float>> data32_;  // [bus * channels + channel][sample]
    std::vector<std::vector<double>> data64_;
    std::vector<std::vector<float*>> pointers32_;
    std::vector<std::vector<double*>> pointers64_;
    std::vector<vst3::AudioBusBuffers> buses_;
};

// ProcessData for numSamples over buffers (or none), with the given lists (any may be null).
vst3::ProcessData makeProcessData(int32_t numSamples, OutputBuffers* buffers, vst3::IEventList* events,
                                  vst3::IParameterChanges* params, vst3::IEventList* outEvents,
                                  vst3::ProcessContext* context, int32_t sampleSize = vst3::kSample32,
                                  int32_t mode = vst3::kRealtime);

// Stereo for every output bus; returns setBusArrangements' answer.
vst3::tresult arrangeStereo(vst3::IAudioProcessor* processor, int32_t buses = kOutputBuses);

// A processor's state bytes (getState), empty on failure.
std::vector<uint8_t> stateOf(vst3::IComponent* component);

// Processes `total` samples in `block`-sized calls with one note (key, velocity 0.8) at sample
// `noteAt` and a ProcessContext per block; returns the main bus's left channel (NaN where a call
// failed). The processor must be set up and active.
// Switches the live band off with a 0-sample parameter flush (the value stays across suspend/resume), for
// tests of the instrument's own voices that need silence wherever no note was played.
bool switchBandOff(vst3::IAudioProcessor* processor, int32_t sampleSize = vst3::kSample32);

std::vector<float> renderNote(vst3::IAudioProcessor* processor, double rate, int32_t block, int64_t total,
                              int64_t noteAt = 0, int16_t key = 69, int32_t sampleSize = vst3::kSample32);

// Deterministic pseudo-random numbers for the tests (no global rand()).
class TestRandom {
public:
    explicit TestRandom(uint64_t seed) : state_(seed * 2862933555777941757ull + 3037000493ull) {}
    uint32_t next();
    int32_t below(int32_t n) { return n <= 0 ? 0 : static_cast<int32_t>(next() % static_cast<uint32_t>(n)); }
    double unit() { return next() / 4294967296.0; }

private:
    uint64_t state_;
};

} // namespace sideman::conformance
