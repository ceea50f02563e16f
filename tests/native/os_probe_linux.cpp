// Linux: /proc/self for memory and mappings, XDG_CACHE_HOME for the log.
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "os_probe.h"

namespace sideman::test {

long residentKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) {
            std::istringstream fields(line.substr(6));
            long kib = -1;
            fields >> kib;
            return kib;
        }
    }
    return -1;
}

std::string loadedClrPath() {
    std::ifstream maps("/proc/self/maps");
    std::string line, path;
    while (std::getline(maps, line))
        if (line.find("libcoreclr.so") != std::string::npos) path = line.substr(line.find('/'));
    return path;
}

std::string bundledClrPath(const std::string& bundle) { return bundle + "/Contents/x86_64-linux/dotnet/libcoreclr.so"; }

std::string systemDotnetFolder() { return "/usr/share/dotnet/shared"; }

bool pathExists(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0;
}

bool samePath(const std::string& a, const std::string& b) { return a == b; }

std::string bridgeLogFolder() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    return cache != nullptr ? std::string(cache) + "/Sideman" : std::string();
}

} // namespace sideman::test
