// POSIX: paths, environment and arguments are bytes already (UTF-8 by convention).
#include <cstdlib>

#include "utf8_system.h"

namespace sideman::host {

std::FILE* openFile(const std::string& path, const char* mode) { return std::fopen(path.c_str(), mode); }

bool environmentVariable(const char* name, std::string& value) {
    const char* text = std::getenv(name);
    if (text == nullptr) return false;
    value = text;
    return true;
}

std::vector<std::string> commandLineArguments(int argc, char** argv) { return {argv, argv + argc}; }

} // namespace sideman::host
