// Host-side COM objects a DAW hands to a plug-in: application context, memory stream,
// event list, parameter changes and a component handler that records edits.
#pragma once

#include <string>
#include <vector>

#include "com_object.h"
#include "vst3/vst3.h"

namespace sideman::host {

// IHostApplication; createInstance makes IMessage objects, as real hosts do.
class HostApplication final : public ComObject, public vst3::IHostApplication {
public:
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API getName(vst3::String128 name) override;
    vst3::tresult VST3_API createInstance(vst3::TUID cid, vst3::TUID iid, void** obj) override;
    int messagesCreated = 0;
    bool offerMessages = true;
};

// IBStream over a byte vector. maxChunk > 0 makes every read return at most that many bytes,
// like hosts whose streams deliver state in pieces.
class MemoryStream final : public ComObject, public vst3::IBStream {
public:
    MemoryStream() = default;
    explicit MemoryStream(std::vector<uint8_t> bytes, int32_t maxChunk = 0)
        : bytes_(std::move(bytes)), maxChunk_(maxChunk) {}
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API read(void* buffer, vst3::int32 numBytes, vst3::int32* numBytesRead) override;
    vst3::tresult VST3_API write(void* buffer, vst3::int32 numBytes, vst3::int32* numBytesWritten) override;
    vst3::tresult VST3_API seek(vst3::int64 pos, vst3::int32 mode, vst3::int64* result) override;
    vst3::tresult VST3_API tell(vst3::int64* pos) override;
    const std::vector<uint8_t>& bytes() const { return bytes_; }

private:
    std::vector<uint8_t> bytes_;
    size_t position_ = 0;
    int32_t maxChunk_ = 0;
};

class EventList final : public ComObject, public vst3::IEventList {
public:
    EventList() { events_.reserve(4096); }
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::int32 VST3_API getEventCount() override { return static_cast<vst3::int32>(events_.size()); }
    vst3::tresult VST3_API getEvent(vst3::int32 index, vst3::Event& e) override;
    vst3::tresult VST3_API addEvent(vst3::Event& e) override;
    void clear() { events_.clear(); }
    const std::vector<vst3::Event>& events() const { return events_; }

private:
    std::vector<vst3::Event> events_;
};

class ParamValueQueue final : public ComObject, public vst3::IParamValueQueue {
public:
    explicit ParamValueQueue(vst3::ParamID id) : id_(id) {}
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::ParamID VST3_API getParameterId() override { return id_; }
    vst3::int32 VST3_API getPointCount() override { return static_cast<vst3::int32>(points_.size()); }
    vst3::tresult VST3_API getPoint(vst3::int32 index, vst3::int32& sampleOffset, vst3::ParamValue& value) override;
    vst3::tresult VST3_API addPoint(vst3::int32 sampleOffset, vst3::ParamValue value, vst3::int32& index) override;

private:
    vst3::ParamID id_;
    std::vector<std::pair<vst3::int32, vst3::ParamValue>> points_;
};

class ParameterChanges final : public ComObject, public vst3::IParameterChanges {
public:
    ~ParameterChanges() override { clear(); }
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::int32 VST3_API getParameterCount() override { return static_cast<vst3::int32>(queues_.size()); }
    vst3::IParamValueQueue* VST3_API getParameterData(vst3::int32 index) override;
    vst3::IParamValueQueue* VST3_API addParameterData(const vst3::ParamID& id, vst3::int32& index) override;
    // Host convenience: append a point to id's queue.
    void add(vst3::ParamID id, vst3::int32 offset, vst3::ParamValue value);
    void clear();

private:
    std::vector<ParamValueQueue*> queues_;
};

// Records what the controller asks of the host: every gesture call in order (what a DAW turns into
// automation and an undo step), and the count of performEdit calls.
class ComponentHandler final : public ComObject, public vst3::IComponentHandler {
public:
    enum class Call { Begin, Perform, End };
    struct Edit {
        Call call;
        vst3::ParamID id;
        vst3::ParamValue value; // performEdit only
    };
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API beginEdit(vst3::ParamID id) override {
        log.push_back({Call::Begin, id, 0});
        return vst3::kResultOk;
    }
    vst3::tresult VST3_API performEdit(vst3::ParamID id, vst3::ParamValue value) override {
        ++edits;
        log.push_back({Call::Perform, id, value});
        return vst3::kResultOk;
    }
    vst3::tresult VST3_API endEdit(vst3::ParamID id) override {
        log.push_back({Call::End, id, 0});
        return vst3::kResultOk;
    }
    std::vector<Edit> log;
    vst3::tresult VST3_API restartComponent(vst3::int32 flags) override {
        lastRestartFlags = flags;
        ++restarts;
        return vst3::kResultOk;
    }
    int edits = 0;
    int restarts = 0;
    vst3::int32 lastRestartFlags = 0;
};

} // namespace sideman::host
