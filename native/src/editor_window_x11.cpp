// The editor's window on Linux: an X11 child of the host's window (XEmbed), on a display connection of its own.
// No thread: the connection's file descriptor and a frame timer are registered with the host's IRunLoop, which
// calls back on its UI thread. Pixels are shown through MIT-SHM where the X server offers it (a local server: one
// copy into shared memory, no 2 MB of pixels through the socket each frame), else with XPutImage.
#include <sys/ipc.h>
#include <sys/shm.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <vector>

#include "com_object.h"
#include "editor_window.h"
#include "log.h"
#include "sideman/bridge_abi.h"
#include "x11/xlib_api.h"
#include "x11/xshm_api.h"

namespace sideman {

using namespace vst3;
using namespace vst3::linux_ui;

namespace {

constexpr TimerInterval kFrameMilliseconds = 33; // ~30 frames a second: the roll and playhead move smoothly enough

// Many displays may be open in one process (the host's, ours); Xlib reports every protocol error to one global
// handler, whose default ends the process. Ours ignores (and logs) errors on our own displays, where a host that
// destroys its parent window before removed() makes our last calls fail, and hands the rest to the handler before.
// The handler runs on whichever thread's Xlib call met the error (the host's threads too): the list is guarded.
x11::XErrorHandler previousHandler = nullptr;
std::vector<x11::Display*> ourDisplays;
std::mutex displaysGuard;
std::atomic<int> ourErrors{0}; // errors met on our displays: a failed MIT-SHM attach shows here after XSync

bool isOurs(x11::Display* display) {
    std::lock_guard<std::mutex> lock(displaysGuard);
    return std::find(ourDisplays.begin(), ourDisplays.end(), display) != ourDisplays.end();
}

int onXError(x11::Display* display, x11::XErrorEvent* error) {
    if (isOurs(display)) {
        ourErrors.fetch_add(1);
        logLine("editor: X error " + std::to_string(error->error_code) + " (request " + std::to_string(error->request_code) +
                ") ignored");
        return 0;
    }
    return previousHandler != nullptr ? previousHandler(display, error) : 0;
}

class X11Window;

// The run loop calls these two small COM objects; each forwards to the window until the window is closed.
class FrameTimer final : public ComObject, public ITimerHandler {
public:
    explicit FrameTimer(X11Window* window) : window_(window) {}
    tresult VST3_API queryInterface(const TUID iid, void** obj) override {
        if (offerInterface<ITimerHandler>(iid, FUnknown::iid, this, obj) || offerInterface<ITimerHandler>(iid, ITimerHandler::iid, this, obj))
            return kResultOk;
        *obj = nullptr;
        return kNoInterface;
    }
    SIDEMAN_COM_REFCOUNT
    void VST3_API onTimer() override;
    X11Window* window_;
};

class ConnectionHandler final : public ComObject, public IEventHandler {
public:
    explicit ConnectionHandler(X11Window* window) : window_(window) {}
    tresult VST3_API queryInterface(const TUID iid, void** obj) override {
        if (offerInterface<IEventHandler>(iid, FUnknown::iid, this, obj) || offerInterface<IEventHandler>(iid, IEventHandler::iid, this, obj))
            return kResultOk;
        *obj = nullptr;
        return kNoInterface;
    }
    SIDEMAN_COM_REFCOUNT
    void VST3_API onFDIsSet(FileDescriptor) override;
    X11Window* window_;
};

class X11Window final : public EditorWindow {
public:
    X11Window(EditorWindowClient& client, const x11::Xlib& x) : client_(client), x_(x) {}

    ~X11Window() override { close(); }

    bool open(x11::Window parent, IPlugFrame* frame, int32_t width, int32_t height, std::string& error) {
        if (frame == nullptr || frame->queryInterface(IRunLoop::iid.bytes, reinterpret_cast<void**>(&runLoop_)) != kResultOk ||
            runLoop_ == nullptr) {
            runLoop_ = nullptr;
            error = "the host gave the editor no IRunLoop (VST3 hosts on Linux must offer one through IPlugFrame)";
            return false;
        }
        display_ = x_.XOpenDisplay(nullptr);
        if (display_ == nullptr) {
            error = "no X display could be opened (is DISPLAY set?)";
            return false;
        }
        {
            std::lock_guard<std::mutex> lock(displaysGuard);
            ourDisplays.push_back(display_);
        }
        x11::XErrorHandler before = x_.XSetErrorHandler(&onXError);
        if (before != &onXError) previousHandler = before;
        parent_ = parent;
        const int screen = x_.XDefaultScreen(display_);
        visual_ = x_.XDefaultVisual(display_, screen);
        depth_ = x_.XDefaultDepth(display_, screen);
        window_ = x_.XCreateSimpleWindow(display_, parent, 0, 0, static_cast<unsigned>(width), static_cast<unsigned>(height), 0, 0, 0);
        if (window_ == 0) {
            error = "the editor's X window could not be made";
            return false;
        }
        // XEmbed: version 0, mapped.
        const x11::Atom xembedInfo = x_.XInternAtom(display_, "_XEMBED_INFO", 0);
        const long info[2] = {0, 1};
        x_.XChangeProperty(display_, window_, xembedInfo, xembedInfo, 32, x11::PropModeReplace,
                           reinterpret_cast<const unsigned char*>(info), 2);
        x_.XSelectInput(display_, window_, x11::ExposureMask | x11::ButtonPressMask | x11::ButtonReleaseMask |
                                               x11::PointerMotionMask | x11::KeyPressMask | x11::StructureNotifyMask |
                                               x11::FocusChangeMask);
        gc_ = x_.XCreateGC(display_, window_, 0, nullptr);
        x_.XMapWindow(display_, window_);
        x_.XFlush(display_);
        width_ = width;
        height_ = height;
        timer_ = new FrameTimer(this);
        connection_ = new ConnectionHandler(this);
        if (runLoop_->registerEventHandler(connection_, x_.XConnectionNumber(display_)) != kResultOk ||
            runLoop_->registerTimer(timer_, kFrameMilliseconds) != kResultOk) {
            error = "the host's run loop refused the editor's timer or connection";
            return false;
        }
        return true;
    }

    void resize(int32_t width, int32_t height) override {
        width_ = width;
        height_ = height;
        if (display_ != nullptr && window_ != 0) {
            x_.XResizeWindow(display_, window_, static_cast<unsigned>(width), static_cast<unsigned>(height));
            x_.XFlush(display_);
        }
    }

    void present(const uint32_t* pixels, int32_t width, int32_t height) override {
        if (display_ == nullptr || window_ == 0 || pixels == nullptr) return;
        if (presentShared(pixels, width, height)) return;
        if (image_ == nullptr || imagePixels_ != pixels || image_->width != width || image_->height != height) {
            releaseImage();
            // The image only describes our buffer (ZPixmap, 32 bits a pixel): BGRA bytes are the 24-bit TrueColor
            // visual's pixels on a little-endian machine.
            image_ = x_.XCreateImage(display_, visual_, static_cast<unsigned>(depth_), x11::ZPixmap, 0,
                                     const_cast<char*>(reinterpret_cast<const char*>(pixels)), static_cast<unsigned>(width),
                                     static_cast<unsigned>(height), 32, width * 4);
            imagePixels_ = pixels;
            if (image_ == nullptr) return;
        }
        x_.XPutImage(display_, window_, gc_, image_, 0, 0, 0, 0, static_cast<unsigned>(width), static_cast<unsigned>(height));
        x_.XFlush(display_);
    }

    void takeKeyboard(bool take) override {
        if (display_ == nullptr || window_ == 0 || take == hasKeyboard_) return;
        hasKeyboard_ = take;
        x_.XSetInputFocus(display_, take ? window_ : parent_, x11::RevertToParent, x11::CurrentTime);
        x_.XFlush(display_);
    }

    void timerFired() {
        drainEvents();
        if (display_ != nullptr) client_.frameTick();
    }

    void drainEvents() {
        while (display_ != nullptr && x_.XPending(display_) > 0) {
            x11::XEvent e{};
            x_.XNextEvent(display_, &e);
            handle(e);
        }
    }

private:
    void handle(x11::XEvent& e) {
        switch (e.type) {
        case x11::ButtonPress:
        case x11::ButtonRelease: {
            const auto& b = e.xbutton;
            const float x = static_cast<float>(b.x), y = static_cast<float>(b.y);
            lastX_ = x;
            lastY_ = y;
            if (b.button == 1)
                client_.pointerEvent(e.type == x11::ButtonPress ? SM_POINTER_DOWN : SM_POINTER_UP, x, y, 0);
            else if ((b.button == 4 || b.button == 5) && e.type == x11::ButtonPress)
                client_.pointerEvent(SM_POINTER_WHEEL, x, y, b.button == 4 ? 1.0f : -1.0f);
            break;
        }
        case x11::MotionNotify: {
            const auto& m = e.xmotion;
            lastX_ = static_cast<float>(m.x);
            lastY_ = static_cast<float>(m.y);
            if ((m.state & x11::Button1Mask) != 0) client_.pointerEvent(SM_POINTER_DRAG, lastX_, lastY_, 0);
            break;
        }
        case x11::KeyPress: {
            char text[8] = {};
            x11::KeySym sym = 0;
            const int n = x_.XLookupString(&e.xkey, text, sizeof text - 1, &sym, nullptr);
            int32_t key = -1;
            uint32_t character = 0;
            switch (sym) {
            case x11::XK_BackSpace: key = SM_KEY_BACKSPACE; break;
            case x11::XK_Delete: key = SM_KEY_DELETE; break;
            case x11::XK_Left: key = SM_KEY_LEFT; break;
            case x11::XK_Right: key = SM_KEY_RIGHT; break;
            case x11::XK_Home: key = SM_KEY_HOME; break;
            case x11::XK_End: key = SM_KEY_END; break;
            case x11::XK_Return:
            case x11::XK_KP_Enter: key = SM_KEY_ENTER; break;
            case x11::XK_Escape: key = SM_KEY_ESCAPE; break;
            case x11::XK_Tab:
            case x11::XK_ISO_Left_Tab: key = SM_KEY_TAB; break;
            default:
                // XLookupString gives Latin-1 for the keys it knows; printable ones are typed text.
                if (n == 1 && static_cast<unsigned char>(text[0]) >= 0x20 && static_cast<unsigned char>(text[0]) != 0x7f) {
                    key = SM_KEY_CHARACTER;
                    character = static_cast<unsigned char>(text[0]);
                }
            }
            if (key >= 0) client_.keyEvent(key, character);
            break;
        }
        case x11::Expose:
            if (e.xexpose.count == 0) client_.exposed();
            break;
        default:
            break;
        }
    }

    // MIT-SHM: the pixels are copied into a segment the X server reads. False (use XPutImage) when the server or the
    // system cannot share memory with us; decided once per window (SIDEMAN_EDITOR_NO_SHM=1 says no) and logged.
    bool presentShared(const uint32_t* pixels, int32_t width, int32_t height) {
        if (shmRefused_) return false;
        if (shmImage_ == nullptr || shmImage_->width != width || shmImage_->height != height) {
            releaseShared();
            std::string why;
            if (!attachShared(width, height, why)) {
                shmRefused_ = true;
                logLine("editor: pixels shown with XPutImage (MIT-SHM: " + why + ")");
                return false;
            }
            if (!shmLogged_) logLine("editor: pixels shown through MIT-SHM");
            shmLogged_ = true;
        }
        std::memcpy(shm_.shmaddr, pixels, static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
        xshm_->XShmPutImage(display_, window_, gc_, shmImage_, 0, 0, 0, 0, static_cast<unsigned>(width), static_cast<unsigned>(height), 0);
        // The server has read the segment before the next frame is copied into it.
        x_.XSync(display_, 0);
        return true;
    }

    bool attachShared(int32_t width, int32_t height, std::string& why) {
        const char* off = std::getenv("SIDEMAN_EDITOR_NO_SHM");
        if (off != nullptr && off[0] != '\0' && off[0] != '0') {
            why = "off (SIDEMAN_EDITOR_NO_SHM)";
            return false;
        }
        if (xshm_ == nullptr) xshm_ = x11::xshm(why);
        if (xshm_ == nullptr) return false;
        if (!xshm_->XShmQueryExtension(display_)) {
            why = "the X server does not offer it";
            return false;
        }
        const size_t bytes = static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
        shm_ = x11::XShmSegmentInfo{};
        shm_.shmid = shmget(IPC_PRIVATE, bytes, IPC_CREAT | 0600);
        if (shm_.shmid < 0) {
            why = "no shared memory segment of " + std::to_string(bytes) + " bytes";
            return false;
        }
        void* address = shmat(shm_.shmid, nullptr, 0);
        if (address == reinterpret_cast<void*>(-1)) {
            shmctl(shm_.shmid, IPC_RMID, nullptr);
            why = "the segment could not be mapped";
            return false;
        }
        shm_.shmaddr = static_cast<char*>(address);
        shm_.readOnly = 1;
        shmImage_ = xshm_->XShmCreateImage(display_, visual_, static_cast<unsigned>(depth_), x11::ZPixmap, shm_.shmaddr, &shm_,
                                           static_cast<unsigned>(width), static_cast<unsigned>(height));
        if (shmImage_ == nullptr || shmImage_->bits_per_pixel != 32 || shmImage_->bytes_per_line != width * 4) {
            if (shmImage_ != nullptr) x_.XFree(shmImage_);
            shmImage_ = nullptr;
            shmdt(shm_.shmaddr);
            shmctl(shm_.shmid, IPC_RMID, nullptr);
            why = "the visual's pixels are not 32-bit rows";
            return false;
        }
        const int errors = ourErrors.load();
        xshm_->XShmAttach(display_, &shm_);
        x_.XSync(display_, 0);
        shmctl(shm_.shmid, IPC_RMID, nullptr); // freed once both sides have detached (or either process ends)
        if (ourErrors.load() != errors) {
            x_.XFree(shmImage_);
            shmImage_ = nullptr;
            shmdt(shm_.shmaddr);
            why = "the X server refused the segment (a display on another machine?)";
            return false;
        }
        shmAttached_ = true;
        return true;
    }

    void releaseShared() {
        if (shmImage_ == nullptr) return;
        if (shmAttached_) xshm_->XShmDetach(display_, &shm_);
        x_.XSync(display_, 0);
        x_.XFree(shmImage_); // the image's description only: the pixels are the segment's
        shmImage_ = nullptr;
        shmdt(shm_.shmaddr);
        shmAttached_ = false;
    }

    void releaseImage() {
        if (image_ != nullptr) {
            image_->data = nullptr; // the pixels are the view's; XFree takes only the description
            x_.XFree(image_);
            image_ = nullptr;
            imagePixels_ = nullptr;
        }
    }

    void close() {
        if (runLoop_ != nullptr) {
            if (timer_ != nullptr) runLoop_->unregisterTimer(timer_);
            if (connection_ != nullptr) runLoop_->unregisterEventHandler(connection_);
        }
        // A late call from the run loop (some hosts deliver one after unregistering) reaches nothing.
        if (timer_ != nullptr) {
            timer_->window_ = nullptr;
            timer_->release();
            timer_ = nullptr;
        }
        if (connection_ != nullptr) {
            connection_->window_ = nullptr;
            connection_->release();
            connection_ = nullptr;
        }
        if (runLoop_ != nullptr) {
            runLoop_->release();
            runLoop_ = nullptr;
        }
        if (display_ != nullptr) {
            releaseImage();
            releaseShared();
            if (gc_ != nullptr) x_.XFreeGC(display_, gc_);
            if (window_ != 0) x_.XDestroyWindow(display_, window_);
            x_.XSync(display_, 0); // errors from a parent already gone arrive here, on our handler
            x_.XCloseDisplay(display_);
            {
                std::lock_guard<std::mutex> lock(displaysGuard);
                ourDisplays.erase(std::find(ourDisplays.begin(), ourDisplays.end(), display_));
            }
            display_ = nullptr;
        }
        gc_ = nullptr;
        window_ = 0;
    }

    EditorWindowClient& client_;
    const x11::Xlib& x_;
    x11::Display* display_ = nullptr;
    x11::Visual* visual_ = nullptr;
    int depth_ = 24;
    x11::Window parent_ = 0;
    x11::Window window_ = 0;
    x11::GC gc_ = nullptr;
    x11::XImage* image_ = nullptr;
    const uint32_t* imagePixels_ = nullptr;
    const x11::XShm* xshm_ = nullptr;
    x11::XShmSegmentInfo shm_{};
    x11::XImage* shmImage_ = nullptr;
    bool shmAttached_ = false, shmRefused_ = false, shmLogged_ = false;
    int32_t width_ = 0, height_ = 0;
    float lastX_ = 0, lastY_ = 0;
    bool hasKeyboard_ = false;
    IRunLoop* runLoop_ = nullptr;
    FrameTimer* timer_ = nullptr;
    ConnectionHandler* connection_ = nullptr;
};

void VST3_API FrameTimer::onTimer() {
    if (window_ != nullptr) window_->timerFired();
}

void VST3_API ConnectionHandler::onFDIsSet(FileDescriptor) {
    if (window_ != nullptr) window_->drainEvents();
}

} // namespace

bool EditorWindow::supports(const char* platformType) {
    return platformType != nullptr && std::strcmp(platformType, kPlatformTypeX11EmbedWindowID) == 0;
}

std::unique_ptr<EditorWindow> EditorWindow::open(EditorWindowClient& client, void* parent, IPlugFrame* frame, int32_t width,
                                                 int32_t height, std::string& error) {
    const x11::Xlib* x = x11::xlib(error);
    if (x == nullptr) return nullptr;
    auto window = std::make_unique<X11Window>(client, *x);
    if (!window->open(static_cast<x11::Window>(reinterpret_cast<uintptr_t>(parent)), frame, width, height, error)) return nullptr;
    return window;
}

} // namespace sideman
