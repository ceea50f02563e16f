// IComponent and its bus structs.
#pragma once
#include "ibstream.h"
#include "ipluginbase.h"
#include "vsttypes.h"

namespace vst3 {

VST3_PACK_PUSH

struct BusInfo {
    enum BusFlags : uint32 { kDefaultActive = 1 << 0, kIsControlVoltage = 1 << 1 };
    MediaType mediaType;
    BusDirection direction;
    int32 channelCount;
    String128 name;
    BusType busType;
    uint32 flags;
};

struct RoutingInfo {
    MediaType mediaType;
    int32 busIndex;
    int32 channel;
};

class IComponent : public IPluginBase {
public:
    virtual tresult VST3_API getControllerClassId(TUID classId) = 0;
    virtual tresult VST3_API setIoMode(IoMode mode) = 0;
    virtual int32 VST3_API getBusCount(MediaType type, BusDirection dir) = 0;
    virtual tresult VST3_API getBusInfo(MediaType type, BusDirection dir, int32 index, BusInfo& bus) = 0;
    virtual tresult VST3_API getRoutingInfo(RoutingInfo& inInfo, RoutingInfo& outInfo) = 0;
    virtual tresult VST3_API activateBus(MediaType type, BusDirection dir, int32 index, TBool state) = 0;
    virtual tresult VST3_API setActive(TBool state) = 0;
    virtual tresult VST3_API setState(IBStream* state) = 0;
    virtual tresult VST3_API getState(IBStream* state) = 0;
    VST3_IID(IComponent, 0xE831FF31, 0xF2D54301, 0x928EBBEE, 0x25697802);
};

VST3_PACK_POP

static_assert(sizeof(BusInfo) == 276, "BusInfo layout");
static_assert(offsetof(BusInfo, busType) == 268, "BusInfo offsets");
static_assert(sizeof(RoutingInfo) == 12, "RoutingInfo layout");

} // namespace vst3
