// Linux implementation of platform.h: dladdr/dlopen, XDG cache folder, POSIX files.
#include "platform.h"

#include <dlfcn.h>
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace sideman::platform {

namespace {
// Any symbol inside this module, to ask dladdr where the module lives.
void anchor() {}

std::string modulePath() {
    Dl_info info{};
    if (dladdr(reinterpret_cast<void*>(&anchor), &info) == 0 || info.dli_fname == nullptr) return {};
    char resolved[4096];
    if (realpath(info.dli_fname, resolved) != nullptr) return resolved;
    return info.dli_fname;
}

std::string parentOf(const std::string& path) {
    auto slash = path.find_last_of('/');
    if (slash == std::string::npos) return ".";
    if (slash == 0) return "/";
    return path.substr(0, slash);
}

bool makeDirectories(const std::string& path) {
    if (path.empty()) return false;
    struct stat st {};
    if (stat(path.c_str(), &st) == 0) return S_ISDIR(st.st_mode);
    if (!makeDirectories(parentOf(path))) return false;
    return mkdir(path.c_str(), 0755) == 0 || errno == EEXIST;
}
} // namespace

std::string moduleDirectory() { return parentOf(modulePath()); }

std::string runtimeDirectory() { return joinPath(moduleDirectory(), "dotnet"); }

const char* hostfxrFileName() { return "libhostfxr.so"; }

const char* appHostFileName() { return "Sideman.Plugin"; }

std::string joinPath(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return a.back() == '/' ? a + b : a + "/" + b;
}

bool fileExists(const std::string& path) {
    struct stat st {};
    return stat(path.c_str(), &st) == 0;
}

void* loadLibrary(const std::string& path, std::string& error) {
    dlerror();
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* message = dlerror();
        error = message != nullptr ? message : "dlopen failed";
    }
    return handle;
}

void* findSymbol(void* library, const char* name) { return dlsym(library, name); }

void pinModule() {
    std::string path = modulePath();
    if (!path.empty()) dlopen(path.c_str(), RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
}

std::string logDirectory() {
    std::string base;
    if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && xdg[0] == '/') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && home[0] != '\0') {
        base = joinPath(home, ".cache");
    } else {
        return {};
    }
    std::string dir = joinPath(base, "Sideman");
    return makeDirectories(dir) ? dir : std::string();
}

void appendLine(const std::string& path, const std::string& line) {
    FILE* file = std::fopen(path.c_str(), "a");
    if (file == nullptr) return;
    std::fputs(line.c_str(), file);
    std::fputc('\n', file);
    std::fclose(file);
}

long processId() { return static_cast<long>(getpid()); }

std::basic_string<HostChar> toHostString(const std::string& utf8) { return utf8; }
std::string fromHostString(const HostChar* text) { return text != nullptr ? std::string(text) : std::string(); }

} // namespace sideman::platform
