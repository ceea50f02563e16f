// Clicks on the editor at the places it draws its controls, through the X server (XTEST) as a user's would, reach
// the host as parameter gestures (beginEdit / performEdit / endEdit on the right parameter with the right value),
// and once the host passes them on to the processor, they change what the band plays.
#include <cmath>

#include "check.h"
#include "editor_support.h"
#include "fixture.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

constexpr int64_t kBar = 96000; // 4/4 at 120 BPM, 48 kHz

using Call = host::ComponentHandler::Call;

// Clicks a control's centre (or a point at `across` of its width) and waits for the gesture to reach the host.
bool clickControl(host::EditorHost& editorHost, host::ComponentHandler& handler, const ControlRect& r, double across = 0.5) {
    const int32_t x = r.x + static_cast<int32_t>(std::lround(r.width * across));
    return editorHost.click(x, r.centreY()) && waitForEdits(editorHost, handler, 1);
}

// The gesture's calls as the host saw them: one begin, one perform, one end, all on `id`; returns the value.
double oneGesture(const host::ComponentHandler& handler, ParamID id) {
    const auto& log = handler.log;
    CHECK_MSG(log.size() == 3, "the click made " << log.size() << " host calls, not begin/perform/end");
    if (log.size() != 3) return NAN;
    CHECK(log[0].call == Call::Begin && log[1].call == Call::Perform && log[2].call == Call::End);
    CHECK_MSG(log[0].id == id && log[1].id == id && log[2].id == id, "the gesture went to parameter " << log[1].id << ", not " << id);
    return log[1].value;
}

} // namespace

TEST_CASE(editor_clicks_reach_the_host_as_edits_and_change_the_band) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    // Two identical instances bouncing offline (bit-exact): the editor is opened on the first only.
    auto played = startInstance(loaded.module(), 48000, 512, kSample32, kOffline, /*activateAux=*/true, /*band=*/true);
    auto twin = startInstance(loaded.module(), 48000, 512, kSample32, kOffline, /*activateAux=*/true, /*band=*/true);
    REQUIRE(played != nullptr && twin != nullptr);
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    BandSession a(*played), b(*twin);
    a.play(2 * kBar);
    b.play(2 * kBar);
    REQUIRE(firstDifference(a.main(), b.main(), 0.0f) < 0);
    for (int part = 0; part < 5; ++part) CHECK_MSG(rms(a.stem(part), kBar, 2 * kBar) > 1e-4, "part " << part << " is silent before any click");

    IPlugView* view = played->controller()->createView(kEditorViewName);
    REQUIRE(view != nullptr);
    REQUIRE(editorHost->attach(view) == kResultOk);
    editorHost->loop().runFor(std::chrono::milliseconds(200)); // mapped and drawn before the first click
    auto controls = editorLayout(view);
    REQUIRE(controls.size() > 40);
    host::ComponentHandler& handler = played->handler();
    handler.log.clear();

    // Style ▶: the next style, as a host records it; the controller already shows it.
    const ParamID style = paramId("band.style");
    const double styleBefore = played->controller()->getParamNormalized(style);
    REQUIRE(clickControl(*editorHost, handler, controls[{"StyleNext", 0}]));
    const double styleValue = oneGesture(handler, style);
    CHECK_MSG(styleValue > styleBefore, "style went from " << styleBefore << " to " << styleValue);
    CHECK(played->controller()->getParamNormalized(style) == styleValue);
    // Energy, clicked at 90 % of the slider: 0..4 across its width.
    const ParamID energy = paramId("band.energy");
    auto edits = takePerformedEdits(handler);
    REQUIRE(clickControl(*editorHost, handler, controls[{"Energy", 0}], 0.9));
    const double energyValue = oneGesture(handler, energy);
    CHECK_MSG(std::fabs(played->controller()->normalizedParamToPlain(energy, energyValue) - 3.6) < 0.15,
              "energy at 90 % of the slider is " << played->controller()->normalizedParamToPlain(energy, energyValue));
    for (auto& e : takePerformedEdits(handler)) edits.push_back(e);

    // The host passes the edits to the processor: from there the band plays another style, louder, than its twin.
    a.play(3 * kBar, edits);
    b.play(3 * kBar);
    CHECK_MSG(rmsOfDifference(a.main(), b.main(), 3 * kBar, 5 * kBar) > 1e-3,
              "the band sounds the same after the style and energy changed");

    // Drums: M (mute) silences the drum stem; bass: On switches the bass off.
    REQUIRE(clickControl(*editorHost, handler, controls[{"PartMute", 0}]));
    CHECK(oneGesture(handler, paramId("drums.mute")) == 1.0);
    edits = takePerformedEdits(handler);
    REQUIRE(clickControl(*editorHost, handler, controls[{"PartOn", 1}]));
    CHECK(oneGesture(handler, paramId("bass.play")) == 0.0);
    for (auto& e : takePerformedEdits(handler)) edits.push_back(e);
    const int64_t at = a.position();
    a.play(2 * kBar, edits);
    CHECK_MSG(rms(a.stem(0), at + kBar / 8, at + 2 * kBar) < 1e-6, "the drums still sound after M: " << rms(a.stem(0), at + kBar / 8, at + 2 * kBar));
    CHECK_MSG(rms(a.stem(1), at + kBar, at + 2 * kBar) < 1e-6, "the bass still plays after On was switched off");
    CHECK_MSG(rms(a.stem(2), at, at + 2 * kBar) > 1e-4, "the keys went silent too");

    // A click where no control is sends nothing.
    editorHost->click(2, 598);
    editorHost->loop().runFor(std::chrono::milliseconds(150));
    CHECK(handler.log.empty());
    CHECK(a.failedBlocks() == 0 && b.failedBlocks() == 0);

    CHECK(editorHost->detach() == kResultOk);
    view->release();
}
