// Loads libXext.so.6 and resolves the XShm entry points xshm_api.h declares.
#include "xshm_api.h"

#include <dlfcn.h>

#include "resolve_symbol.h"

namespace sideman::x11 {

namespace {

bool load(XShm& x, std::string& error) {
    void* library = dlopen("libXext.so.6", RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* why = dlerror();
        error = std::string("libXext.so.6 could not be loaded (") + (why != nullptr ? why : "unknown") + ")";
        return false;
    }
#define SIDEMAN_XSHM(name) resolveSymbol(library, "libXext", #name, x.name, error)
    const bool ok = SIDEMAN_XSHM(XShmQueryExtension) & SIDEMAN_XSHM(XShmCreateImage) & SIDEMAN_XSHM(XShmAttach) &
                    SIDEMAN_XSHM(XShmDetach) & SIDEMAN_XSHM(XShmPutImage);
#undef SIDEMAN_XSHM
    return ok; // the library stays loaded for the life of the process
}

} // namespace

const XShm* xshm(std::string& error) {
    static XShm table{};
    static std::string failure;
    static const bool loaded = load(table, failure);
    if (!loaded) {
        error = failure;
        return nullptr;
    }
    return &table;
}

} // namespace sideman::x11
