// The bridge's log: one line per call, to the user's Sideman log file. Never call from the
// audio thread.
#pragma once

#include <string>

namespace sideman {

// [main] Writes "<time> [bridge] <message>" to $XDG_CACHE_HOME/Sideman/sideman.log.
void logLine(const std::string& message);

// Full path of the log file ("" if no folder could be made).
std::string logFilePath();

} // namespace sideman
