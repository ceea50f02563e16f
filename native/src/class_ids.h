// Sideman's identity (docs/CONVENTIONS.md: never change these).
#pragma once

#include "vst3/base.h"

namespace sideman {

// 1c088231-ab76-4fdb-8142-4941fd40554d
constexpr vst3::Uid kProcessorUid = vst3::makeUid(0x1C088231, 0xAB764FDB, 0x81424941, 0xFD40554D);
// 0876aa0b-7a9b-44b6-a802-8ac6f2921c91
constexpr vst3::Uid kControllerUid = vst3::makeUid(0x0876AA0B, 0x7A9B44B6, 0xA8028AC6, 0xF2921C91);

constexpr const char* kPluginName = "Sideman";
constexpr const char* kControllerName = "Sideman Controller";
constexpr const char* kVendor = "Sideman";
constexpr const char* kSubCategories = "Instrument|Synth";
constexpr const char* kSdkVersion = "VST 3.7.9";
constexpr const char* kAudioModuleClass = "Audio Module Class";
constexpr const char* kControllerClass = "Component Controller Class";

#ifndef SIDEMAN_VERSION
#error "SIDEMAN_VERSION must be defined by the build (from the VERSION file)"
#endif
constexpr const char* kVersion = SIDEMAN_VERSION;

// Message id the processor sends the controller after it loaded a state.
constexpr const char* kStateMessageId = "Sideman.State";
constexpr const char* kStateAttribute = "state";

// Controller (or UI) -> processor: play a user SoundFont on a part. Attributes: int "part"
// (0 Drums .. 4 Arp), string "path" (empty: the bundled sound again).
constexpr const char* kSetPartSoundFontMessageId = "Sideman.SetPartSoundFont";
constexpr const char* kPartAttribute = "part";
constexpr const char* kPathAttribute = "path";

// Controller (or UI, or a host tool) -> processor: the producer's chord chart. Attribute: string "text"
// (empty or missing: no chart). notify answers kResultOk when the chart is set (it is saved with the
// state), kResultFalse when the text is not a chart: the previous chart stays and the processor writes
// the reason into the same message's string attribute "problem", so the sender can read it.
constexpr const char* kSetChartMessageId = "Sideman.SetChart";
constexpr const char* kChartTextAttribute = "text";
constexpr const char* kProblemAttribute = "problem";
// Room for the chart text: the managed side's limit (LiveChart.MaxTextLength, 64 Ki UTF-16 units) plus
// one unit, so that a longer text reaches it too long and is refused rather than cut to fit.
constexpr int kChartTextCapacity = 64 * 1024 + 2;

// Processor -> controller: the sound status whenever it may have changed. Attributes: string
// "text" (one message per line, empty when all is well), int "clear" (1 when nothing to report).
constexpr const char* kStatusMessageId = "Sideman.Status";
constexpr const char* kStatusTextAttribute = "text";
constexpr const char* kStatusClearAttribute = "clear";

// Controller (its editor) -> processor, every frame the editor shows: what the band is doing. Attribute: int
// "chartRevision" (the chart the editor has). The processor answers in the same message: binary "frame" (an
// SmEditorFrame), and when the chart changed since that revision int "chartSent" = 1 with string "text".
constexpr const char* kEditorFrameMessageId = "Sideman.EditorFrame";
constexpr const char* kChartRevisionAttribute = "chartRevision";
constexpr const char* kEditorFrameAttribute = "frame";
constexpr const char* kChartSentAttribute = "chartSent";

} // namespace sideman
