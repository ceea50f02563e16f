// Windows module loading for the host library: Contents/x86_64-win/<Name>.vst3 is a DLL, loaded
// with LoadLibraryExW from its UTF-16 path; InitDll() / ExitDll() are the VST3 spec's optional
// Windows entry points (DllMain does the rest).
#include <windows.h>

#include "utf8_system.h"
#include "vst3_module_os.h"

namespace sideman::host::os {

const char* archFolder() {
#if defined(_M_ARM64) || defined(__aarch64__)
    return "arm64-win";
#else
    return "x86_64-win";
#endif
}

const char* binarySuffix() { return ".vst3"; }
const char* pathSeparators() { return "\\/"; }

void* openLibrary(const std::string& path, std::string& error) {
    // LOAD_WITH_ALTERED_SEARCH_PATH: the DLL's own folder is searched for its imports, which
    // needs an absolute path (GetFullPathNameW also turns '/' into '\').
    const std::wstring wide = toWide(path);
    std::wstring full(32768, L'\0');
    const DWORD n = GetFullPathNameW(wide.c_str(), static_cast<DWORD>(full.size()), full.data(), nullptr);
    full.resize(n > 0 && n < full.size() ? n : 0);
    HMODULE library = LoadLibraryExW(full.empty() ? wide.c_str() : full.c_str(), nullptr,
                                     full.empty() ? 0 : LOAD_WITH_ALTERED_SEARCH_PATH);
    if (library == nullptr) error = "LoadLibraryExW " + path + ": " + lastErrorText();
    return library;
}

void* findSymbol(void* library, const char* name) {
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(library), name));
}

void closeLibrary(void* library) { FreeLibrary(static_cast<HMODULE>(library)); }

bool enterModule(void* library, std::string& error) {
    using EntryFn = bool (*)();
    auto entry = reinterpret_cast<EntryFn>(findSymbol(library, "InitDll"));
    if (entry == nullptr || entry()) return true;
    error = "InitDll returned false";
    return false;
}

void exitModule(void* library) {
    using ExitFn = bool (*)();
    if (auto exitFn = reinterpret_cast<ExitFn>(findSymbol(library, "ExitDll"))) exitFn();
}

} // namespace sideman::host::os
