// One entry point of a library opened with dlopen, for the X11 loaders (xlib_api.cpp, xshm_api.cpp).
#pragma once

#include <dlfcn.h>

#include <string>

namespace sideman::x11 {

// Resolves `name` into `into`; false when the library lacks it, and the first such name goes into error.
template <typename F>
bool resolveSymbol(void* library, const char* libraryName, const char* name, F& into, std::string& error) {
    into = reinterpret_cast<F>(dlsym(library, name));
    if (into == nullptr && error.empty()) error = std::string(libraryName) + " lacks " + name;
    return into != nullptr;
}

} // namespace sideman::x11
