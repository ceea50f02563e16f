// The bridge's own IMessage/IAttributeList, used when the host offers none through
// IHostApplication::createInstance.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "com_object.h"
#include "vst3/ivsthostapplication.h"
#include "vst3/ivstmessage.h"

namespace sideman {

class AttributeList final : public ComObject, public vst3::IAttributeList {
public:
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API setInt(AttrID id, vst3::int64 value) override;
    vst3::tresult VST3_API getInt(AttrID id, vst3::int64& value) override;
    vst3::tresult VST3_API setFloat(AttrID id, double value) override;
    vst3::tresult VST3_API getFloat(AttrID id, double& value) override;
    vst3::tresult VST3_API setString(AttrID id, const vst3::TChar* string) override;
    vst3::tresult VST3_API getString(AttrID id, vst3::TChar* string, vst3::uint32 sizeInBytes) override;
    vst3::tresult VST3_API setBinary(AttrID id, const void* data, vst3::uint32 sizeInBytes) override;
    vst3::tresult VST3_API getBinary(AttrID id, const void*& data, vst3::uint32& sizeInBytes) override;

private:
    std::map<std::string, vst3::int64> ints_;
    std::map<std::string, double> floats_;
    std::map<std::string, std::u16string> strings_;
    std::map<std::string, std::vector<char>> binaries_;
};

class Message final : public ComObject, public vst3::IMessage {
public:
    Message();
    ~Message() override;
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::FIDString VST3_API getMessageID() override { return id_.c_str(); }
    void VST3_API setMessageID(vst3::FIDString id) override { id_ = id != nullptr ? id : ""; }
    vst3::IAttributeList* VST3_API getAttributes() override { return attributes_; }

private:
    std::string id_;
    AttributeList* attributes_;
};

// [main] A new message (one reference owned by the caller): the host's if it makes them,
// else ours.
vst3::IMessage* allocateMessage(vst3::IHostApplication* host);

} // namespace sideman
