// The editor's part of the VST3 ABI: IPlugView, IPlugFrame, IPlugViewContentScaleSupport, the Linux run loop
// (IRunLoop, IEventHandler, ITimerHandler), the platform type names and the virtual key codes.
// Facts (IIDs, method order, layouts) follow the public VST3 pluginterfaces (gui/iplugview.h,
// gui/iplugviewcontentscalesupport.h, base/keycodes.h); the code is ours.
#pragma once
#include "base.h"

namespace vst3 {

VST3_PACK_PUSH

// A rectangle in the parent's units: pixels on Windows and Linux.
struct ViewRect {
    int32 left;
    int32 top;
    int32 right;
    int32 bottom;
    int32 width() const { return right - left; }
    int32 height() const { return bottom - top; }
};

VST3_PACK_POP

static_assert(sizeof(ViewRect) == 16, "ViewRect layout");

constexpr const char* kPlatformTypeHWND = "HWND";
constexpr const char* kPlatformTypeX11EmbedWindowID = "X11EmbedWindowID";

// The view name hosts ask createView for.
constexpr const char* kEditorViewName = "editor";

class IPlugFrame;

class IPlugView : public FUnknown {
public:
    virtual tresult VST3_API isPlatformTypeSupported(FIDString type) = 0;
    virtual tresult VST3_API attached(void* parent, FIDString type) = 0;
    virtual tresult VST3_API removed() = 0;
    virtual tresult VST3_API onWheel(float distance) = 0;
    virtual tresult VST3_API onKeyDown(char16 key, int16 keyCode, int16 modifiers) = 0;
    virtual tresult VST3_API onKeyUp(char16 key, int16 keyCode, int16 modifiers) = 0;
    virtual tresult VST3_API getSize(ViewRect* size) = 0;
    virtual tresult VST3_API onSize(ViewRect* newSize) = 0;
    virtual tresult VST3_API onFocus(TBool state) = 0;
    virtual tresult VST3_API setFrame(IPlugFrame* frame) = 0;
    virtual tresult VST3_API canResize() = 0;
    virtual tresult VST3_API checkSizeConstraint(ViewRect* rect) = 0;
    VST3_IID(IPlugView, 0x5BC32507, 0xD06049EA, 0xA6151B52, 0x2B755B29);
};

class IPlugFrame : public FUnknown {
public:
    virtual tresult VST3_API resizeView(IPlugView* view, ViewRect* newSize) = 0;
    VST3_IID(IPlugFrame, 0x367FAF01, 0xAFA94693, 0x8D4DA2A0, 0xED0882A3);
};

class IPlugViewContentScaleSupport : public FUnknown {
public:
    using ScaleFactor = float;
    virtual tresult VST3_API setContentScaleFactor(ScaleFactor factor) = 0;
    VST3_IID(IPlugViewContentScaleSupport, 0x65ED9690, 0x8AC44525, 0x8AADEF7A, 0x72EA703F);
};

// On Linux the host's run loop: the plug-in's view gets it from its IPlugFrame and registers the X
// connection's file descriptor and its timers there, instead of running a thread of its own.
namespace linux_ui {

using TimerInterval = uint64;
using FileDescriptor = int;

class IEventHandler : public FUnknown {
public:
    virtual void VST3_API onFDIsSet(FileDescriptor fd) = 0;
    VST3_IID(IEventHandler, 0x561E65C9, 0x13A0496F, 0x813A2C35, 0x654D7983);
};

class ITimerHandler : public FUnknown {
public:
    virtual void VST3_API onTimer() = 0;
    VST3_IID(ITimerHandler, 0x10BDD94F, 0x41424774, 0x821FAD8F, 0xECA72CA9);
};

class IRunLoop : public FUnknown {
public:
    virtual tresult VST3_API registerEventHandler(IEventHandler* handler, FileDescriptor fd) = 0;
    virtual tresult VST3_API unregisterEventHandler(IEventHandler* handler) = 0;
    virtual tresult VST3_API registerTimer(ITimerHandler* handler, TimerInterval milliseconds) = 0;
    virtual tresult VST3_API unregisterTimer(ITimerHandler* handler) = 0;
    VST3_IID(IRunLoop, 0x18C35366, 0x97764F1A, 0x9C5B8385, 0x7A871389);
};

} // namespace linux_ui

// The virtual key codes of onKeyDown (the ones the editor acts on; the rest are the host's).
enum VirtualKeyCode : int16 {
    KEY_BACK = 1,
    KEY_TAB = 2,
    KEY_RETURN = 4,
    KEY_ESCAPE = 6,
    KEY_END = 9,
    KEY_HOME = 10,
    KEY_LEFT = 11,
    KEY_RIGHT = 13,
    KEY_ENTER = 19,
    KEY_DELETE = 22
};

} // namespace vst3
