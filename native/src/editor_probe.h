// A test-only query on Sideman's editor view (the native tests click what the editor draws): hosts never ask for
// it, so nothing about it reaches them. Got through queryInterface like any VST3 interface.
#pragma once

#include "vst3/base.h"

namespace sideman {

class IEditorProbe : public vst3::FUnknown {
public:
    // Every control as "Kind index x y width height" in window pixels, one per line (UTF-8), NUL-terminated.
    // Returns the bytes needed, NUL included; writes only when capacity allows.
    virtual vst3::int32 VST3_API describeLayout(char* text, vst3::int32 capacity) = 0;
    VST3_IID(IEditorProbe, 0x5D3E1A77, 0x2C8B4F19, 0x9A06B3E2, 0x71C4D05F);
};

} // namespace sideman
