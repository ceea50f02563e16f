#include "editor_support.h"

#include <functional>
#include <sstream>

#include "check.h"
#include "editor_probe.h"
#include "renderer.h"

namespace sideman::test {

using namespace vst3;

std::map<std::pair<std::string, int>, ControlRect> editorLayout(IPlugView* view) {
    std::map<std::pair<std::string, int>, ControlRect> controls;
    IEditorProbe* probe = nullptr;
    if (view == nullptr || view->queryInterface(IEditorProbe::iid.bytes, reinterpret_cast<void**>(&probe)) != kResultOk) return controls;
    const int32 needed = probe->describeLayout(nullptr, 0);
    std::string text(static_cast<size_t>(std::max(needed, 1)), '\0');
    if (needed > 0 && probe->describeLayout(text.data(), needed) == needed) {
        std::istringstream lines(text.c_str());
        std::string kind;
        int index = 0;
        ControlRect r;
        while (lines >> kind >> index >> r.x >> r.y >> r.width >> r.height) controls[{kind, index}] = r;
    }
    probe->release();
    return controls;
}

std::unique_ptr<host::EditorHost> openEditorHost(int32_t width, int32_t height) {
    std::string error;
    auto editorHost = host::EditorHost::open(width, height, error);
    CHECK_MSG(editorHost != nullptr, "no X server for the editor tests: " << error);
    return editorHost;
}

bool waitForEdits(host::EditorHost& editorHost, host::ComponentHandler& handler, size_t edits, std::chrono::milliseconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    auto performs = [&] {
        size_t n = 0;
        for (const auto& e : handler.log) n += e.call == host::ComponentHandler::Call::Perform ? 1 : 0;
        return n;
    };
    while (performs() < edits && std::chrono::steady_clock::now() < end) editorHost.loop().runFor(std::chrono::milliseconds(10));
    // The button's release ends the gesture a moment after the press: let it arrive too.
    editorHost.loop().runFor(std::chrono::milliseconds(60));
    return performs() >= edits;
}

std::vector<std::pair<ParamID, double>> takePerformedEdits(host::ComponentHandler& handler) {
    std::vector<std::pair<ParamID, double>> changes;
    for (const auto& e : handler.log)
        if (e.call == host::ComponentHandler::Call::Perform) changes.emplace_back(e.id, e.value);
    handler.log.clear();
    return changes;
}

BandSession::BandSession(host::PluginInstance& instance, double rate, int32_t block)
    : instance_(instance), rate_(rate), block_(block), stems_(instance.outputBuses().size() > 1 ? instance.outputBuses().size() - 1 : 0) {}

void BandSession::play(int64_t samples, const std::vector<std::pair<ParamID, double>>& changes) {
    play(samples, 0, {}, changes);
}

void BandSession::play(int64_t samples, int everyBlocks, const std::function<void()>& between) { play(samples, everyBlocks, between, {}); }

void BandSession::play(int64_t samples, int everyBlocks, const std::function<void()>& between,
                       const std::vector<std::pair<ParamID, double>>& changes) {
    auto* events = new host::EventList();
    auto* params = new host::ParameterChanges();
    const int64_t end = position_ + samples;
    for (int blocks = 0; position_ < end; ++blocks) {
        const auto n = static_cast<int32_t>(std::min<int64_t>(block_, end - position_));
        events->clear();
        params->clear();
        if (position_ == 0)
            for (int16_t key : {48, 52, 55}) { // C major, held from the start: the band follows it
                Event on = host::noteOn(key, 0.7f);
                events->addEvent(on);
            }
        if (blocks == 0)
            for (const auto& [id, value] : changes) params->add(id, 0, value);
        ProcessContext context = host::makeContext(position_, rate_, 120, 4, 4, true);
        if (instance_.process(n, events, params, &context) != kResultOk) ++failed_;
        for (int32_t i = 0; i < n; ++i) main_.push_back(instance_.output32(0, 0)[i]);
        for (size_t s = 0; s < stems_.size(); ++s)
            for (int32_t i = 0; i < n; ++i) stems_[s].push_back(instance_.output32(static_cast<int32_t>(s + 1), 0)[i]);
        position_ += n;
        if (everyBlocks > 0 && between && (blocks + 1) % everyBlocks == 0) between();
    }
    events->release();
    params->release();
}

} // namespace sideman::test
