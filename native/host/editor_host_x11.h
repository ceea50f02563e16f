// The editor's side of a DAW on Linux, for tests: a top-level X window the plug-in's view is embedded in (the
// parent), the host's run loop (IRunLoop: the file descriptors and timers the view registers, run from here as a
// DAW's UI loop runs them), the IPlugFrame that offers it and resizes the parent, and real pointer input through
// the XTEST extension, so a click reaches the plug-in's window exactly as a user's would.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "com_object.h"
#include "vst3/vst3.h"
#include "x11/xlib_api.h"

namespace sideman::host {

// IRunLoop: what the plug-in registered, and one turn of the loop at a time.
class RunLoop final : public ComObject, public vst3::linux_ui::IRunLoop {
public:
    ~RunLoop() override;
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API registerEventHandler(vst3::linux_ui::IEventHandler* handler, vst3::linux_ui::FileDescriptor fd) override;
    vst3::tresult VST3_API unregisterEventHandler(vst3::linux_ui::IEventHandler* handler) override;
    vst3::tresult VST3_API registerTimer(vst3::linux_ui::ITimerHandler* handler, vst3::linux_ui::TimerInterval ms) override;
    vst3::tresult VST3_API unregisterTimer(vst3::linux_ui::ITimerHandler* handler) override;

    // Runs the loop for this long: calls the handlers whose descriptor is readable and the timers that are due.
    void runFor(std::chrono::milliseconds duration);
    size_t handlerCount() const { return handlers_.size(); }
    size_t timerCount() const { return timers_.size(); }
    int timerCalls = 0;

private:
    struct Handler {
        vst3::linux_ui::IEventHandler* handler;
        int fd;
    };
    struct Timer {
        vst3::linux_ui::ITimerHandler* handler;
        std::chrono::milliseconds interval;
        std::chrono::steady_clock::time_point due;
    };
    std::vector<Handler> handlers_;
    std::vector<Timer> timers_;
};

// IPlugFrame (and, through queryInterface, the run loop, as VST3 hosts on Linux offer it).
class PlugFrame final : public ComObject, public vst3::IPlugFrame {
public:
    PlugFrame(RunLoop* loop, const x11::Xlib& x, x11::Display* display, x11::Window parent);
    ~PlugFrame() override;
    vst3::tresult VST3_API queryInterface(const vst3::TUID iid, void** obj) override;
    SIDEMAN_COM_REFCOUNT
    vst3::tresult VST3_API resizeView(vst3::IPlugView* view, vst3::ViewRect* newSize) override;
    std::vector<vst3::ViewRect> resizes; // what the plug-in asked for

private:
    RunLoop* loop_;
    const x11::Xlib& x_;
    x11::Display* display_;
    x11::Window parent_;
};

class EditorHost {
public:
    // Connects to $DISPLAY and makes a mapped top-level window of width x height; null with the reason when
    // there is no X server or it lacks XTEST.
    static std::unique_ptr<EditorHost> open(int32_t width, int32_t height, std::string& error);
    ~EditorHost();

    // As a DAW opens a plug-in's window: setFrame, the size the view asks for, attached(parent, X11EmbedWindowID).
    vst3::tresult attach(vst3::IPlugView* view);
    // As a DAW closes it: removed(), setFrame(null).
    vst3::tresult detach();

    RunLoop& loop() { return *loop_; }
    PlugFrame& frame() { return *frame_; }
    x11::Window parent() const { return parent_; }
    // The plug-in's window inside the parent (0 when there is none), and its size.
    x11::Window child() const;
    bool childSize(x11::Window child, uint32_t& width, uint32_t& height) const;
    // The host resizes the parent (as when the user drags the DAW's window edge).
    void resizeParent(int32_t width, int32_t height);
    // A left click at a position in the child window, through XTEST (pointer moved there, button pressed, released).
    bool click(int32_t x, int32_t y);
    // Wheel steps (positive up) at a position in the child window.
    bool wheel(int32_t x, int32_t y, int steps);
    // The child window's pixel at (x, y) as the X server shows it (0xRRGGBB), or -1.
    int64_t pixel(int32_t x, int32_t y) const;

private:
    EditorHost() = default;
    bool moveTo(int32_t x, int32_t y);

    const x11::Xlib* x_ = nullptr;
    x11::Display* display_ = nullptr;
    x11::Window parent_ = 0;
    RunLoop* loop_ = nullptr;
    PlugFrame* frame_ = nullptr;
    vst3::IPlugView* view_ = nullptr;
    int (*fakeButton_)(x11::Display*, unsigned int, x11::Bool, unsigned long) = nullptr;
    int (*fakeMotion_)(x11::Display*, int, int, int, unsigned long) = nullptr;
};

} // namespace sideman::host
