// A small Standard MIDI File reader: format 0/1, note on/off and tempo, times in seconds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace sideman::host {

struct MidiNoteEvent {
    double seconds = 0;
    bool on = false;
    uint8_t channel = 0;
    uint8_t key = 0;
    uint8_t velocity = 0;
};

struct MidiFile {
    std::vector<MidiNoteEvent> notes; // sorted by time (stable)
    double firstTempoBpm = 120;       // 120 if the file sets none
    double lengthSeconds = 0;         // time of the last event
};

// Reads path. Returns false with a message naming the file and the problem.
bool readMidiFile(const std::string& path, MidiFile& out, std::string& error);
bool parseMidi(const std::vector<uint8_t>& bytes, MidiFile& out, std::string& error);

} // namespace sideman::host
