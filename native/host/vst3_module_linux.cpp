// Linux module loading for the host library (dlopen): Contents/<arch>-linux/<Name>.so,
// ModuleEntry(handle) / ModuleExit().
#include <dlfcn.h>

#include "vst3_module_os.h"

namespace sideman::host::os {

const char* archFolder() {
#if defined(__x86_64__)
    return "x86_64-linux";
#elif defined(__aarch64__)
    return "aarch64-linux";
#else
    return "i386-linux";
#endif
}

const char* binarySuffix() { return ".so"; }
const char* pathSeparators() { return "/"; }

void* openLibrary(const std::string& path, std::string& error) {
    void* library = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* message = dlerror();
        error = "dlopen " + path + ": " + (message ? message : "failed");
    }
    return library;
}

void* findSymbol(void* library, const char* name) { return dlsym(library, name); }
void closeLibrary(void* library) { dlclose(library); }

bool enterModule(void* library, std::string& error) {
    using EntryFn = bool (*)(void*);
    auto entry = reinterpret_cast<EntryFn>(dlsym(library, "ModuleEntry"));
    if (entry != nullptr && entry(library)) return true;
    error = entry == nullptr ? "lacks ModuleEntry (required on Linux)" : "ModuleEntry returned false";
    return false;
}

void exitModule(void* library) {
    using ExitFn = bool (*)();
    if (auto exitFn = reinterpret_cast<ExitFn>(dlsym(library, "ModuleExit"))) exitFn();
}

} // namespace sideman::host::os
