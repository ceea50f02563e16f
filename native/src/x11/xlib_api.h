// The few Xlib types and entry points Sideman uses, declared here from the public, documented Xlib API
// (so neither the bridge nor the test host needs X headers to build), and loaded from libX11.so.6 at run time
// with dlopen: the bridge still loads where there is no X at all (a headless render server), and nothing of
// X is linked into it.
#pragma once

#include <cstdint>
#include <string>

namespace sideman::x11 {

struct Display;    // opaque
struct Visual;     // opaque
struct GCRecord;   // opaque
using GC = GCRecord*;
using XID = unsigned long;
using Window = XID;
using Drawable = XID;
using Atom = unsigned long;
using Time = unsigned long;
using KeySym = unsigned long;
using Bool = int;
using Status = int;

struct XImage;

// The image's functions (XDestroyImage is a macro over the first two).
struct XImageFunctions {
    XImage* (*create_image)(Display*, Visual*, unsigned int, int, int, char*, unsigned int, unsigned int, int, int);
    int (*destroy_image)(XImage*);
    unsigned long (*get_pixel)(XImage*, int, int);
    int (*put_pixel)(XImage*, int, int, unsigned long);
    XImage* (*sub_image)(XImage*, int, int, unsigned int, unsigned int);
    int (*add_pixel)(XImage*, long);
};

struct XImage {
    int width, height;
    int xoffset;
    int format;
    char* data;
    int byte_order;
    int bitmap_unit;
    int bitmap_bit_order;
    int bitmap_pad;
    int depth;
    int bytes_per_line;
    int bits_per_pixel;
    unsigned long red_mask;
    unsigned long green_mask;
    unsigned long blue_mask;
    char* obdata;
    XImageFunctions f;
};

// Event structures: the common head, then what each kind carries.
struct XAnyEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window window;
};

struct XButtonEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window window;
    Window root;
    Window subwindow;
    Time time;
    int x, y;
    int x_root, y_root;
    unsigned int state;
    unsigned int button;
    Bool same_screen;
};

struct XMotionEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window window;
    Window root;
    Window subwindow;
    Time time;
    int x, y;
    int x_root, y_root;
    unsigned int state;
    char is_hint;
    Bool same_screen;
};

struct XKeyEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window window;
    Window root;
    Window subwindow;
    Time time;
    int x, y;
    int x_root, y_root;
    unsigned int state;
    unsigned int keycode;
    Bool same_screen;
};

struct XExposeEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window window;
    int x, y;
    int width, height;
    int count;
};

struct XConfigureEvent {
    int type;
    unsigned long serial;
    Bool send_event;
    Display* display;
    Window event;
    Window window;
    int x, y;
    int width, height;
    int border_width;
    Window above;
    Bool override_redirect;
};

union XEvent {
    int type;
    XAnyEvent xany;
    XButtonEvent xbutton;
    XMotionEvent xmotion;
    XKeyEvent xkey;
    XExposeEvent xexpose;
    XConfigureEvent xconfigure;
    long pad[24];
};
static_assert(sizeof(XEvent) == 24 * sizeof(long), "XEvent is 24 longs");

struct XErrorEvent {
    int type;
    Display* display;
    XID resourceid;
    unsigned long serial;
    unsigned char error_code;
    unsigned char request_code;
    unsigned char minor_code;
};

using XErrorHandler = int (*)(Display*, XErrorEvent*);

// Protocol constants used here.
enum : int {
    KeyPress = 2, KeyRelease = 3, ButtonPress = 4, ButtonRelease = 5, MotionNotify = 6,
    FocusIn = 9, FocusOut = 10, Expose = 12, DestroyNotify = 17, ConfigureNotify = 22
};
enum : long {
    KeyPressMask = 1L << 0, ButtonPressMask = 1L << 2, ButtonReleaseMask = 1L << 3, PointerMotionMask = 1L << 6,
    Button1MotionMask = 1L << 8, ExposureMask = 1L << 15, StructureNotifyMask = 1L << 17, FocusChangeMask = 1L << 21
};
enum : unsigned int { Button1Mask = 1u << 8, ShiftMask = 1u << 0, ControlMask = 1u << 2 };
enum : int { ZPixmap = 2, PropModeReplace = 0, RevertToParent = 2, CurrentTime = 0 };
constexpr Atom XA_CARDINAL = 6;

// Key symbols the editor acts on.
enum : KeySym {
    XK_BackSpace = 0xff08, XK_Tab = 0xff09, XK_Return = 0xff0d, XK_Escape = 0xff1b, XK_Home = 0xff50,
    XK_Left = 0xff51, XK_Right = 0xff53, XK_End = 0xff57, XK_KP_Enter = 0xff8d, XK_Delete = 0xffff,
    XK_ISO_Left_Tab = 0xfe20
};

// libX11's entry points, resolved at run time.
struct Xlib {
    Display* (*XOpenDisplay)(const char*);
    int (*XCloseDisplay)(Display*);
    int (*XConnectionNumber)(Display*);
    int (*XDefaultScreen)(Display*);
    Visual* (*XDefaultVisual)(Display*, int);
    int (*XDefaultDepth)(Display*, int);
    Window (*XRootWindow)(Display*, int);
    Window (*XCreateSimpleWindow)(Display*, Window, int, int, unsigned int, unsigned int, unsigned int, unsigned long, unsigned long);
    int (*XDestroyWindow)(Display*, Window);
    int (*XMapWindow)(Display*, Window);
    int (*XSelectInput)(Display*, Window, long);
    int (*XResizeWindow)(Display*, Window, unsigned int, unsigned int);
    GC (*XCreateGC)(Display*, Drawable, unsigned long, void*);
    int (*XFreeGC)(Display*, GC);
    XImage* (*XCreateImage)(Display*, Visual*, unsigned int, int, int, char*, unsigned int, unsigned int, int, int);
    int (*XPutImage)(Display*, Drawable, GC, XImage*, int, int, int, int, unsigned int, unsigned int);
    XImage* (*XGetImage)(Display*, Drawable, int, int, unsigned int, unsigned int, unsigned long, int);
    int (*XFree)(void*);
    int (*XFlush)(Display*);
    int (*XSync)(Display*, Bool);
    int (*XPending)(Display*);
    int (*XNextEvent)(Display*, XEvent*);
    int (*XLookupString)(XKeyEvent*, char*, int, KeySym*, void*);
    Atom (*XInternAtom)(Display*, const char*, Bool);
    int (*XChangeProperty)(Display*, Window, Atom, Atom, int, int, const unsigned char*, int);
    int (*XSetInputFocus)(Display*, Window, int, Time);
    XErrorHandler (*XSetErrorHandler)(XErrorHandler);
    Status (*XQueryTree)(Display*, Window, Window*, Window*, Window**, unsigned int*);
    Status (*XGetGeometry)(Display*, Drawable, Window*, int*, int*, unsigned int*, unsigned int*, unsigned int*, unsigned int*);
    Bool (*XTranslateCoordinates)(Display*, Window, Window, int, int, int*, int*, Window*);
};

// [main] libX11, loaded once per process on first use; null with the reason when it cannot be (no X here).
const Xlib* xlib(std::string& error);

} // namespace sideman::x11
