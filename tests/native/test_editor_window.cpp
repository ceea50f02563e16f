// The editor in a host's window (Linux, X11, under Xvfb): created, attached to a parent as a DAW does, resized,
// scaled, closed; its frames driven by the host's run loop (never a thread of its own); the time to open it.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "check.h"
#include "editor_support.h"
#include "fixture.h"
#include "os_probe.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

TEST_CASE(editor_opens_in_a_host_window_resizes_scales_and_closes) {
    std::remove((bridgeLogFolder() + "/sideman.log").c_str()); // only this run's lines count below
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, /*band=*/true);
    REQUIRE(instance != nullptr);
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    const int32_t before = loaded.liveObjects();

    // Opening, timed from the plug-in being loaded (instance made and active) to the first frame on screen.
    const auto start = std::chrono::steady_clock::now();
    IPlugView* view = instance->controller()->createView(kEditorViewName);
    REQUIRE(view != nullptr);
    CHECK(instance->controller()->createView("not-the-editor") == nullptr);
    CHECK(view->isPlatformTypeSupported(kPlatformTypeX11EmbedWindowID) == kResultTrue);
    CHECK(view->isPlatformTypeSupported(kPlatformTypeHWND) == kResultFalse);
    CHECK(view->canResize() == kResultTrue);
    ViewRect size{};
    CHECK(view->getSize(&size) == kResultOk && size.width() == 900 && size.height() == 600);
    ViewRect tiny{0, 0, 100, 100};
    CHECK(view->checkSizeConstraint(&tiny) == kResultTrue && tiny.width() == 820 && tiny.height() == 540);
    REQUIRE(editorHost->attach(view) == kResultOk);
    const double openMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("editor open: %.1f ms from createView to the first frame shown (limit 300 ms)\n", openMs);
    CHECK_MSG(openMs < 300, "the editor took " << openMs << " ms to open");

    // A child window of the host's, its size, drawn (not the X server's black), run by the host's loop.
    const x11::Window child = editorHost->child();
    REQUIRE(child != 0);
    uint32_t w = 0, h = 0;
    CHECK(editorHost->childSize(child, w, h) && w == 900 && h == 600);
    editorHost->loop().runFor(std::chrono::milliseconds(250));
    CHECK_MSG(editorHost->loop().timerCalls >= 3, "the frame timer ran " << editorHost->loop().timerCalls << " times in 250 ms");
    CHECK(editorHost->loop().handlerCount() == 1 && editorHost->loop().timerCount() == 1);
    // The window's margin is the editor's background colour (#1B1E23) as the X server shows it: the buffer's
    // bytes reach the screen in the right order.
    const int64_t background = editorHost->pixel(4, 4);
    CHECK_MSG(background == 0x1B1E23, "the editor's window shows pixel " << std::hex << background << std::dec << " at (4, 4), not #1B1E23");
    // Xvfb offers MIT-SHM, so the pixels went through shared memory, unless the run asked for XPutImage.
    {
        std::ifstream log(bridgeLogFolder() + "/sideman.log");
        std::stringstream text;
        text << log.rdbuf();
        const char* off = std::getenv("SIDEMAN_EDITOR_NO_SHM");
        const bool shmOff = off != nullptr && off[0] != '\0' && off[0] != '0';
        const char* expected = shmOff ? "editor: pixels shown with XPutImage (MIT-SHM: off" : "editor: pixels shown through MIT-SHM";
        CHECK_MSG(text.str().find(expected) != std::string::npos, "the bridge's log does not say '" << expected << "'");
    }

    // The user drags the DAW window's edge: the host resizes the parent and tells the view (onSize).
    editorHost->resizeParent(1000, 700);
    ViewRect bigger{0, 0, 1000, 700};
    CHECK(view->onSize(&bigger) == kResultOk);
    editorHost->loop().runFor(std::chrono::milliseconds(100));
    CHECK(editorHost->childSize(child, w, h) && w == 1000 && h == 700);
    CHECK(view->getSize(&size) == kResultOk && size.width() == 1000 && size.height() == 700);
    CHECK_MSG(editorHost->pixel(995, 695) == background, "the resized window's new corner is not drawn");
    auto layout1 = editorLayout(view);
    REQUIRE(!layout1.empty());
    const ControlRect energy1 = layout1[{"Energy", 0}];
    CHECK(energy1.width > 0 && energy1.x + energy1.width <= 1000);

    // HiDPI: the host's content scale factor; the view keeps its logical size and asks for the pixels (resizeView).
    IPlugViewContentScaleSupport* scaling = nullptr;
    REQUIRE(view->queryInterface(IPlugViewContentScaleSupport::iid.bytes, reinterpret_cast<void**>(&scaling)) == kResultOk);
    CHECK(scaling->setContentScaleFactor(2.0f) == kResultTrue);
    scaling->release();
    REQUIRE(!editorHost->frame().resizes.empty());
    const ViewRect asked = editorHost->frame().resizes.back();
    CHECK_MSG(asked.width() == 2000 && asked.height() == 1400, "asked for " << asked.width() << "x" << asked.height());
    editorHost->loop().runFor(std::chrono::milliseconds(150));
    CHECK(editorHost->childSize(child, w, h) && w == 2000 && h == 1400);
    ViewRect small{0, 0, 900, 600};
    CHECK(view->checkSizeConstraint(&small) == kResultTrue && small.width() == 1640 && small.height() == 1080);
    const ControlRect energy2 = editorLayout(view)[{"Energy", 0}];
    CHECK_MSG(std::abs(energy2.width - 2 * energy1.width) <= 2, "the energy control is " << energy2.width << " px at scale 2, "
                                                                                            << energy1.width << " at 1");

    // Closing: the child window goes, the run loop is left with nothing of ours, no bridge object stays.
    CHECK(editorHost->detach() == kResultOk);
    CHECK(editorHost->child() == 0);
    CHECK(editorHost->loop().handlerCount() == 0 && editorHost->loop().timerCount() == 0);
    const int calls = editorHost->loop().timerCalls;
    editorHost->loop().runFor(std::chrono::milliseconds(100));
    CHECK(editorHost->loop().timerCalls == calls);
    CHECK(view->release() == 0);
    CHECK_MSG(loaded.liveObjects() == before, "bridge objects alive: " << loaded.liveObjects() << ", before the editor " << before);
    instance.reset();
}

// The window's size goes with the song: the controller saves the size the user left (in logical units, so a screen
// with another scale factor opens it as large), and a song without one, or with a damaged one, opens at the default.
TEST_CASE(editor_size_is_saved_with_the_song) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::vector<uint8_t> saved;
    {
        auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, false);
        REQUIRE(instance != nullptr);
        IPlugView* view = instance->controller()->createView(kEditorViewName);
        REQUIRE(view != nullptr);
        IPlugViewContentScaleSupport* scaling = nullptr;
        REQUIRE(view->queryInterface(IPlugViewContentScaleSupport::iid.bytes, reinterpret_cast<void**>(&scaling)) == kResultOk);
        scaling->setContentScaleFactor(1.5f); // not attached: the view takes the size itself
        scaling->release();
        ViewRect user{0, 0, 1500, 1200}; // 1000 x 800 logical
        CHECK(view->onSize(&user) == kResultOk);
        view->release();
        auto* stream = new host::MemoryStream();
        CHECK(instance->controller()->getState(stream) == kResultOk);
        saved = stream->bytes();
        stream->release();
    }
    auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, false);
    REQUIRE(instance != nullptr);
    auto sizeAfter = [&](const std::vector<uint8_t>& state) {
        auto* stream = new host::MemoryStream(state, 3); // a host stream that reads in pieces
        CHECK(instance->controller()->setState(stream) == kResultOk);
        stream->release();
        IPlugView* view = instance->controller()->createView(kEditorViewName);
        ViewRect size{};
        if (view != nullptr) {
            view->getSize(&size);
            view->release();
        }
        return std::make_pair(size.width(), size.height());
    };
    CHECK(sizeAfter(saved) == std::make_pair(1000, 800));
    CHECK(sizeAfter({}) == std::make_pair(1000, 800)); // an empty state changes nothing
    std::vector<uint8_t> damaged = saved;
    damaged[0] = 'X';
    CHECK(sizeAfter(damaged) == std::make_pair(1000, 800));
    auto fresh = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, false);
    REQUIRE(fresh != nullptr);
    IPlugView* view = fresh->controller()->createView(kEditorViewName);
    ViewRect size{};
    if (view != nullptr) {
        view->getSize(&size);
        view->release();
    }
    CHECK(size.width() == 900 && size.height() == 600); // a new instance opens at the default
}
