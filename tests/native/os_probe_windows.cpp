// Windows: psapi for memory, the module list for the CLR, the LocalAppData known folder for the log.
#include <windows.h>
#include <psapi.h>
#include <shlobj.h>

#include "os_probe.h"
#include "utf8_system.h"

namespace sideman::test {

namespace {
std::wstring fullPath(const std::string& path) {
    const std::wstring wide = host::toWide(path);
    std::wstring full(32768, L'\0');
    const DWORD n = GetFullPathNameW(wide.c_str(), static_cast<DWORD>(full.size()), full.data(), nullptr);
    if (n == 0 || n >= full.size()) return wide;
    full.resize(n);
    return full;
}
} // namespace

long residentKiB() {
    PROCESS_MEMORY_COUNTERS counters{};
    if (!GetProcessMemoryInfo(GetCurrentProcess(), &counters, sizeof counters)) return -1;
    return static_cast<long>(counters.WorkingSetSize / 1024);
}

std::string loadedClrPath() {
    HMODULE clr = GetModuleHandleW(L"coreclr.dll");
    if (clr == nullptr) return {};
    std::wstring path(32768, L'\0');
    path.resize(GetModuleFileNameW(clr, path.data(), static_cast<DWORD>(path.size())));
    return host::fromWide(path);
}

std::string bundledClrPath(const std::string& bundle) { return bundle + "/Contents/x86_64-win/dotnet/coreclr.dll"; }

std::string systemDotnetFolder() {
    std::string programFiles = "C:\\Program Files";
    host::environmentVariable("ProgramFiles", programFiles);
    return programFiles + "\\dotnet\\shared";
}

bool pathExists(const std::string& path) { return GetFileAttributesW(host::toWide(path).c_str()) != INVALID_FILE_ATTRIBUTES; }

bool samePath(const std::string& a, const std::string& b) {
    const std::wstring x = fullPath(a), y = fullPath(b);
    return CompareStringOrdinal(x.c_str(), static_cast<int>(x.size()), y.c_str(), static_cast<int>(y.size()), TRUE) ==
           CSTR_EQUAL;
}

std::string bridgeLogFolder() {
    PWSTR local = nullptr;
    if (FAILED(SHGetKnownFolderPath(FOLDERID_LocalAppData, 0, nullptr, &local))) return {};
    const std::string folder = host::fromWide(local) + "\\Sideman";
    CoTaskMemFree(local);
    return folder;
}

} // namespace sideman::test
