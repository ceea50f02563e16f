#include "managed_runtime.h"

#include <chrono>
#include <cstdio>
#include <vector>

#include <coreclr_delegates.h>
#include <hostfxr.h>

#include "log.h"
#include "platform.h"
#include "utf16.h"

namespace sideman {

namespace {

constexpr const char* kManagedAssembly = "Sideman.Plugin.dll";
constexpr const char* kExportsType = "Sideman.Plugin.Interop.BridgeExports, Sideman.Plugin";
constexpr const char* kExportsMethod = "GetApi";

// hostfxr reports details through an error writer; start() runs under the runtime mutex,
// so one shared buffer is enough.
std::string g_hostErrors;
void HOSTFXR_CALLTYPE collectHostError(const char_t* message) {
    if (!g_hostErrors.empty()) g_hostErrors += " | ";
    g_hostErrors += platform::fromHostString(message);
}

std::string hex(int32_t code) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08x", static_cast<unsigned>(code));
    return buffer;
}

void managedLog(const SmApi& api, const std::string& message);

bool tableComplete(const SmApi& api) {
    return api.describe && api.getParamCount && api.getParamInfo && api.paramToText && api.paramFromText &&
           api.paramToPlain && api.paramToNormalized && api.processorCreate && api.processorDestroy &&
           api.processorSetup && api.processorSetActive && api.processorSetProcessing && api.processorProcess &&
           api.processorSaveState && api.processorLoadState && api.stateToNormalized && api.log &&
           api.processorSetPartSoundFont && api.processorGetStatus;
}

} // namespace

ManagedRuntime& ManagedRuntime::instance() {
    static ManagedRuntime runtime;
    return runtime;
}

const SmApi* ManagedRuntime::api() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (state_ == State::Ready) return &api_;
    if (state_ == State::Failed) return nullptr;
    std::string reason;
    bool ok = false;
    try {
        ok = start(reason);
    } catch (...) {
        reason = "unexpected C++ exception while starting .NET";
    }
    if (ok) {
        state_ = State::Ready;
        return &api_;
    }
    state_ = State::Failed;
    failure_ = reason;
    logLine("Sideman could not start its .NET runtime: " + reason);
    return nullptr;
}

std::string ManagedRuntime::failureReason() {
    std::lock_guard<std::mutex> lock(mutex_);
    return failure_;
}

bool ManagedRuntime::start(std::string& reason) {
    auto started = std::chrono::steady_clock::now();
    const std::string runtime = platform::runtimeDirectory();
    const std::string hostfxrPath = platform::joinPath(runtime, platform::hostfxrFileName());
    const std::string assemblyPath = platform::joinPath(runtime, kManagedAssembly);
    const std::string appHost = platform::joinPath(runtime, platform::appHostFileName());
    const std::string reinstall = " The bundle is incomplete: reinstall Sideman (copy the whole Sideman.vst3 folder).";

    if (!platform::fileExists(runtime)) {
        reason = "the bundle's .NET folder is missing (" + runtime + ")." + reinstall;
        return false;
    }
    if (!platform::fileExists(hostfxrPath)) {
        reason = "the bundled .NET host " + std::string(platform::hostfxrFileName()) + " is missing (" + hostfxrPath +
                 ")." + reinstall;
        return false;
    }
    if (!platform::fileExists(assemblyPath)) {
        reason = "the managed plugin " + std::string(kManagedAssembly) + " is missing (" + assemblyPath + ")." +
                 reinstall;
        return false;
    }

    std::string loadError;
    void* hostfxr = platform::loadLibrary(hostfxrPath, loadError);
    if (hostfxr == nullptr) {
        reason = "cannot load " + hostfxrPath + ": " + loadError;
        return false;
    }
    // hostfxr stays loaded for the life of the process: the runtime cannot be unloaded.
    auto initialize = reinterpret_cast<hostfxr_initialize_for_dotnet_command_line_fn>(
        platform::findSymbol(hostfxr, "hostfxr_initialize_for_dotnet_command_line"));
    auto getDelegate = reinterpret_cast<hostfxr_get_runtime_delegate_fn>(
        platform::findSymbol(hostfxr, "hostfxr_get_runtime_delegate"));
    auto close = reinterpret_cast<hostfxr_close_fn>(platform::findSymbol(hostfxr, "hostfxr_close"));
    auto setErrorWriter = reinterpret_cast<hostfxr_set_error_writer_fn>(
        platform::findSymbol(hostfxr, "hostfxr_set_error_writer"));
    if (!initialize || !getDelegate || !close) {
        reason = hostfxrPath + " lacks the hostfxr_* entry points (a .NET host older than 5.0?)";
        return false;
    }

    g_hostErrors.clear();
    if (setErrorWriter) setErrorWriter(&collectHostError);

    // hostfxr takes the publish's apphost as the running program (self-contained: the app and the runtime
    // live beside it). A publish without one (apphost disabled) still works from the assembly's path.
    auto hostAssembly = platform::toHostString(assemblyPath);
    auto hostPath = platform::toHostString(platform::fileExists(appHost) ? appHost : assemblyPath);
    auto hostRoot = platform::toHostString(runtime);
    const char_t* argv[] = {hostAssembly.c_str()};
    hostfxr_initialize_parameters parameters{sizeof(hostfxr_initialize_parameters), hostPath.c_str(),
                                             hostRoot.c_str()};
    hostfxr_handle context = nullptr;
    int32_t rc = initialize(1, argv, &parameters, &context);
    if (rc != 0 || context == nullptr) {
        if (context != nullptr) close(context);
        if (setErrorWriter) setErrorWriter(nullptr);
        reason = "hostfxr_initialize_for_dotnet_command_line failed with " + hex(rc) + " for " + assemblyPath +
                 (g_hostErrors.empty() ? std::string() : ": " + g_hostErrors) +
                 (rc == static_cast<int32_t>(0x800080a5)
                      ? " (another .NET runtime is already loaded in this host process)"
                      : "");
        return false;
    }

    void* loaderPointer = nullptr;
    rc = getDelegate(context, hdt_load_assembly_and_get_function_pointer, &loaderPointer);
    close(context);
    if (rc != 0 || loaderPointer == nullptr) {
        if (setErrorWriter) setErrorWriter(nullptr);
        reason = "hostfxr_get_runtime_delegate failed with " + hex(rc) +
                 (g_hostErrors.empty() ? std::string() : ": " + g_hostErrors);
        return false;
    }
    auto loadAndGet = reinterpret_cast<load_assembly_and_get_function_pointer_fn>(loaderPointer);
    auto typeName = platform::toHostString(kExportsType);
    auto methodName = platform::toHostString(kExportsMethod);
    void* getApiPointer = nullptr;
    rc = loadAndGet(hostAssembly.c_str(), typeName.c_str(), methodName.c_str(), UNMANAGEDCALLERSONLY_METHOD,
                    nullptr, &getApiPointer);
    if (setErrorWriter) setErrorWriter(nullptr);
    if (rc != 0 || getApiPointer == nullptr) {
        reason = "cannot bind " + std::string(kExportsType) + "." + kExportsMethod + " in " + assemblyPath +
                 " (error " + hex(rc) + "; was it trimmed away or is the assembly from another version?)" +
                 (g_hostErrors.empty() ? std::string() : ": " + g_hostErrors);
        return false;
    }

    SmApi table{};
    table.structSize = sizeof(SmApi);
    int32_t status = reinterpret_cast<SmGetApiFn>(getApiPointer)(&table);
    if (status != SM_OK) {
        reason = "the managed GetApi returned status " + std::to_string(status);
        return false;
    }
    if (table.abiVersion != SM_ABI_VERSION) {
        reason = "bridge ABI mismatch: native expects version " + std::to_string(SM_ABI_VERSION) +
                 ", managed reports " + std::to_string(table.abiVersion) + ". Rebuild the bundle.";
        return false;
    }
    if (!tableComplete(table)) {
        reason = "the managed function table is incomplete (a null entry)";
        return false;
    }
    api_ = table;
    platform::pinModule();

    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    char line[160];
    std::snprintf(line, sizeof line, ".NET runtime started from the bundle in %.1f ms", ms);
    managedLog(api_, std::string(line) + " (" + runtime + ")");
    return true;
}

const SmApi* ManagedRuntime::startedApi() {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_ == State::Ready ? &api_ : nullptr;
}

namespace {
void managedLog(const SmApi& api, const std::string& message) {
    std::vector<char16_t> text(message.size() + 1);
    utf8ToUtf16(text.data(), static_cast<int>(text.size()), message);
    api.log(reinterpret_cast<const uint16_t*>(text.data()));
}
} // namespace

void bridgeLog(const std::string& message) {
    try {
        if (const SmApi* api = ManagedRuntime::instance().startedApi()) {
            managedLog(*api, message); // the managed logger tags lines itself
            return;
        }
    } catch (...) {
    }
    logLine(message);
}

} // namespace sideman
