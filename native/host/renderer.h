// Renders a timeline of events and parameter changes through a PluginInstance in host-sized
// blocks, with a ProcessContext per block, like a DAW playing a project from the start.
#pragma once

#include <cstdint>
#include <vector>

#include "plugin_instance.h"

namespace sideman::host {

struct TimedEvent {
    int64_t at = 0;     // absolute sample
    vst3::Event event{}; // sampleOffset is filled per block
};

struct TimedParam {
    int64_t at = 0;
    vst3::ParamID id = 0;
    double value = 0;
};

struct RenderSpec {
    double sampleRate = 48000;
    int32_t blockSize = 512;
    int64_t totalSamples = 0;
    double tempo = 120;
    int32_t timeSigNumerator = 4;
    int32_t timeSigDenominator = 4;
    bool playing = true;
    bool reverseEventsInBlock = false; // hand events to the plug-in out of order (it must sort)
    bool captureAuxBuses = false;      // keep every aux bus too (RenderResult::aux); activate them at setup
    std::vector<TimedEvent> events;    // any order; stable-sorted by time
    std::vector<TimedParam> params;
};

struct StereoAudio {
    std::vector<float> left, right;
};

struct RenderResult {
    std::vector<float> left, right;   // main bus (64-bit output is converted)
    std::vector<StereoAudio> aux;      // with captureAuxBuses: aux[i] is output bus i + 1
    std::vector<TimedEvent> outEvents; // the plug-in's output events, absolute times
    int32_t failedBlocks = 0;          // process() calls that did not return kResultOk
    int64_t nonFiniteSamples = 0;      // NaN/inf left in the main bus (unwritten or broken output)
};

vst3::Event noteOn(int16_t pitch, float velocity, int16_t channel = 0, int32_t noteId = -1);
vst3::Event noteOff(int16_t pitch, float velocity = 0.0f, int16_t channel = 0, int32_t noteId = -1);

// [main] Renders spec through an instance that is set up (setup()) and started (start()).
RenderResult render(PluginInstance& instance, const RenderSpec& spec, int32_t sampleSize);

// A ProcessContext for a block starting at sample position, playing at tempo.
vst3::ProcessContext makeContext(int64_t position, double sampleRate, double tempo, int32_t num, int32_t den,
                                 bool playing);

} // namespace sideman::host
