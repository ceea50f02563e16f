// IConnectionPoint, IMessage and IAttributeList: processor <-> controller messages.
#pragma once
#include "base.h"

namespace vst3 {

class IAttributeList : public FUnknown {
public:
    using AttrID = const char*;
    virtual tresult VST3_API setInt(AttrID id, int64 value) = 0;
    virtual tresult VST3_API getInt(AttrID id, int64& value) = 0;
    virtual tresult VST3_API setFloat(AttrID id, double value) = 0;
    virtual tresult VST3_API getFloat(AttrID id, double& value) = 0;
    virtual tresult VST3_API setString(AttrID id, const TChar* string) = 0;
    virtual tresult VST3_API getString(AttrID id, TChar* string, uint32 sizeInBytes) = 0;
    virtual tresult VST3_API setBinary(AttrID id, const void* data, uint32 sizeInBytes) = 0;
    virtual tresult VST3_API getBinary(AttrID id, const void*& data, uint32& sizeInBytes) = 0;
    VST3_IID(IAttributeList, 0x1E5F0AEB, 0xCC7F4533, 0xA2544011, 0x38AD5EE4);
};

class IMessage : public FUnknown {
public:
    virtual FIDString VST3_API getMessageID() = 0;
    virtual void VST3_API setMessageID(FIDString id) = 0;
    virtual IAttributeList* VST3_API getAttributes() = 0;
    VST3_IID(IMessage, 0x936F033B, 0xC6C047DB, 0xBB0882F8, 0x13C1E613);
};

class IConnectionPoint : public FUnknown {
public:
    virtual tresult VST3_API connect(IConnectionPoint* other) = 0;
    virtual tresult VST3_API disconnect(IConnectionPoint* other) = 0;
    virtual tresult VST3_API notify(IMessage* message) = 0;
    VST3_IID(IConnectionPoint, 0x70A4156F, 0x6E6E4026, 0x989148BF, 0xAA60D8D1);
};

} // namespace vst3
