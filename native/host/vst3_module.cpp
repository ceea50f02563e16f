// Bundle -> binary path, entry point, factory: the part of module loading every OS shares.
#include "vst3_module.h"

#include "vst3_module_os.h"

namespace sideman::host {

namespace {
// "…/Sideman.vst3/" -> "Sideman".
std::string bundleName(const std::string& bundlePath) {
    std::string path = bundlePath;
    while (!path.empty() && path.find_last_of(os::pathSeparators()) == path.size() - 1) path.pop_back();
    auto slash = path.find_last_of(os::pathSeparators());
    std::string leaf = slash == std::string::npos ? path : path.substr(slash + 1);
    auto dot = leaf.rfind(".vst3");
    return dot == std::string::npos ? leaf : leaf.substr(0, dot);
}
} // namespace

std::string moduleBinaryPath(const std::string& bundlePath) {
    const std::string sep(1, os::pathSeparators()[0]);
    return bundlePath + sep + "Contents" + sep + os::archFolder() + sep + bundleName(bundlePath) + os::binarySuffix();
}

bool Vst3Module::load(const std::string& bundlePath, std::string& error) {
    unload();
    binaryPath_ = moduleBinaryPath(bundlePath);
    library_ = os::openLibrary(binaryPath_, error);
    if (library_ == nullptr) return false;
    using FactoryFn = vst3::IPluginFactory* (*)();
    auto getFactory = reinterpret_cast<FactoryFn>(os::findSymbol(library_, "GetPluginFactory"));
    std::string problem;
    if (getFactory == nullptr) problem = "lacks GetPluginFactory";
    else os::enterModule(library_, problem);
    if (!problem.empty()) {
        error = binaryPath_ + ": " + problem;
        os::closeLibrary(library_); // never entered: no exit call
        library_ = nullptr;
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
        os::exitModule(library_);
        os::closeLibrary(library_);
        library_ = nullptr;
    }
}

void* Vst3Module::symbol(const char* name) const {
    return library_ != nullptr ? os::findSymbol(library_, name) : nullptr;
}

} // namespace sideman::host
