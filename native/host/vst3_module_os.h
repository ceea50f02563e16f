// The OS half of Vst3Module (vst3_module_linux.cpp, vst3_module_windows.cpp): where the module
// binary sits in a bundle and how it is loaded, entered and left. Paths are UTF-8.
#pragma once

#include <string>

namespace sideman::host::os {

// The bundle's Contents/<folder> for this OS and CPU, e.g. "x86_64-linux", "x86_64-win".
const char* archFolder();
// The binary's name after the bundle's, e.g. ".so" (Linux) or ".vst3" (Windows: a DLL).
const char* binarySuffix();
// Characters that end a path component, the one to join with first: "/", Windows "\\/".
const char* pathSeparators();

// Null (error filled) on failure.
void* openLibrary(const std::string& path, std::string& error);
void* findSymbol(void* library, const char* name);
void closeLibrary(void* library);

// The entry point the VST3 spec names for this OS: ModuleEntry(handle) on Linux (required),
// InitDll() on Windows (optional). False with error when it is missing where required or fails.
bool enterModule(void* library, std::string& error);
// ModuleExit() / ExitDll(), when exported.
void exitModule(void* library);

} // namespace sideman::host::os
