#include "editor_host_x11.h"

#include <dlfcn.h>
#include <poll.h>

#include <algorithm>
#include <thread>

namespace sideman::host {

using namespace vst3;
using namespace vst3::linux_ui;
using Clock = std::chrono::steady_clock;

// ---------------------------------------------------------------- RunLoop

RunLoop::~RunLoop() {
    for (Handler& h : handlers_) h.handler->release();
    for (Timer& t : timers_) t.handler->release();
}

tresult VST3_API RunLoop::queryInterface(const TUID iid, void** obj) {
    if (offerInterface<IRunLoop>(iid, FUnknown::iid, this, obj) || offerInterface<IRunLoop>(iid, IRunLoop::iid, this, obj))
        return kResultOk;
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API RunLoop::registerEventHandler(IEventHandler* handler, FileDescriptor fd) {
    if (handler == nullptr || fd < 0) return kInvalidArgument;
    handler->addRef();
    handlers_.push_back({handler, fd});
    return kResultOk;
}

tresult VST3_API RunLoop::unregisterEventHandler(IEventHandler* handler) {
    auto it = std::find_if(handlers_.begin(), handlers_.end(), [&](const Handler& h) { return h.handler == handler; });
    if (it == handlers_.end()) return kInvalidArgument;
    it->handler->release();
    handlers_.erase(it);
    return kResultOk;
}

tresult VST3_API RunLoop::registerTimer(ITimerHandler* handler, TimerInterval ms) {
    if (handler == nullptr || ms == 0) return kInvalidArgument;
    handler->addRef();
    const auto interval = std::chrono::milliseconds(ms);
    timers_.push_back({handler, interval, Clock::now() + interval});
    return kResultOk;
}

tresult VST3_API RunLoop::unregisterTimer(ITimerHandler* handler) {
    auto it = std::find_if(timers_.begin(), timers_.end(), [&](const Timer& t) { return t.handler == handler; });
    if (it == timers_.end()) return kInvalidArgument;
    it->handler->release();
    timers_.erase(it);
    return kResultOk;
}

void RunLoop::runFor(std::chrono::milliseconds duration) {
    const auto end = Clock::now() + duration;
    for (;;) {
        auto now = Clock::now();
        auto wake = end;
        for (const Timer& t : timers_) wake = std::min(wake, t.due);
        std::vector<pollfd> fds;
        for (const Handler& h : handlers_) fds.push_back({h.fd, POLLIN, 0});
        const int timeout = static_cast<int>(std::max<int64_t>(0, std::chrono::duration_cast<std::chrono::milliseconds>(wake - now).count()));
        if (fds.empty())
            std::this_thread::sleep_for(std::chrono::milliseconds(timeout));
        else
            poll(fds.data(), fds.size(), timeout);
        // Handlers may unregister themselves (or others) from inside a callback: work on copies, addRef'd.
        std::vector<Handler> ready;
        for (size_t i = 0; i < fds.size() && i < handlers_.size(); ++i)
            if ((fds[i].revents & POLLIN) != 0) ready.push_back(handlers_[i]);
        for (Handler& h : ready) h.handler->addRef();
        for (Handler& h : ready) {
            h.handler->onFDIsSet(h.fd);
            h.handler->release();
        }
        now = Clock::now();
        std::vector<ITimerHandler*> due;
        for (Timer& t : timers_) {
            if (t.due <= now) {
                due.push_back(t.handler);
                t.due = now + t.interval;
            }
        }
        for (ITimerHandler* t : due) t->addRef();
        for (ITimerHandler* t : due) {
            ++timerCalls;
            t->onTimer();
            t->release();
        }
        if (Clock::now() >= end) return;
    }
}

// ---------------------------------------------------------------- PlugFrame

PlugFrame::PlugFrame(RunLoop* loop, const x11::Xlib& x, x11::Display* display, x11::Window parent)
    : loop_(loop), x_(x), display_(display), parent_(parent) {
    loop_->addRef();
}

PlugFrame::~PlugFrame() { loop_->release(); }

tresult VST3_API PlugFrame::queryInterface(const TUID iid, void** obj) {
    if (offerInterface<IPlugFrame>(iid, FUnknown::iid, this, obj) || offerInterface<IPlugFrame>(iid, IPlugFrame::iid, this, obj))
        return kResultOk;
    if (uidEquals(iid, IRunLoop::iid)) {
        loop_->addRef();
        *obj = static_cast<IRunLoop*>(loop_);
        return kResultOk;
    }
    *obj = nullptr;
    return kNoInterface;
}

tresult VST3_API PlugFrame::resizeView(IPlugView* view, ViewRect* newSize) {
    if (view == nullptr || newSize == nullptr) return kInvalidArgument;
    resizes.push_back(*newSize);
    // As a DAW does: the window first, then the view is told its new size in the same call.
    x_.XResizeWindow(display_, parent_, static_cast<unsigned>(newSize->width()), static_cast<unsigned>(newSize->height()));
    x_.XFlush(display_);
    return view->onSize(newSize);
}

// ---------------------------------------------------------------- EditorHost

std::unique_ptr<EditorHost> EditorHost::open(int32_t width, int32_t height, std::string& error) {
    const x11::Xlib* x = x11::xlib(error);
    if (x == nullptr) return nullptr;
    void* xtst = dlopen("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);
    if (xtst == nullptr) {
        error = "libXtst.so.6 (the XTEST client library) is missing: apt-get install libxtst6";
        return nullptr;
    }
    std::unique_ptr<EditorHost> host(new EditorHost());
    host->x_ = x;
    host->fakeButton_ = reinterpret_cast<decltype(host->fakeButton_)>(dlsym(xtst, "XTestFakeButtonEvent"));
    host->fakeMotion_ = reinterpret_cast<decltype(host->fakeMotion_)>(dlsym(xtst, "XTestFakeMotionEvent"));
    auto query = reinterpret_cast<x11::Bool (*)(x11::Display*, int*, int*, int*, int*)>(dlsym(xtst, "XTestQueryExtension"));
    host->display_ = x->XOpenDisplay(nullptr);
    if (host->display_ == nullptr) {
        error = "no X display (is DISPLAY set? the editor tests run under Xvfb)";
        return nullptr;
    }
    int eventBase = 0, errorBase = 0, major = 0, minor = 0;
    if (host->fakeButton_ == nullptr || host->fakeMotion_ == nullptr || query == nullptr ||
        !query(host->display_, &eventBase, &errorBase, &major, &minor)) {
        error = "the X server has no XTEST extension";
        return nullptr;
    }
    const int screen = x->XDefaultScreen(host->display_);
    host->parent_ = x->XCreateSimpleWindow(host->display_, x->XRootWindow(host->display_, screen), 0, 0, static_cast<unsigned>(width),
                                           static_cast<unsigned>(height), 0, 0, 0x202020);
    x->XMapWindow(host->display_, host->parent_);
    x->XSync(host->display_, 0);
    host->loop_ = new RunLoop();
    host->frame_ = new PlugFrame(host->loop_, *x, host->display_, host->parent_);
    return host;
}

EditorHost::~EditorHost() {
    if (view_ != nullptr) detach();
    if (frame_ != nullptr) frame_->release();
    if (loop_ != nullptr) loop_->release();
    if (display_ != nullptr) {
        if (parent_ != 0) x_->XDestroyWindow(display_, parent_);
        x_->XCloseDisplay(display_);
    }
}

tresult EditorHost::attach(IPlugView* view) {
    if (view == nullptr || view_ != nullptr) return kInvalidArgument;
    view->setFrame(frame_);
    ViewRect size{};
    if (view->getSize(&size) == kResultOk && size.width() > 0 && size.height() > 0) resizeParent(size.width(), size.height());
    const tresult rc = view->attached(reinterpret_cast<void*>(static_cast<uintptr_t>(parent_)), kPlatformTypeX11EmbedWindowID);
    if (rc == kResultOk) {
        view_ = view;
        view_->addRef();
    } else {
        view->setFrame(nullptr);
    }
    return rc;
}

tresult EditorHost::detach() {
    if (view_ == nullptr) return kInvalidArgument;
    const tresult rc = view_->removed();
    view_->setFrame(nullptr);
    view_->release();
    view_ = nullptr;
    return rc;
}

x11::Window EditorHost::child() const {
    x11::Window root = 0, parent = 0;
    x11::Window* children = nullptr;
    unsigned int count = 0;
    x_->XSync(display_, 0);
    if (x_->XQueryTree(display_, parent_, &root, &parent, &children, &count) == 0) return 0;
    const x11::Window first = count > 0 ? children[0] : 0;
    if (children != nullptr) x_->XFree(children);
    return first;
}

bool EditorHost::childSize(x11::Window child, uint32_t& width, uint32_t& height) const {
    x11::Window root = 0;
    int px = 0, py = 0;
    unsigned int border = 0, depth = 0;
    x_->XSync(display_, 0);
    return child != 0 && x_->XGetGeometry(display_, child, &root, &px, &py, &width, &height, &border, &depth) != 0;
}

void EditorHost::resizeParent(int32_t width, int32_t height) {
    x_->XResizeWindow(display_, parent_, static_cast<unsigned>(width), static_cast<unsigned>(height));
    x_->XSync(display_, 0);
}

bool EditorHost::moveTo(int32_t x, int32_t y) {
    const x11::Window target = child();
    if (target == 0) return false;
    const int screen = x_->XDefaultScreen(display_);
    int rx = 0, ry = 0;
    x11::Window inside = 0;
    if (!x_->XTranslateCoordinates(display_, target, x_->XRootWindow(display_, screen), x, y, &rx, &ry, &inside)) return false;
    fakeMotion_(display_, -1, rx, ry, 0);
    return true;
}

bool EditorHost::click(int32_t x, int32_t y) {
    if (!moveTo(x, y)) return false;
    fakeButton_(display_, 1, 1, 0);
    fakeButton_(display_, 1, 0, 0);
    x_->XSync(display_, 0);
    return true;
}

bool EditorHost::wheel(int32_t x, int32_t y, int steps) {
    if (!moveTo(x, y)) return false;
    const unsigned button = steps > 0 ? 4 : 5;
    for (int i = 0; i < std::abs(steps); ++i) {
        fakeButton_(display_, button, 1, 0);
        fakeButton_(display_, button, 0, 0);
    }
    x_->XSync(display_, 0);
    return true;
}

int64_t EditorHost::pixel(int32_t x, int32_t y) const {
    const x11::Window target = child();
    if (target == 0) return -1;
    x11::XImage* image = x_->XGetImage(display_, target, x, y, 1, 1, ~0UL, x11::ZPixmap);
    if (image == nullptr) return -1;
    const int64_t value = static_cast<int64_t>(image->f.get_pixel(image, 0, 0) & 0xFFFFFFu);
    image->f.destroy_image(image);
    return value;
}

} // namespace sideman::host
