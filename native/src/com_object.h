// Reference counting and live-object accounting shared by every COM object the bridge makes.
#pragma once

#include <atomic>
#include <cstdint>

#include "vst3/base.h"

namespace sideman {

// [any] Number of bridge COM objects alive right now (exported as SidemanLiveObjectCount).
int32_t liveObjectCount();

// Base of every bridge COM object: counts itself as live and deletes itself on the last release.
class ComObject {
public:
    ComObject();
    virtual ~ComObject();
    ComObject(const ComObject&) = delete;
    ComObject& operator=(const ComObject&) = delete;

protected:
    vst3::uint32 addRefImpl() { return ++refs_; }
    vst3::uint32 releaseImpl() {
        vst3::uint32 left = --refs_;
        if (left == 0) delete this;
        return left;
    }

private:
    std::atomic<vst3::uint32> refs_{1};
};

// Hands out interface I of self if iid names it (or a base listed by the caller).
template <typename I, typename T>
bool offerInterface(const char* iid, const vst3::Uid& candidate, T* self, void** obj) {
    if (!vst3::uidEquals(iid, candidate)) return false;
    I* pointer = static_cast<I*>(self);
    pointer->addRef();
    *obj = pointer;
    return true;
}

} // namespace sideman

#define SIDEMAN_COM_REFCOUNT                                                \
    vst3::uint32 VST3_API addRef() override { return addRefImpl(); }        \
    vst3::uint32 VST3_API release() override { return releaseImpl(); }
