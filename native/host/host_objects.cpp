#include "host_objects.h"

#include <algorithm>
#include <cstring>

#include "message.h"
#include "utf16.h"

namespace sideman::host {

using namespace vst3;

#define SIDEMAN_QUERY(Interface)                                                   \
    if (obj == nullptr) return kInvalidArgument;                                   \
    if (offerInterface<Interface>(iid, FUnknown::iid, this, obj) ||                \
        offerInterface<Interface>(iid, Interface::iid, this, obj))                 \
        return kResultOk;                                                          \
    *obj = nullptr;                                                                \
    return kNoInterface;

tresult VST3_API HostApplication::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IHostApplication) }

tresult VST3_API HostApplication::getName(String128 name) {
    utf8ToUtf16(name, 128, "Sideman test host");
    return kResultOk;
}

tresult VST3_API HostApplication::createInstance(TUID cid, TUID iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    *obj = nullptr;
    if (!offerMessages) return kResultFalse;
    if (uidEquals(cid, IMessage::iid) && uidEquals(iid, IMessage::iid)) {
        *obj = static_cast<IMessage*>(new Message());
        ++messagesCreated;
        return kResultOk;
    }
    if (uidEquals(cid, IAttributeList::iid) && uidEquals(iid, IAttributeList::iid)) {
        *obj = static_cast<IAttributeList*>(new AttributeList());
        return kResultOk;
    }
    return kResultFalse;
}

tresult VST3_API MemoryStream::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IBStream) }

tresult VST3_API MemoryStream::read(void* buffer, int32 numBytes, int32* numBytesRead) {
    if (numBytes < 0 || (numBytes > 0 && buffer == nullptr)) return kInvalidArgument;
    size_t available = bytes_.size() - std::min(position_, bytes_.size());
    size_t n = std::min<size_t>(available, static_cast<size_t>(numBytes));
    if (maxChunk_ > 0) n = std::min<size_t>(n, static_cast<size_t>(maxChunk_));
    if (n > 0) std::memcpy(buffer, bytes_.data() + position_, n);
    position_ += n;
    if (numBytesRead) *numBytesRead = static_cast<int32>(n);
    return (n == 0 && numBytes > 0) ? kResultFalse : kResultOk;
}

tresult VST3_API MemoryStream::write(void* buffer, int32 numBytes, int32* numBytesWritten) {
    if (numBytes < 0 || (numBytes > 0 && buffer == nullptr)) return kInvalidArgument;
    if (position_ + static_cast<size_t>(numBytes) > bytes_.size()) bytes_.resize(position_ + static_cast<size_t>(numBytes));
    if (numBytes > 0) std::memcpy(bytes_.data() + position_, buffer, static_cast<size_t>(numBytes));
    position_ += static_cast<size_t>(numBytes);
    if (numBytesWritten) *numBytesWritten = numBytes;
    return kResultOk;
}

tresult VST3_API MemoryStream::seek(int64 pos, int32 mode, int64* result) {
    int64 base = mode == IBStream::kIBSeekSet ? 0 : mode == IBStream::kIBSeekCur ? static_cast<int64>(position_)
                                                                                   : static_cast<int64>(bytes_.size());
    int64 next = base + pos;
    if (next < 0) return kInvalidArgument;
    position_ = static_cast<size_t>(next);
    if (result) *result = next;
    return kResultOk;
}

tresult VST3_API MemoryStream::tell(int64* pos) {
    if (pos == nullptr) return kInvalidArgument;
    *pos = static_cast<int64>(position_);
    return kResultOk;
}

tresult VST3_API EventList::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IEventList) }

tresult VST3_API EventList::getEvent(int32 index, Event& e) {
    if (index < 0 || index >= getEventCount()) return kInvalidArgument;
    e = events_[static_cast<size_t>(index)];
    return kResultOk;
}

tresult VST3_API EventList::addEvent(Event& e) {
    if (events_.size() == events_.capacity()) return kOutOfMemory; // like a host's fixed list
    events_.push_back(e);
    return kResultOk;
}

tresult VST3_API ParamValueQueue::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IParamValueQueue) }

tresult VST3_API ParamValueQueue::getPoint(int32 index, int32& sampleOffset, ParamValue& value) {
    if (index < 0 || index >= getPointCount()) return kInvalidArgument;
    sampleOffset = points_[static_cast<size_t>(index)].first;
    value = points_[static_cast<size_t>(index)].second;
    return kResultOk;
}

tresult VST3_API ParamValueQueue::addPoint(int32 sampleOffset, ParamValue value, int32& index) {
    index = getPointCount();
    points_.emplace_back(sampleOffset, value);
    return kResultOk;
}

tresult VST3_API ParameterChanges::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IParameterChanges) }

IParamValueQueue* VST3_API ParameterChanges::getParameterData(int32 index) {
    if (index < 0 || index >= getParameterCount()) return nullptr;
    return queues_[static_cast<size_t>(index)];
}

IParamValueQueue* VST3_API ParameterChanges::addParameterData(const ParamID& id, int32& index) {
    for (size_t i = 0; i < queues_.size(); ++i)
        if (queues_[i]->getParameterId() == id) {
            index = static_cast<int32>(i);
            return queues_[i];
        }
    index = static_cast<int32>(queues_.size());
    queues_.push_back(new ParamValueQueue(id));
    return queues_.back();
}

void ParameterChanges::add(ParamID id, int32 offset, ParamValue value) {
    int32 index = 0;
    IParamValueQueue* queue = addParameterData(id, index);
    int32 pointIndex = 0;
    queue->addPoint(offset, value, pointIndex);
}

void ParameterChanges::clear() {
    for (ParamValueQueue* q : queues_) q->release();
    queues_.clear();
}

tresult VST3_API ComponentHandler::queryInterface(const TUID iid, void** obj) { SIDEMAN_QUERY(IComponentHandler) }

} // namespace sideman::host
