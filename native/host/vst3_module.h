// Loads a VST3 bundle the way a DAW does: Contents/<arch>-linux/<Name>.so, ModuleEntry,
// GetPluginFactory. Teardown releases the factory, calls ModuleExit and unloads.
#pragma once

#include <string>

#include "vst3/ipluginbase.h"

namespace sideman::host {

class Vst3Module {
public:
    Vst3Module() = default;
    ~Vst3Module() { unload(); }
    Vst3Module(const Vst3Module&) = delete;
    Vst3Module& operator=(const Vst3Module&) = delete;

    // bundlePath: ".../Sideman.vst3". Returns false with error on failure.
    bool load(const std::string& bundlePath, std::string& error);
    void unload();
    // Releases the factory (as a host does before unloading) but keeps the library mapped,
    // so exported counters can still be read.
    void releaseFactory();

    vst3::IPluginFactory* factory() const { return factory_; }
    // IPluginFactory3 if the module offers it (owned by this object), else null.
    vst3::IPluginFactory3* factory3() const { return factory3_; }
    // A symbol from the module (e.g. SidemanLiveObjectCount), or null.
    void* symbol(const char* name) const;
    const std::string& binaryPath() const { return binaryPath_; }

private:
    void* library_ = nullptr;
    vst3::IPluginFactory* factory_ = nullptr;
    vst3::IPluginFactory3* factory3_ = nullptr;
    std::string binaryPath_;
};

// The module binary inside a bundle for this OS/architecture.
std::string moduleBinaryPath(const std::string& bundlePath);

} // namespace sideman::host
