#include "message.h"

#include <algorithm>
#include <cstring>

namespace sideman {

namespace {
std::string key(const char* id) { return id != nullptr ? id : ""; }
}

vst3::tresult VST3_API AttributeList::queryInterface(const vst3::TUID iid, void** obj) {
    if (obj == nullptr) return vst3::kInvalidArgument;
    if (offerInterface<vst3::IAttributeList>(iid, vst3::FUnknown::iid, this, obj) ||
        offerInterface<vst3::IAttributeList>(iid, vst3::IAttributeList::iid, this, obj))
        return vst3::kResultOk;
    *obj = nullptr;
    return vst3::kNoInterface;
}

vst3::tresult VST3_API AttributeList::setInt(AttrID id, vst3::int64 value) {
    ints_[key(id)] = value;
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::getInt(AttrID id, vst3::int64& value) {
    auto it = ints_.find(key(id));
    if (it == ints_.end()) return vst3::kResultFalse;
    value = it->second;
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::setFloat(AttrID id, double value) {
    floats_[key(id)] = value;
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::getFloat(AttrID id, double& value) {
    auto it = floats_.find(key(id));
    if (it == floats_.end()) return vst3::kResultFalse;
    value = it->second;
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::setString(AttrID id, const vst3::TChar* string) {
    strings_[key(id)] = string != nullptr ? std::u16string(string) : std::u16string();
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::getString(AttrID id, vst3::TChar* string, vst3::uint32 sizeInBytes) {
    auto it = strings_.find(key(id));
    if (it == strings_.end() || string == nullptr || sizeInBytes < sizeof(vst3::TChar)) return vst3::kResultFalse;
    size_t capacity = sizeInBytes / sizeof(vst3::TChar);
    size_t n = std::min(capacity - 1, it->second.size());
    std::memcpy(string, it->second.data(), n * sizeof(vst3::TChar));
    string[n] = 0;
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::setBinary(AttrID id, const void* data, vst3::uint32 sizeInBytes) {
    const char* bytes = static_cast<const char*>(data);
    binaries_[key(id)] = bytes != nullptr ? std::vector<char>(bytes, bytes + sizeInBytes) : std::vector<char>();
    return vst3::kResultOk;
}

vst3::tresult VST3_API AttributeList::getBinary(AttrID id, const void*& data, vst3::uint32& sizeInBytes) {
    auto it = binaries_.find(key(id));
    if (it == binaries_.end()) return vst3::kResultFalse;
    data = it->second.data();
    sizeInBytes = static_cast<vst3::uint32>(it->second.size());
    return vst3::kResultOk;
}

Message::Message() : attributes_(new AttributeList()) {}
Message::~Message() { attributes_->release(); }

vst3::tresult VST3_API Message::queryInterface(const vst3::TUID iid, void** obj) {
    if (obj == nullptr) return vst3::kInvalidArgument;
    if (offerInterface<vst3::IMessage>(iid, vst3::FUnknown::iid, this, obj) ||
        offerInterface<vst3::IMessage>(iid, vst3::IMessage::iid, this, obj))
        return vst3::kResultOk;
    *obj = nullptr;
    return vst3::kNoInterface;
}

vst3::IMessage* allocateMessage(vst3::IHostApplication* host) {
    if (host != nullptr) {
        vst3::Uid cid = vst3::IMessage::iid;
        vst3::Uid iid = vst3::IMessage::iid;
        void* obj = nullptr;
        if (host->createInstance(cid.bytes, iid.bytes, &obj) == vst3::kResultOk && obj != nullptr)
            return static_cast<vst3::IMessage*>(obj);
    }
    return new Message();
}

} // namespace sideman
