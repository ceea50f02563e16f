#include "block_translation.h"

#include <algorithm>
#include <cmath>

#include "stable_sort.h"

namespace sideman {

namespace {

int32_t clampOffset(int32_t offset, int32_t numSamples) {
    if (numSamples <= 0 || offset < 0) return 0;
    return offset >= numSamples ? numSamples - 1 : offset;
}

float unit(float value) { return std::isfinite(value) ? std::clamp(value, 0.0f, 1.0f) : 0.0f; }

int16_t channelOf(int16_t channel) { return static_cast<int16_t>(std::clamp<int>(channel, 0, 15)); }

} // namespace

int32_t gatherInputEvents(vst3::IEventList* list, int32_t numSamples, int32_t busCount, SmEvent* out,
                          SmEvent* scratch, int32_t capacity, int32_t& dropped, int32_t& offBus) {
    if (list == nullptr) return 0;
    int32_t count = 0;
    const int32_t total = list->getEventCount();
    for (int32_t i = 0; i < total; ++i) {
        vst3::Event e{};
        if (list->getEvent(i, e) != vst3::kResultOk) continue;
        if (e.busIndex < 0 || e.busIndex >= busCount) {
            ++offBus; // not on any of our event inputs
            continue;
        }
        SmEvent s{};
        s.sampleOffset = clampOffset(e.sampleOffset, numSamples);
        s.busIndex = static_cast<int16_t>(e.busIndex);
        s.noteId = -1;
        switch (e.type) {
        case vst3::Event::kNoteOnEvent:
            if (e.noteOn.pitch < 0 || e.noteOn.pitch > 127) continue;
            s.kind = e.noteOn.velocity > 0.0f ? SM_EVENT_NOTE_ON : SM_EVENT_NOTE_OFF;
            s.channel = channelOf(e.noteOn.channel);
            s.key = e.noteOn.pitch;
            s.value = unit(e.noteOn.velocity);
            s.tuning = std::isfinite(e.noteOn.tuning) ? e.noteOn.tuning : 0.0f;
            s.noteId = e.noteOn.noteId;
            s.length = std::max(0, e.noteOn.length);
            break;
        case vst3::Event::kNoteOffEvent:
            if (e.noteOff.pitch < 0 || e.noteOff.pitch > 127) continue;
            s.kind = SM_EVENT_NOTE_OFF;
            s.channel = channelOf(e.noteOff.channel);
            s.key = e.noteOff.pitch;
            s.value = unit(e.noteOff.velocity);
            s.tuning = std::isfinite(e.noteOff.tuning) ? e.noteOff.tuning : 0.0f;
            s.noteId = e.noteOff.noteId;
            break;
        case vst3::Event::kPolyPressureEvent:
            if (e.polyPressure.pitch < 0 || e.polyPressure.pitch > 127) continue;
            s.kind = SM_EVENT_POLY_PRESSURE;
            s.channel = channelOf(e.polyPressure.channel);
            s.key = e.polyPressure.pitch;
            s.value = unit(e.polyPressure.pressure);
            s.noteId = e.polyPressure.noteId;
            break;
        default:
            continue;
        }
        if (count >= capacity) {
            ++dropped;
            continue;
        }
        out[count++] = s;
    }
    stableSortByOffset(out, scratch, count);
    return count;
}

int32_t gatherParamPoints(vst3::IParameterChanges* changes, int32_t numSamples, SmParamPoint* out,
                          SmParamPoint* scratch, int32_t capacity, int32_t& dropped) {
    if (changes == nullptr) return 0;
    int32_t count = 0;
    const int32_t queues = changes->getParameterCount();
    for (int32_t q = 0; q < queues; ++q) {
        vst3::IParamValueQueue* queue = changes->getParameterData(q);
        if (queue == nullptr) continue;
        const vst3::ParamID id = queue->getParameterId();
        const int32_t points = queue->getPointCount();
        for (int32_t p = 0; p < points; ++p) {
            int32_t offset = 0;
            vst3::ParamValue value = 0;
            if (queue->getPoint(p, offset, value) != vst3::kResultOk) continue;
            if (!std::isfinite(value)) continue;
            if (count >= capacity) {
                ++dropped;
                continue;
            }
            out[count++] = SmParamPoint{id, clampOffset(offset, numSamples), std::clamp(value, 0.0, 1.0)};
        }
    }
    stableSortByOffset(out, scratch, count);
    return count;
}

void mapTransport(const vst3::ProcessContext* context, double sampleRate, SmTransport& out) {
    out = SmTransport{};
    out.sampleRate = sampleRate;
    out.timeSigNumerator = 4;
    out.timeSigDenominator = 4;
    out.tempo = 120.0;
    if (context == nullptr) return;
    using PC = vst3::ProcessContext;
    const uint32_t s = context->state;
    uint32_t flags = SM_TRANSPORT_PRESENT;
    if (s & PC::kPlaying) flags |= SM_TRANSPORT_PLAYING;
    if (s & PC::kRecording) flags |= SM_TRANSPORT_RECORDING;
    if (s & PC::kCycleActive) flags |= SM_TRANSPORT_CYCLE_ACTIVE;
    if ((s & PC::kTempoValid) && std::isfinite(context->tempo) && context->tempo > 0) {
        flags |= SM_TRANSPORT_TEMPO_VALID;
        out.tempo = context->tempo;
    }
    if ((s & PC::kTimeSigValid) && context->timeSigNumerator > 0 && context->timeSigDenominator > 0) {
        flags |= SM_TRANSPORT_TIME_SIG_VALID;
        out.timeSigNumerator = context->timeSigNumerator;
        out.timeSigDenominator = context->timeSigDenominator;
    }
    if ((s & PC::kProjectTimeMusicValid) && std::isfinite(context->projectTimeMusic)) {
        flags |= SM_TRANSPORT_PROJECT_TIME_MUSIC_VALID;
        out.projectTimeMusic = context->projectTimeMusic;
    }
    if ((s & PC::kBarPositionValid) && std::isfinite(context->barPositionMusic)) {
        flags |= SM_TRANSPORT_BAR_POSITION_VALID;
        out.barPositionMusic = context->barPositionMusic;
    }
    if ((s & PC::kCycleValid) && std::isfinite(context->cycleStartMusic) && std::isfinite(context->cycleEndMusic)) {
        flags |= SM_TRANSPORT_CYCLE_VALID;
        out.cycleStartMusic = context->cycleStartMusic;
        out.cycleEndMusic = context->cycleEndMusic;
    }
    if (s & PC::kContTimeValid) {
        flags |= SM_TRANSPORT_CONTINUOUS_TIME_VALID;
        out.continuousTimeSamples = context->continousTimeSamples;
    }
    out.projectTimeSamples = context->projectTimeSamples;
    if (std::isfinite(context->sampleRate) && context->sampleRate > 0) out.sampleRate = context->sampleRate;
    out.flags = flags;
}

void advanceTransport(SmTransport& transport, int32_t offset) {
    if (offset == 0) return;
    transport.projectTimeSamples += offset;
    transport.continuousTimeSamples += offset;
    if ((transport.flags & SM_TRANSPORT_PLAYING) && (transport.flags & SM_TRANSPORT_PROJECT_TIME_MUSIC_VALID) &&
        transport.sampleRate > 0)
        transport.projectTimeMusic += offset / transport.sampleRate * (transport.tempo / 60.0);
}

void emitOutputEvents(const SmEvent* events, int32_t count, int32_t offsetShift, int32_t busCount,
                      vst3::IEventList* out) {
    if (out == nullptr || busCount <= 0) return;
    for (int32_t i = 0; i < count; ++i) {
        const SmEvent& s = events[i];
        vst3::Event e{};
        e.busIndex = s.busIndex >= 0 && s.busIndex < busCount ? s.busIndex : 0;
        e.sampleOffset = s.sampleOffset + offsetShift;
        switch (s.kind) {
        case SM_EVENT_NOTE_ON:
            e.type = vst3::Event::kNoteOnEvent;
            e.noteOn = vst3::NoteOnEvent{s.channel, s.key, s.tuning, unit(s.value), s.length, s.noteId};
            break;
        case SM_EVENT_NOTE_OFF:
            e.type = vst3::Event::kNoteOffEvent;
            e.noteOff = vst3::NoteOffEvent{s.channel, s.key, unit(s.value), s.noteId, s.tuning};
            break;
        case SM_EVENT_POLY_PRESSURE:
            e.type = vst3::Event::kPolyPressureEvent;
            e.polyPressure = vst3::PolyPressureEvent{s.channel, s.key, unit(s.value), s.noteId};
            break;
        case SM_EVENT_CONTROLLER: {
            if (s.key < 0 || s.key > vst3::kPitchBend) continue;
            e.type = vst3::Event::kLegacyMIDICCOutEvent;
            e.midiCCOut.controlNumber = static_cast<vst3::uint8>(s.key);
            e.midiCCOut.channel = static_cast<vst3::int8>(channelOf(s.channel));
            if (s.key == vst3::kPitchBend) {
                int v = static_cast<int>(std::lround(unit(s.value) * 16383.0f));
                e.midiCCOut.value = static_cast<vst3::int8>(v & 0x7F);         // LSB
                e.midiCCOut.value2 = static_cast<vst3::int8>((v >> 7) & 0x7F); // MSB
            } else {
                e.midiCCOut.value = static_cast<vst3::int8>(std::lround(unit(s.value) * 127.0f));
            }
            break;
        }
        default:
            continue;
        }
        out->addEvent(e);
    }
}

} // namespace sideman
