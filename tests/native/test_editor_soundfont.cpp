// "sf2…" in a lane, as a user does it: the editor's SoundFont browser opens over the lanes in the user's home folder,
// a click on a .sf2 file there gives the part that SoundFont (the processor takes it and saves its path with the
// song), and no parameter gesture reaches the host on the way. Run with HOME set to a folder of the test's own.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "check.h"
#include "editor_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace fs = std::filesystem;

TEST_CASE(editor_soundfont_browser_gives_a_part_the_users_soundfont) {
    const char* home = std::getenv("HOME");
    REQUIRE(home != nullptr);
    // The user's home: one folder and one SoundFont (a link to the bundled bank, so nothing large is copied).
    std::error_code ec;
    fs::remove_all(home, ec);
    fs::create_directories(fs::path(home) / "Samples", ec);
    const fs::path bank = fs::path(bundlePath()) / "Contents" / "Resources" / "sounds" / "sideman-gm.sf2";
    REQUIRE(fs::exists(bank));
    fs::create_symlink(bank, fs::path(home) / "My Keys.sf2", ec);
    REQUIRE(!ec);

    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kRealtime, false, /*band=*/false);
    REQUIRE(instance != nullptr);
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    IPlugView* view = instance->controller()->createView(kEditorViewName);
    REQUIRE(view != nullptr);
    REQUIRE(editorHost->attach(view) == kResultOk);
    editorHost->loop().runFor(std::chrono::milliseconds(200));
    auto controls = editorLayout(view);
    REQUIRE(controls.count({"PartSoundFile", 2}) == 1 && controls.count({"SoundFontRow", 1}) == 1);
    host::ComponentHandler& handler = instance->handler();
    handler.log.clear();

    auto clickAt = [&](const ControlRect& r) {
        CHECK(editorHost->click(r.centreX(), r.centreY()));
        editorHost->loop().runFor(std::chrono::milliseconds(150));
    };
    clickAt(controls[{"PartSoundFile", 2}]); // the keys' lane: the browser opens in the home folder
    clickAt(controls[{"SoundFontHome", 0}]);
    // Rows: the folder "Samples" first, then "My Keys.sf2".
    clickAt(controls[{"SoundFontRow", 1}]);
    CHECK_MSG(handler.log.empty(), "choosing a SoundFont made " << handler.log.size() << " parameter calls");

    std::string error;
    const std::vector<uint8_t> state = instance->saveState(error);
    CHECK_MSG(!state.empty(), error);
    REQUIRE(!state.empty());
    const std::string wanted = (fs::path(home) / "My Keys.sf2").string();
    const bool saved = std::search(state.begin(), state.end(), wanted.begin(), wanted.end()) != state.end();
    CHECK_MSG(saved, "the song's state does not hold the chosen SoundFont " << wanted);

    // A second opening starts where the SoundFont was chosen; ✕ closes it and the lanes take clicks again.
    clickAt(controls[{"PartSoundFile", 1}]);
    clickAt(controls[{"SoundFontClose", 0}]);
    clickAt(controls[{"PartMute", 1}]);
    CHECK_MSG(handler.log.size() == 3, "the bass's M after the browser closed made " << handler.log.size() << " host calls");

    CHECK(editorHost->detach() == kResultOk);
    view->release();
    fs::remove_all(home, ec);
}
