// The editor's platform window: a child of the host's window that shows the editor's pixels and turns the
// system's pointer, wheel and key events into the editor's. One implementation per system:
// editor_window_x11.cpp (Linux: the host's run loop drives it) and editor_window_win32.cpp (Windows).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "vst3/iplugview.h"

namespace sideman {

// What the window calls back (the view behind it), always on the host's UI thread.
class EditorWindowClient {
public:
    virtual ~EditorWindowClient() = default;
    virtual void frameTick() = 0;                                             // the frame timer
    virtual void pointerEvent(int32_t kind, float x, float y, float steps) = 0; // SM_POINTER_*, window pixels
    virtual bool keyEvent(int32_t key, uint32_t character) = 0;               // SM_KEY_*; true when taken
    virtual void exposed() = 0;                                               // the system lost what was shown
};

class EditorWindow {
public:
    virtual ~EditorWindow() = default;

    // Whether this system's window can embed in a parent of this VST3 platform type.
    static bool supports(const char* platformType);

    // [main] A child window of parent, width x height pixels, shown. frame is the host's (Linux: its IRunLoop
    // drives the window). Null with the reason when it cannot be made.
    static std::unique_ptr<EditorWindow> open(EditorWindowClient& client, void* parent, vst3::IPlugFrame* frame,
                                              int32_t width, int32_t height, std::string& error);

    virtual void resize(int32_t width, int32_t height) = 0;
    // Shows width x height BGRA pixels (rows of width * 4 bytes); they stay valid until the next call.
    virtual void present(const uint32_t* pixels, int32_t width, int32_t height) = 0;
    // A text field has (or lost) the focus: take the keyboard from the host, or give it back.
    virtual void takeKeyboard(bool take) = 0;
};

} // namespace sideman
