// VST3 scalar types shared by the Vst interfaces.
#pragma once
#include "base.h"

namespace vst3 {

using ParamID = uint32;
using ParamValue = double;
using SampleRate = double;
using Sample32 = float;
using Sample64 = double;
using TSamples = int64;
using TQuarterNotes = double;
using MediaType = int32;
using BusDirection = int32;
using BusType = int32;
using IoMode = int32;
using UnitID = int32;
using CtrlNumber = int16;
using Speaker = uint64;
using SpeakerArrangement = uint64;

enum MediaTypes : int32 { kAudio = 0, kEvent = 1 };
enum BusDirections : int32 { kInput = 0, kOutput = 1 };
enum BusTypes : int32 { kMain = 0, kAux = 1 };
enum SymbolicSampleSizes : int32 { kSample32 = 0, kSample64 = 1 };
enum ProcessModes : int32 { kRealtime = 0, kPrefetch = 1, kOffline = 2 };

namespace SpeakerArr {
constexpr SpeakerArrangement kEmpty = 0;
constexpr SpeakerArrangement kMono = 1ull << 19;  // kSpeakerM
constexpr SpeakerArrangement kStereo = 0x3;       // kSpeakerL | kSpeakerR
} // namespace SpeakerArr

// Controller numbers beyond the 0..127 MIDI CCs (IMidiMapping, LegacyMIDICCOutEvent).
enum ControllerNumbers : int32 { kAfterTouch = 128, kPitchBend = 129, kCtrlProgramChange = 130 };

} // namespace vst3
