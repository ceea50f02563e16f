// IHostApplication: the host context; createInstance makes host-owned IMessage objects.
#pragma once
#include "base.h"

namespace vst3 {

class IHostApplication : public FUnknown {
public:
    virtual tresult VST3_API getName(String128 name) = 0;
    virtual tresult VST3_API createInstance(TUID cid, TUID iid, void** obj) = 0;
    VST3_IID(IHostApplication, 0x58E595CC, 0xDB2D4969, 0x8B6AAF8C, 0x36A664E5);
};

} // namespace vst3
