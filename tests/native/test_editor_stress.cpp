// What pluginval's editor tests do (its "Editor", "Editor stress" and "Editor Automation"; pluginval itself is not on
// this machine): the editor opened on an instance that was never set up, on one whose processing was released, with
// a 0 Hz / 0-sample setup refused before it, and open while the host automates every parameter from its UI thread.
// Each time the window must show the editor (its background colour) and leave no bridge object behind.
#include <chrono>
#include <cstdio>
#include <string>

#include "check.h"
#include "editor_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

constexpr int64_t kBackground = 0x1B1E23;

// Opens the view in the host's window, lets the host's loop draw it for a moment, checks it shows, closes it.
void showEditor(host::PluginInstance& instance, host::EditorHost& editorHost, const char* when) {
    IPlugView* view = instance.controller()->createView(kEditorViewName);
    CHECK_MSG(view != nullptr, "no editor " << when);
    if (view == nullptr) return;
    CHECK_MSG(editorHost.attach(view) == kResultOk, "the editor did not attach " << when);
    editorHost.loop().runFor(std::chrono::milliseconds(150));
    CHECK_MSG(editorHost.pixel(4, 4) == kBackground, "the editor is not drawn " << when);
    CHECK(editorHost.detach() == kResultOk);
    CHECK(view->release() == 0);
}

} // namespace

TEST_CASE(editor_opens_before_setup_after_release_and_under_automation) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    const int32_t before = loaded.liveObjects();
    {
        std::string error;
        auto instance = host::PluginInstance::create(loaded.module(), error);
        CHECK_MSG(instance != nullptr, error);
        REQUIRE(instance != nullptr);
        // pluginval "Editor stress": processing never set up, then a setup of 0 Hz and 0 samples (refused) first.
        showEditor(*instance, *editorHost, "before any setup");
        CHECK(!instance->setup(0.0, 0, kSample32, kRealtime, false, error));
        showEditor(*instance, *editorHost, "after a refused 0 Hz / 0-sample setup");
        // Set up, played, released: opened again over the released instance.
        CHECK_MSG(instance->setup(48000, 512, kSample32, kRealtime, false, error), error);
        CHECK_MSG(instance->start(error), error);
        for (int b = 0; b < 20; ++b) CHECK(instance->process(512, nullptr, nullptr, nullptr) == kResultOk);
        instance->stop();
        showEditor(*instance, *editorHost, "after processing was released");

        // pluginval "Editor Automation": every parameter moved by the host (its UI thread, between frames) while open.
        IPlugView* view = instance->controller()->createView(kEditorViewName);
        REQUIRE(view != nullptr);
        REQUIRE(editorHost->attach(view) == kResultOk);
        IEditController* controller = instance->controller();
        const int32 count = controller->getParameterCount();
        REQUIRE(count > 30);
        uint32_t lcg = 12345;
        const int calls = editorHost->loop().timerCalls;
        for (int round = 0; round < 40; ++round) {
            for (int32 i = 0; i < count; ++i) {
                ParameterInfo info{};
                if (controller->getParameterInfo(i, info) != kResultOk) continue;
                lcg = lcg * 1664525u + 1013904223u;
                const double value = (lcg >> 8) / static_cast<double>(1u << 24);
                CHECK(controller->setParamNormalized(info.id, value) == kResultOk);
                CHECK(controller->getParamNormalized(info.id) >= 0.0 && controller->getParamNormalized(info.id) <= 1.0);
            }
            editorHost->loop().runFor(std::chrono::milliseconds(10));
        }
        editorHost->loop().runFor(std::chrono::milliseconds(100));
        CHECK_MSG(editorHost->loop().timerCalls > calls + 5, "the editor's frames stopped while the host automated it");
        CHECK_MSG(editorHost->pixel(4, 4) == kBackground, "the editor is not drawn after the automation");
        CHECK(editorHost->detach() == kResultOk);
        CHECK(view->release() == 0);
    }
    CHECK_MSG(loaded.liveObjects() == before, "bridge objects alive: " << loaded.liveObjects() << ", before " << before);
}
