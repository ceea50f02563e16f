// The only OS-specific surface of the bridge. One implementation per OS:
// platform_linux.cpp (built here), platform_windows.cpp, platform_macos.cpp.
#pragma once

#include <string>

namespace sideman::platform {

// Folder that holds this module's binary (UTF-8), e.g. ".../Sideman.vst3/Contents/x86_64-linux".
std::string moduleDirectory();

// This system's self-contained .NET publish (the runtime, the managed plugin, ONNX Runtime), derived from
// moduleDirectory(): Contents/<arch>-linux/dotnet, Contents/x86_64-win/dotnet, Contents/Frameworks/dotnet.
// Per system because the runtime and the ahead-of-time compiled assemblies are; Contents/Resources holds
// only what every system shares (model, sounds, moduleinfo.json).
std::string runtimeDirectory();

// File name of the .NET host resolver inside a self-contained publish folder.
const char* hostfxrFileName();

// File name of the managed plugin's apphost in that folder (what `dotnet publish` names it on this OS).
// hostfxr is told it is the running host; the bridge never starts it as a process.
const char* appHostFileName();

// Joins two path parts with the OS separator.
std::string joinPath(const std::string& a, const std::string& b);

bool fileExists(const std::string& path);

// Loads a shared library; on failure returns nullptr and fills error.
void* loadLibrary(const std::string& path, std::string& error);
void* findSymbol(void* library, const char* name);

// Keeps this module mapped for the life of the process (the CLR cannot be unloaded, and
// our runtime handle must survive a host's unload/reload of the module).
void pinModule();

// Per-user log folder: $XDG_CACHE_HOME/Sideman, ~/.cache/Sideman, %LOCALAPPDATA%\Sideman,
// ~/Library/Caches/Sideman. Created if missing; empty string if it cannot be.
std::string logDirectory();

// Appends one line to a file (creating it); no exceptions.
void appendLine(const std::string& path, const std::string& line);

// Process id, for log lines.
long processId();

// Strings as the .NET host API (hostfxr's char_t) wants them: UTF-16 on Windows, UTF-8 elsewhere.
#if defined(_WIN32)
using HostChar = wchar_t;
#else
using HostChar = char;
#endif
std::basic_string<HostChar> toHostString(const std::string& utf8);
std::string fromHostString(const HostChar* text);

} // namespace sideman::platform
