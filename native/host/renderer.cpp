#include "renderer.h"

#include <algorithm>
#include <cmath>

namespace sideman::host {

using namespace vst3;

Event noteOn(int16_t pitch, float velocity, int16_t channel, int32_t noteId) {
    Event e{};
    e.type = Event::kNoteOnEvent;
    e.noteOn = NoteOnEvent{channel, pitch, 0.0f, velocity, 0, noteId};
    return e;
}

Event noteOff(int16_t pitch, float velocity, int16_t channel, int32_t noteId) {
    Event e{};
    e.type = Event::kNoteOffEvent;
    e.noteOff = NoteOffEvent{channel, pitch, velocity, noteId, 0.0f};
    return e;
}

ProcessContext makeContext(int64_t position, double sampleRate, double tempo, int32_t num, int32_t den,
                           bool playing) {
    ProcessContext c{};
    c.state = ProcessContext::kTempoValid | ProcessContext::kTimeSigValid | ProcessContext::kProjectTimeMusicValid |
              ProcessContext::kBarPositionValid | ProcessContext::kContTimeValid | (playing ? static_cast<uint32>(ProcessContext::kPlaying) : 0u);
    c.sampleRate = sampleRate;
    c.projectTimeSamples = position;
    c.continousTimeSamples = position;
    c.tempo = tempo;
    c.timeSigNumerator = num;
    c.timeSigDenominator = den;
    c.projectTimeMusic = static_cast<double>(position) / sampleRate * tempo / 60.0;
    const double barLength = 4.0 * num / den;
    c.barPositionMusic = std::floor(c.projectTimeMusic / barLength) * barLength;
    return c;
}

RenderResult render(PluginInstance& instance, const RenderSpec& spec, int32_t sampleSize) {
    RenderResult result;
    result.left.assign(static_cast<size_t>(spec.totalSamples), 0.0f);
    result.right.assign(static_cast<size_t>(spec.totalSamples), 0.0f);
    const size_t auxCount = spec.captureAuxBuses && !instance.outputBuses().empty() ? instance.outputBuses().size() - 1 : 0;
    result.aux.assign(auxCount, StereoAudio{std::vector<float>(static_cast<size_t>(spec.totalSamples), 0.0f),
                                            std::vector<float>(static_cast<size_t>(spec.totalSamples), 0.0f)});

    std::vector<TimedEvent> events = spec.events;
    std::stable_sort(events.begin(), events.end(), [](const TimedEvent& a, const TimedEvent& b) { return a.at < b.at; });
    std::vector<TimedParam> params = spec.params;
    std::stable_sort(params.begin(), params.end(), [](const TimedParam& a, const TimedParam& b) { return a.at < b.at; });

    auto* eventList = new EventList();
    auto* changes = new ParameterChanges();
    size_t nextEvent = 0, nextParam = 0;
    std::vector<Event> blockEvents;
    for (int64_t position = 0; position < spec.totalSamples; position += spec.blockSize) {
        const auto n = static_cast<int32_t>(std::min<int64_t>(spec.blockSize, spec.totalSamples - position));
        eventList->clear();
        changes->clear();
        blockEvents.clear();
        while (nextEvent < events.size() && events[nextEvent].at < position + n) {
            Event e = events[nextEvent++].event;
            e.sampleOffset = static_cast<int32_t>(std::max<int64_t>(0, events[nextEvent - 1].at - position));
            blockEvents.push_back(e);
        }
        if (spec.reverseEventsInBlock) std::reverse(blockEvents.begin(), blockEvents.end());
        for (Event& e : blockEvents) eventList->addEvent(e);
        while (nextParam < params.size() && params[nextParam].at < position + n) {
            const TimedParam& p = params[nextParam++];
            changes->add(p.id, static_cast<int32_t>(std::max<int64_t>(0, p.at - position)), p.value);
        }
        ProcessContext context = makeContext(position, spec.sampleRate, spec.tempo, spec.timeSigNumerator,
                                             spec.timeSigDenominator, spec.playing);
        if (instance.process(n, eventList, changes, &context) != kResultOk) ++result.failedBlocks;
        for (size_t bus = 0; bus <= auxCount; ++bus) {
            const auto b = static_cast<int32_t>(bus);
            const bool stereo = instance.outputBuses()[bus].channels >= 2;
            std::vector<float>& left = bus == 0 ? result.left : result.aux[bus - 1].left;
            std::vector<float>& right = bus == 0 ? result.right : result.aux[bus - 1].right;
            for (int32_t i = 0; i < n; ++i) {
                float l, r;
                if (sampleSize == kSample64) {
                    l = static_cast<float>(instance.output64(b, 0)[i]);
                    r = static_cast<float>(instance.output64(b, stereo ? 1 : 0)[i]);
                } else {
                    l = instance.output32(b, 0)[i];
                    r = instance.output32(b, stereo ? 1 : 0)[i];
                }
                if (!std::isfinite(l) || !std::isfinite(r)) ++result.nonFiniteSamples;
                left[static_cast<size_t>(position + i)] = l;
                right[static_cast<size_t>(position + i)] = r;
            }
        }
        for (const Event& e : instance.outputEvents().events()) {
            TimedEvent out;
            out.at = position + e.sampleOffset;
            out.event = e;
            result.outEvents.push_back(out);
        }
    }
    changes->release();
    eventList->release();
    return result;
}

} // namespace sideman::host
