#include "log.h"

#include <chrono>
#include <ctime>
#include <mutex>

#include "platform.h"

namespace sideman {

std::string logFilePath() {
    std::string dir = platform::logDirectory();
    return dir.empty() ? std::string() : platform::joinPath(dir, "sideman.log");
}

void logLine(const std::string& message) {
    static std::mutex mutex;
    try {
        std::lock_guard<std::mutex> lock(mutex);
        std::string path = logFilePath();
        if (path.empty()) return;
        std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
        std::tm utc{};
#if defined(_WIN32)
        gmtime_s(&utc, &now);
#else
        gmtime_r(&now, &utc);
#endif
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
        platform::appendLine(path, std::string(stamp) + " [bridge pid " + std::to_string(platform::processId()) +
                                       "] " + message);
    } catch (...) {
        // Logging must never take the host down.
    }
}

} // namespace sideman
