// Windows implementation of platform.h (not built on Linux; kept in step with the others).
#include "platform.h"

#include <windows.h>
#include <shlobj.h>

#include <cstdio>

namespace sideman::platform {

namespace {
std::wstring widen(const std::string& s) {
    if (s.empty()) return {};
    int n = MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), nullptr, 0);
    std::wstring w(static_cast<size_t>(n), L'\0');
    MultiByteToWideChar(CP_UTF8, 0, s.data(), static_cast<int>(s.size()), w.data(), n);
    return w;
}

std::string narrow(const std::wstring& w) {
    if (w.empty()) return {};
    int n = WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), nullptr, 0, nullptr, nullptr);
    std::string s(static_cast<size_t>(n), '\0');
    WideCharToMultiByte(CP_UTF8, 0, w.data(), static_cast<int>(w.size()), s.data(), n, nullptr, nullptr);
    return s;
}

HMODULE thisModule() {
    HMODULE module = nullptr;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       reinterpret_cast<LPCWSTR>(&thisModule), &module);
    return module;
}

std::string parentOf(const std::string& path) {
    auto slash = path.find_last_of("\\/");
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash);
}
} // namespace

std::string moduleDirectory() {
    wchar_t buffer[32768];
    DWORD n = GetModuleFileNameW(thisModule(), buffer, 32768);
    return parentOf(narrow(std::wstring(buffer, n)));
}

// Sideman.vst3\Contents\x86_64-win\Sideman.vst3 -> Sideman.vst3\Contents\x86_64-win\dotnet
std::string runtimeDirectory() { return joinPath(moduleDirectory(), "dotnet"); }

const char* hostfxrFileName() { return "hostfxr.dll"; }

const char* appHostFileName() { return "Sideman.Plugin.exe"; }

std::string joinPath(const std::string& a, const std::string& b) {
    if (a.empty()) return b;
    return (a.back() == '\\' || a.back() == '/') ? a + b : a + "\\" + b;
}

bool fileExists(const std::string& path) { return GetFileAttributesW(widen(path).c_str()) != INVALID_FILE_ATTRIBUTES; }

void* loadLibrary(const std::string& path, std::string& error) {
    HMODULE handle = LoadLibraryExW(widen(path).c_str(), nullptr, LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR |
                                                                    LOAD_LIBRARY_SEARCH_DEFAULT_DIRS);
    if (handle == nullptr) error = "LoadLibrary failed with error " + std::to_string(GetLastError());
    return handle;
}

void* findSymbol(void* library, const char* name) {
    return reinterpret_cast<void*>(GetProcAddress(static_cast<HMODULE>(library), name));
}

void pinModule() {
    HMODULE module = nullptr;
    GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_PIN,
                       reinterpret_cast<LPCWSTR>(&thisModule), &module);
}

std::string logDirectory() {
    PWSTR local = nullptr;
    if (FAILED(SHGetKnownFolderPath(FOLDERID_LocalAppData, 0, nullptr, &local))) return {};
    std::wstring dir = std::wstring(local) + L"\\Sideman";
    CoTaskMemFree(local);
    CreateDirectoryW(dir.c_str(), nullptr);
    return narrow(dir);
}

void appendLine(const std::string& path, const std::string& line) {
    FILE* file = _wfopen(widen(path).c_str(), L"ab");
    if (file == nullptr) return;
    std::fputs(line.c_str(), file);
    std::fputs("\r\n", file);
    std::fclose(file);
}

long processId() { return static_cast<long>(GetCurrentProcessId()); }

std::basic_string<HostChar> toHostString(const std::string& utf8) { return widen(utf8); }
std::string fromHostString(const HostChar* text) { return text != nullptr ? narrow(text) : std::string(); }

} // namespace sideman::platform
