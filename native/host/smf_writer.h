// A small Standard MIDI File writer for what a plug-in put on its event output: format 1, a
// conductor track (tempo, time signature) and one track per MIDI channel that has events.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "renderer.h"

namespace sideman::host {

struct MidiFileSpec {
    int ticksPerQuarter = 96;
    double tempoBpm = 120;     // constant for the whole file
    int timeSigNumerator = 4;
    int timeSigDenominator = 4; // a power of two, 1..64
};

// One channel message at a tick: status (0x80..0xEF, channel in the low nibble) and its data bytes.
struct MidiFileEvent {
    int64_t tick = 0;
    uint8_t status = 0;
    uint8_t data1 = 0;
    uint8_t data2 = 0;
};

// The tick of an absolute sample position at a constant tempo (rounded to the nearest tick).
int64_t sampleToTick(int64_t sample, double sampleRate, const MidiFileSpec& spec);

// The plug-in's output events as MIDI messages at their ticks, in the order given: notes on/off
// (channels kept; a note-on's velocity is at least 1, 0 would mean note-off), poly pressure, and
// legacy MIDI CC output (controllers, channel pressure, pitch bend). Other event types are skipped.
std::vector<MidiFileEvent> midiFromEvents(const std::vector<TimedEvent>& events, double sampleRate,
                                          const MidiFileSpec& spec);

// Writes path: the conductor track, then one track per channel (ascending) with that channel's
// events, stable-sorted by tick. False with a message naming the file on failure.
bool writeMidiFile(const std::string& path, const MidiFileSpec& spec, const std::vector<MidiFileEvent>& events,
                   std::string& error);
std::vector<uint8_t> midiFileBytes(const MidiFileSpec& spec, const std::vector<MidiFileEvent>& events);

} // namespace sideman::host
