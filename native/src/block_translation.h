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
// Events whose bus index is not one of our busCount event input buses are not ours: they are
// ignored entirely (neither played nor passed through) and counted in offBus.
int32_t gatherInputEvents(vst3::IEventList* list, int32_t numSamples, int32_t busCount, SmEvent* out,
                          SmEvent* scratch, int32_t capacity, int32_t& dropped, int32_t& offBus);

// [audio] Every point of every parameter queue, clamped like events, merged into one
// offset-sorted list (points of one queue keep their order).
int32_t gatherParamPoints(vst3::IParameterChanges* changes, int32_t numSamples, SmParamPoint* out,
                          SmParamPoint* scratch, int32_t capacity, int32_t& dropped);

// [audio] Our transport from the host's ProcessContext (null: only sampleRate is set).
void mapTransport(const vst3::ProcessContext* context, double sampleRate, SmTransport& out);

// [audio] Moves the transport forward by offset samples (for split host blocks).
void advanceTransport(SmTransport& transport, int32_t offset);

// [audio] Sends managed out-events to the host list: notes as notes, controllers as
// LegacyMIDICCOutEvent. offsetShift is added to every sample offset. Every event goes out on one
// of our busCount event output buses: a bus index outside them becomes 0 (the main MIDI output).
void emitOutputEvents(const SmEvent* events, int32_t count, int32_t offsetShift, int32_t busCount,
                      vst3::IEventList* out);

} // namespace sideman
