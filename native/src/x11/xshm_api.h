// The MIT-SHM entry points the editor uses to show its pixels through shared memory, declared from the documented
// XShm API and loaded from libXext.so.6 at run time (like xlib_api.h): without libXext, or on an X server without
// the extension (a remote display), the editor shows its pixels with XPutImage instead.
#pragma once

#include "xlib_api.h"

namespace sideman::x11 {

using ShmSeg = XID;

struct XShmSegmentInfo {
    ShmSeg shmseg;
    int shmid;
    char* shmaddr;
    Bool readOnly;
};

struct XShm {
    Bool (*XShmQueryExtension)(Display*);
    XImage* (*XShmCreateImage)(Display*, Visual*, unsigned int, int, char*, XShmSegmentInfo*, unsigned int, unsigned int);
    Bool (*XShmAttach)(Display*, XShmSegmentInfo*);
    Bool (*XShmDetach)(Display*, XShmSegmentInfo*);
    Bool (*XShmPutImage)(Display*, Drawable, GC, XImage*, int, int, int, int, unsigned int, unsigned int, Bool);
};

// [main] libXext's XShm functions, loaded once per process on first use; null with the reason when they cannot be.
const XShm* xshm(std::string& error);

} // namespace sideman::x11
