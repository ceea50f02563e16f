// What the tests ask the OS about the process they run in (os_probe_linux.cpp reads /proc,
// os_probe_windows.cpp asks Win32). Paths are UTF-8.
#pragma once

#include <string>

namespace sideman::test {

// Resident set (Windows: working set) of this process in KiB, -1 where unknown.
long residentKiB();

// The file the CLR of this process was loaded from (libcoreclr.so / coreclr.dll), empty if none.
std::string loadedClrPath();
// Where it must come from: the bundle's own runtime for this OS.
std::string bundledClrPath(const std::string& bundle);
// A folder whose presence means a system-wide .NET is visible to the process.
std::string systemDotnetFolder();

bool pathExists(const std::string& path);
// Linux: the same string (what /proc shows is what was loaded); Windows: the same full path,
// ignoring case and separator style.
bool samePath(const std::string& a, const std::string& b);

// The folder the bridge writes sideman.log into, as the bridge finds it: $XDG_CACHE_HOME/Sideman
// (empty when XDG_CACHE_HOME is not set: tests that read the log need a private one) or
// %LOCALAPPDATA%\Sideman (the known folder).
std::string bridgeLogFolder();

} // namespace sideman::test
