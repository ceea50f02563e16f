// Starts .NET from the bundle's Contents/Resources (self-contained publish) through hostfxr,
// once per process, and binds the managed plugin's function table.
#pragma once

#include <mutex>
#include <string>

#include "sideman/bridge_abi.h"

namespace sideman {

class ManagedRuntime {
public:
    // [any] The process-wide runtime.
    static ManagedRuntime& instance();

    // [main] Starts the runtime on first use (thread-safe). Returns the function table, or
    // nullptr after a failure; the reason is logged once and kept in failureReason().
    const SmApi* api();

    // [any] The table if the runtime already runs; never starts it.
    const SmApi* startedApi();

    // [any] Why the last start failed ("" if it did not).
    std::string failureReason();

private:
    ManagedRuntime() = default;
    bool start(std::string& reason);

    enum class State { NotStarted, Ready, Failed };
    std::mutex mutex_;
    State state_ = State::NotStarted;
    std::string failure_;
    SmApi api_{};
};

// [main] Logs through the managed logger when the runtime is up (one file, one writer),
// else straight to the log file.
void bridgeLog(const std::string& message);

} // namespace sideman
