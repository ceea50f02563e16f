// Translation between VST3 process data and the bridge ABI's block structs. Everything here
// runs on the audio thread over arrays the processor preallocated: no allocation.
#pragma once

#include <cstdint>

#include "sideman/bridge_abi.h"
#include "vst3/ivstaudioprocessor.h"

namespace sideman {

// [audio] Note on/off and poly pressure from the host's list, offsets clamped into
// [0, numSamples-1] (0 when numSamples is 0), stable-sorted by offset. Events beyond capacity
// are counted in dropped. A note-on with velocity 0 is a note-off (MIDI convention).
int32_t gatherInputEvents(vst3::IEventList* list, int32_t numSamples, SmEvent* out, SmEvent* scratch,
                          int32_t capacity, int32_t& dropped);

// [audio] Every point of every parameter queue, clamped like events, merged into one
// offset-sorted list (points of one queue keep their order).
int32_t gatherParamPoints(vst3::IParameterChanges* changes, int32_t numSamples, SmParamPoint* out,
                          SmParamPoint* scratch, int32_t capacity, int32_t& dropped);

// [audio] Our transport from the host's ProcessContext (null: only sampleRate is set).
void mapTransport(const vst3::ProcessContext* context, double sampleRate, SmTransport& out);

// [audio] Moves the transport forward by offset samples (for split host blocks).
void advanceTransport(SmTransport& transport, int32_t offset);

// [audio] Sends managed out-events to the host list: notes as notes, controllers as
// LegacyMIDICCOutEvent. offsetShift is added to every sample offset.
void emitOutputEvents(const SmEvent* events, int32_t count, int32_t offsetShift, vst3::IEventList* out);

} // namespace sideman
