// The editor in a host's window on Windows (run under Wine by tests/windows/native-under-wine.sh): a child HWND of
// the host's window, frames from a window timer on the host's own message loop, a click on a drawn control reaching
// the host as a parameter gesture, resized and closed with nothing left.
#include <windows.h>

#include <chrono>
#include <map>
#include <sstream>
#include <string>

#include "check.h"
#include "editor_probe.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

// Runs the host's message loop for a while, as a DAW's UI thread does.
void pumpMessages(std::chrono::milliseconds duration) {
    const auto end = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < end) {
        MSG message;
        while (PeekMessageW(&message, nullptr, 0, 0, PM_REMOVE)) {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
        Sleep(5);
    }
}

std::map<std::string, RECT> layoutOf(IPlugView* view) {
    std::map<std::string, RECT> controls;
    IEditorProbe* probe = nullptr;
    if (view->queryInterface(IEditorProbe::iid.bytes, reinterpret_cast<void**>(&probe)) != kResultOk) return controls;
    const int32 needed = probe->describeLayout(nullptr, 0);
    std::string text(static_cast<size_t>(needed > 0 ? needed : 1), '\0');
    if (needed > 0 && probe->describeLayout(text.data(), needed) == needed) {
        std::istringstream lines(text.c_str());
        std::string kind;
        int index = 0, x = 0, y = 0, w = 0, h = 0;
        while (lines >> kind >> index >> x >> y >> w >> h) controls[kind + " " + std::to_string(index)] = RECT{x, y, x + w, y + h};
    }
    probe->release();
    return controls;
}

} // namespace

TEST_CASE(editor_opens_in_a_host_hwnd_takes_a_click_and_closes) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, false);
    REQUIRE(instance != nullptr);
    const int32_t before = loaded.liveObjects();
    HWND parent = CreateWindowExW(0, L"STATIC", L"host", WS_OVERLAPPEDWINDOW | WS_VISIBLE, 0, 0, 960, 680, nullptr, nullptr,
                                  GetModuleHandleW(nullptr), nullptr);
    REQUIRE(parent != nullptr);

    IPlugView* view = instance->controller()->createView(kEditorViewName);
    REQUIRE(view != nullptr);
    CHECK(view->isPlatformTypeSupported(kPlatformTypeHWND) == kResultTrue);
    CHECK(view->isPlatformTypeSupported(kPlatformTypeX11EmbedWindowID) == kResultFalse);
    REQUIRE(view->attached(parent, kPlatformTypeHWND) == kResultOk);
    HWND child = GetWindow(parent, GW_CHILD);
    REQUIRE(child != nullptr);
    RECT client{};
    CHECK(GetClientRect(child, &client) && client.right == 900 && client.bottom == 600);
    pumpMessages(std::chrono::milliseconds(300));
    // Frames came from the timer: the window shows the editor's background (#1B1E23) in its margin.
    HDC dc = GetDC(child);
    const COLORREF margin = GetPixel(dc, 4, 4);
    ReleaseDC(child, dc);
    CHECK_MSG(margin == RGB(0x1B, 0x1E, 0x23), "the window shows " << std::hex << margin << std::dec << " at (4, 4)");

    // A click on the drums' M, as the window gets it from the system: a gesture on drums.mute.
    auto controls = layoutOf(view);
    REQUIRE(controls.count("PartMute 0") == 1);
    const RECT m = controls["PartMute 0"];
    const LPARAM at = MAKELPARAM((m.left + m.right) / 2, (m.top + m.bottom) / 2);
    host::ComponentHandler& handler = instance->handler();
    handler.log.clear();
    SendMessageW(child, WM_LBUTTONDOWN, MK_LBUTTON, at);
    SendMessageW(child, WM_LBUTTONUP, 0, at);
    pumpMessages(std::chrono::milliseconds(100));
    REQUIRE(handler.log.size() == 3);
    const ParamID mute = paramId("drums.mute");
    CHECK(handler.log[0].call == host::ComponentHandler::Call::Begin && handler.log[0].id == mute);
    CHECK(handler.log[1].call == host::ComponentHandler::Call::Perform && handler.log[1].id == mute && handler.log[1].value == 1.0);
    CHECK(handler.log[2].call == host::ComponentHandler::Call::End && handler.log[2].id == mute);

    ViewRect bigger{0, 0, 1000, 700};
    CHECK(view->onSize(&bigger) == kResultOk);
    CHECK(GetClientRect(child, &client) && client.right == 1000 && client.bottom == 700);
    pumpMessages(std::chrono::milliseconds(100));

    CHECK(view->removed() == kResultOk);
    CHECK(GetWindow(parent, GW_CHILD) == nullptr);
    CHECK(view->release() == 0);
    DestroyWindow(parent);
    CHECK_MSG(loaded.liveObjects() == before, "bridge objects alive: " << loaded.liveObjects() << ", before the editor " << before);
}
