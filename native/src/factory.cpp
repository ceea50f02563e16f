#include "factory.h"

#include <cstring>
#include <mutex>

#include "class_ids.h"
#include "controller.h"
#include "managed_runtime.h"
#include "processor.h"
#include "utf16.h"

namespace sideman {

using namespace vst3;

namespace {

std::mutex g_factoryMutex;
Factory* g_factory = nullptr; // weak: cleared by the factory's destructor

void copyAscii(char* dst, size_t capacity, const char* src) {
    std::strncpy(dst, src, capacity - 1);
    dst[capacity - 1] = 0;
}

struct ClassRow {
    const Uid* cid;
    const char* category;
    const char* name;
    const char* subCategories;
};

const ClassRow kClasses[] = {
    {&kProcessorUid, kAudioModuleClass, kPluginName, kSubCategories},
    {&kControllerUid, kControllerClass, kControllerName, ""},
};
constexpr int32 kClassCount = 2;

} // namespace

Factory::Factory() = default;

Factory::~Factory() {
    if (hostContext_ != nullptr) hostContext_->release();
    std::lock_guard<std::mutex> lock(g_factoryMutex);
    if (g_factory == this) g_factory = nullptr;
}

IPluginFactory* acquireFactory() {
    std::lock_guard<std::mutex> lock(g_factoryMutex);
    if (g_factory != nullptr) {
        g_factory->addRef();
        return g_factory;
    }
    g_factory = new Factory(); // the caller owns the first reference
    return g_factory;
}

tresult VST3_API Factory::queryInterface(const TUID iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    if (offerInterface<IPluginFactory3>(iid, FUnknown::iid, this, obj) ||
        offerInterface<IPluginFactory3>(iid, IPluginFactory::iid, this, obj) ||
        offerInterface<IPluginFactory3>(iid, IPluginFactory2::iid, this, obj) ||
        offerInterface<IPluginFactory3>(iid, IPluginFactory3::iid, this, obj))
        return kResultOk;
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API Factory::getFactoryInfo(PFactoryInfo* info) {
    if (info == nullptr) return kInvalidArgument;
    std::memset(info, 0, sizeof(PFactoryInfo));
    copyAscii(info->vendor, sizeof info->vendor, kVendor);
    copyAscii(info->url, sizeof info->url, "");
    copyAscii(info->email, sizeof info->email, "");
    // The CLR cannot be unloaded: ask hosts to keep the module loaded.
    info->flags = PFactoryInfo::kUnicode | PFactoryInfo::kComponentNonDiscardable;
    return kResultOk;
}

int32 VST3_API Factory::countClasses() { return kClassCount; }

tresult VST3_API Factory::getClassInfo(int32 index, PClassInfo* info) {
    if (info == nullptr || index < 0 || index >= kClassCount) return kInvalidArgument;
    std::memset(info, 0, sizeof(PClassInfo));
    std::memcpy(info->cid, kClasses[index].cid->bytes, sizeof(TUID));
    info->cardinality = PClassInfo::kManyInstances;
    copyAscii(info->category, sizeof info->category, kClasses[index].category);
    copyAscii(info->name, sizeof info->name, kClasses[index].name);
    return kResultOk;
}

tresult VST3_API Factory::getClassInfo2(int32 index, PClassInfo2* info) {
    if (info == nullptr || index < 0 || index >= kClassCount) return kInvalidArgument;
    std::memset(info, 0, sizeof(PClassInfo2));
    std::memcpy(info->cid, kClasses[index].cid->bytes, sizeof(TUID));
    info->cardinality = PClassInfo::kManyInstances;
    copyAscii(info->category, sizeof info->category, kClasses[index].category);
    copyAscii(info->name, sizeof info->name, kClasses[index].name);
    info->classFlags = 0;
    copyAscii(info->subCategories, sizeof info->subCategories, kClasses[index].subCategories);
    copyAscii(info->vendor, sizeof info->vendor, kVendor);
    copyAscii(info->version, sizeof info->version, kVersion);
    copyAscii(info->sdkVersion, sizeof info->sdkVersion, kSdkVersion);
    return kResultOk;
}

tresult VST3_API Factory::getClassInfoUnicode(int32 index, PClassInfoW* info) {
    if (info == nullptr || index < 0 || index >= kClassCount) return kInvalidArgument;
    std::memset(info, 0, sizeof(PClassInfoW));
    std::memcpy(info->cid, kClasses[index].cid->bytes, sizeof(TUID));
    info->cardinality = PClassInfo::kManyInstances;
    copyAscii(info->category, sizeof info->category, kClasses[index].category);
    utf8ToUtf16(info->name, 64, kClasses[index].name);
    info->classFlags = 0;
    copyAscii(info->subCategories, sizeof info->subCategories, kClasses[index].subCategories);
    utf8ToUtf16(info->vendor, 64, kVendor);
    utf8ToUtf16(info->version, 64, kVersion);
    utf8ToUtf16(info->sdkVersion, 64, kSdkVersion);
    return kResultOk;
}

tresult VST3_API Factory::setHostContext(FUnknown* context) {
    if (context == hostContext_) return kResultOk;
    if (hostContext_ != nullptr) hostContext_->release();
    hostContext_ = context;
    if (hostContext_ != nullptr) hostContext_->addRef();
    return kResultOk;
}

tresult VST3_API Factory::createInstance(FIDString cid, FIDString iid, void** obj) {
    if (obj == nullptr) return kInvalidArgument;
    *obj = nullptr;
    const bool wantsProcessor = uidEquals(cid, kProcessorUid);
    const bool wantsController = uidEquals(cid, kControllerUid);
    if (!wantsProcessor && !wantsController) return kNoInterface;
    try {
        const SmApi* api = ManagedRuntime::instance().api();
        if (api == nullptr) return kResultFalse; // the reason is in the log
        ComObject* object = nullptr;
        FUnknown* unknown = nullptr;
        if (wantsProcessor) {
            auto* processor = new Processor(*api);
            object = processor;
            unknown = static_cast<IComponent*>(processor);
        } else {
            auto* controller = new Controller(*api);
            object = controller;
            unknown = static_cast<IEditController*>(controller);
        }
        (void)object;
        tresult rc = unknown->queryInterface(iid, obj);
        unknown->release(); // drop the construction reference; obj holds its own
        return rc == kResultOk ? kResultOk : kNoInterface;
    } catch (...) {
        *obj = nullptr;
        return kOutOfMemory;
    }
}

} // namespace sideman
