// Linux module loading for the host library (dlopen).
#include <dlfcn.h>

#include "vst3_module.h"

namespace sideman::host {

namespace {
std::string bundleName(const std::string& bundlePath) {
    std::string path = bundlePath;
    while (!path.empty() && path.back() == '/') path.pop_back();
    auto slash = path.find_last_of('/');
    std::string leaf = slash == std::string::npos ? path : path.substr(slash + 1);
    auto dot = leaf.rfind(".vst3");
    return dot == std::string::npos ? leaf : leaf.substr(0, dot);
}

const char* archFolder() {
#if defined(__x86_64__)
    return "x86_64-linux";
#elif defined(__aarch64__)
    return "aarch64-linux";
#else
    return "i386-linux";
#endif
}
} // namespace

std::string moduleBinaryPath(const std::string& bundlePath) {
    return bundlePath + "/Contents/" + archFolder() + "/" + bundleName(bundlePath) + ".so";
}

bool Vst3Module::load(const std::string& bundlePath, std::string& error) {
    unload();
    binaryPath_ = moduleBinaryPath(bundlePath);
    library_ = dlopen(binaryPath_.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library_ == nullptr) {
        const char* message = dlerror();
        error = "dlopen " + binaryPath_ + ": " + (message ? message : "failed");
        return false;
    }
    using EntryFn = bool (*)(void*);
    using FactoryFn = vst3::IPluginFactory* (*)();
    auto entry = reinterpret_cast<EntryFn>(dlsym(library_, "ModuleEntry"));
    auto getFactory = reinterpret_cast<FactoryFn>(dlsym(library_, "GetPluginFactory"));
    if (entry == nullptr || getFactory == nullptr) {
        error = binaryPath_ + " lacks ModuleEntry or GetPluginFactory";
        unload();
        return false;
    }
    if (!entry(library_)) {
        error = "ModuleEntry returned false";
        unload();
        return false;
    }
    factory_ = getFactory();
    if (factory_ == nullptr) {
        error = "GetPluginFactory returned null";
        unload();
        return false;
    }
    void* f3 = nullptr;
    if (factory_->queryInterface(vst3::IPluginFactory3::iid.bytes, &f3) == vst3::kResultOk)
        factory3_ = static_cast<vst3::IPluginFactory3*>(f3);
    return true;
}

void Vst3Module::releaseFactory() {
    if (factory3_ != nullptr) {
        factory3_->release();
        factory3_ = nullptr;
    }
    if (factory_ != nullptr) {
        factory_->release();
        factory_ = nullptr;
    }
}

void Vst3Module::unload() {
    releaseFactory();
    if (library_ != nullptr) {
        using ExitFn = bool (*)();
        if (auto exitFn = reinterpret_cast<ExitFn>(dlsym(library_, "ModuleExit"))) exitFn();
        dlclose(library_);
        library_ = nullptr;
    }
}

void* Vst3Module::symbol(const char* name) const { return library_ != nullptr ? dlsym(library_, name) : nullptr; }

} // namespace sideman::host
