// Loads libX11.so.6 and resolves the entry points xlib_api.h declares.
#include "xlib_api.h"

#include <dlfcn.h>

#include "resolve_symbol.h"

namespace sideman::x11 {

namespace {

bool load(Xlib& x, std::string& error) {
    // RTLD_LOCAL: our lookup only; a host that uses X has the same library loaded already.
    void* library = dlopen("libX11.so.6", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = dlerror();
        error = std::string("libX11.so.6 could not be loaded (") + (why != nullptr ? why : "unknown") +
                "): the editor needs X11 (install libx11-6)";
        return false;
    }
#define SIDEMAN_X(name) resolveSymbol(library, "libX11", #name, x.name, error)
    bool ok = SIDEMAN_X(XOpenDisplay) & SIDEMAN_X(XCloseDisplay) & SIDEMAN_X(XConnectionNumber) & SIDEMAN_X(XDefaultScreen) &
              SIDEMAN_X(XDefaultVisual) & SIDEMAN_X(XDefaultDepth) & SIDEMAN_X(XRootWindow) & SIDEMAN_X(XCreateSimpleWindow) &
              SIDEMAN_X(XDestroyWindow) & SIDEMAN_X(XMapWindow) & SIDEMAN_X(XSelectInput) & SIDEMAN_X(XResizeWindow) &
              SIDEMAN_X(XCreateGC) & SIDEMAN_X(XFreeGC) & SIDEMAN_X(XCreateImage) & SIDEMAN_X(XPutImage) & SIDEMAN_X(XGetImage) &
              SIDEMAN_X(XFree) & SIDEMAN_X(XFlush) & SIDEMAN_X(XSync) & SIDEMAN_X(XPending) & SIDEMAN_X(XNextEvent) &
              SIDEMAN_X(XLookupString) & SIDEMAN_X(XInternAtom) & SIDEMAN_X(XChangeProperty) & SIDEMAN_X(XSetInputFocus) &
              SIDEMAN_X(XSetErrorHandler) & SIDEMAN_X(XQueryTree) & SIDEMAN_X(XGetGeometry) & SIDEMAN_X(XTranslateCoordinates);
#undef SIDEMAN_X
    // The library stays loaded for the life of the process (X may hold callbacks into it).
    return ok;
}

} // namespace

const Xlib* xlib(std::string& error) {
    static Xlib table{};
    static std::string failure;
    static const bool loaded = load(table, failure);
    if (!loaded) {
        error = failure;
        return nullptr;
    }
    return &table;
}

} // namespace sideman::x11
