#include "fixture.h"

#include <cmath>

#include "check.h"
#include "utf8_system.h"

namespace sideman::test {

std::string bundlePath() {
    if (std::string env; host::environmentVariable("SIDEMAN_BUNDLE", env) && !env.empty()) return env;
    return SIDEMAN_TEST_BUNDLE;
}

vst3::ParamID paramId(const std::string& stringId) { return host::paramIdOf(stringId); }

LoadedModule::LoadedModule() {
    std::string error;
    loaded_ = module_.load(bundlePath(), error);
    CHECK_MSG(loaded_, error);
}

int32_t LoadedModule::liveObjects() const {
    using CountFn = int32_t (*)();
    auto count = reinterpret_cast<CountFn>(module_.symbol("SidemanLiveObjectCount"));
    return count != nullptr ? count() : -1;
}

LoadedModule::~LoadedModule() {
    if (!loaded_) return;
    module_.releaseFactory();
    const int32_t live = liveObjects();
    CHECK_MSG(live == 0, "bridge COM objects still alive after the host released everything: " << live);
    module_.unload();
}

std::unique_ptr<host::PluginInstance> startInstance(host::Vst3Module& module, double rate, int32_t block,
                                                    int32_t sampleSize, int32_t mode, bool activateAux, bool band) {
    std::string error;
    auto instance = host::PluginInstance::create(module, error);
    CHECK_MSG(instance != nullptr, error);
    if (!instance) return nullptr;
    bool ok = instance->setup(rate, block, sampleSize, mode, activateAux, error) && instance->start(error);
    CHECK_MSG(ok, error);
    if (ok && !band) {
        // A 0-sample flush, as hosts send parameter changes between blocks.
        auto* params = new host::ParameterChanges();
        params->add(paramId("band.on"), 0, 0.0);
        ok = instance->process(0, nullptr, params, nullptr) == vst3::kResultOk;
        params->release();
        CHECK_MSG(ok, "could not switch the live band off");
    }
    return ok ? std::move(instance) : nullptr;
}

int64_t firstDifference(const std::vector<float>& a, const std::vector<float>& b, float tolerance) {
    const size_t n = std::min(a.size(), b.size());
    for (size_t i = 0; i < n; ++i)
        if (std::fabs(a[i] - b[i]) > tolerance) return static_cast<int64_t>(i);
    return -1;
}

double rms(const std::vector<float>& x, int64_t from, int64_t to) {
    double sum = 0;
    int64_t n = 0;
    for (int64_t i = std::max<int64_t>(0, from); i < to && i < static_cast<int64_t>(x.size()); ++i, ++n)
        sum += double(x[size_t(i)]) * x[size_t(i)];
    return n > 0 ? std::sqrt(sum / n) : 0.0;
}

double rmsOfDifference(const std::vector<float>& a, const std::vector<float>& b, int64_t from, int64_t to) {
    double sum = 0;
    int64_t n = 0;
    for (int64_t i = std::max<int64_t>(0, from); i < to && i < static_cast<int64_t>(std::min(a.size(), b.size()));
         ++i, ++n) {
        double d = double(a[size_t(i)]) - b[size_t(i)];
        sum += d * d;
    }
    return n > 0 ? std::sqrt(sum / n) : 0.0;
}

} // namespace sideman::test
