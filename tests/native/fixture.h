// Shared helpers for the native tests: the bundle under test, a loaded module with a
// live-object check at the end, parameter ids and signal measurements.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "plugin_instance.h"
#include "renderer.h"
#include "vst3_module.h"

namespace sideman::test {

// $SIDEMAN_BUNDLE, else the bundle CMake was configured with.
std::string bundlePath();

// The VST3 ParamID convention: FNV-1a 32-bit over the UTF-8 id, masked to 31 bits.
vst3::ParamID paramId(const std::string& stringId);

// Loads the bundle; on destruction releases the factory and asserts that the bridge has no
// live COM object left, then unloads.
class LoadedModule {
public:
    LoadedModule();
    ~LoadedModule();
    bool ok() const { return loaded_; }
    host::Vst3Module& module() { return module_; }
    int32_t liveObjects() const;

private:
    host::Vst3Module module_;
    bool loaded_ = false;
};

// A created, set-up and started instance (32-bit, realtime), or null after a recorded failure. The live band,
// which plays whenever the transport does, is switched off unless band is true: most tests are about the
// notes they play themselves.
std::unique_ptr<host::PluginInstance> startInstance(host::Vst3Module& module, double rate, int32_t block,
                                                    int32_t sampleSize = vst3::kSample32,
                                                    int32_t mode = vst3::kRealtime, bool activateAux = false,
                                                    bool band = false);

// Index of the first sample where a and b differ by more than tolerance, or -1.
int64_t firstDifference(const std::vector<float>& a, const std::vector<float>& b, float tolerance = 1e-6f);
double rms(const std::vector<float>& x, int64_t from, int64_t to);
double rmsOfDifference(const std::vector<float>& a, const std::vector<float>& b, int64_t from, int64_t to);

} // namespace sideman::test
