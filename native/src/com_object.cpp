#include "com_object.h"

namespace sideman {

namespace {
std::atomic<int32_t> g_live{0};
}

ComObject::ComObject() { ++g_live; }
ComObject::~ComObject() { --g_live; }

int32_t liveObjectCount() { return g_live.load(); }

} // namespace sideman
