// Helpers for the editor tests (Linux, under Xvfb): the plug-in's view made as a DAW makes it, the layout the
// editor reports through its test-only probe, and a band session played block by block so a host can put the
// editor's edits into the next block, as DAWs pass controller edits to the processor.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "editor_host_x11.h"
#include "plugin_instance.h"

namespace sideman::test {

struct ControlRect {
    int32_t x = 0, y = 0, width = 0, height = 0;
    int32_t centreX() const { return x + width / 2; }
    int32_t centreY() const { return y + height / 2; }
};

// The editor's controls by (kind, index), in window pixels; empty when the view offers no probe.
std::map<std::pair<std::string, int>, ControlRect> editorLayout(vst3::IPlugView* view);

// The host side for one test: an X parent window, its run loop and frame. Null (a recorded failure) without X.
std::unique_ptr<host::EditorHost> openEditorHost(int32_t width = 900, int32_t height = 600);

// Runs the host's loop until the handler has recorded at least `edits` performEdit calls (or the time is up).
bool waitForEdits(host::EditorHost& editorHost, host::ComponentHandler& handler, size_t edits,
                  std::chrono::milliseconds limit = std::chrono::milliseconds(3000));

// The band playing a held C major chord from the song's start, one 512-sample block at a time, every bus kept.
class BandSession {
public:
    explicit BandSession(host::PluginInstance& instance, double rate = 48000, int32_t block = 512);
    // Plays on for `samples`; `changes` (parameter, normalized value) go in at sample 0 of the first block.
    void play(int64_t samples, const std::vector<std::pair<vst3::ParamID, double>>& changes = {});
    // Between blocks (a DAW's UI loop runs while its audio runs): called every `everyBlocks` blocks.
    void play(int64_t samples, int everyBlocks, const std::function<void()>& between);
    void play(int64_t samples, int everyBlocks, const std::function<void()>& between,
              const std::vector<std::pair<vst3::ParamID, double>>& changes);

    int64_t position() const { return position_; }
    const std::vector<float>& main() const { return main_; }
    const std::vector<float>& stem(int part) const { return stems_[static_cast<size_t>(part)]; }
    int32_t failedBlocks() const { return failed_; }

private:
    host::PluginInstance& instance_;
    double rate_;
    int32_t block_;
    int64_t position_ = 0;
    std::vector<float> main_;
    std::vector<std::vector<float>> stems_;
    int32_t failed_ = 0;
};

// The performEdit values a DAW would pass on to the processor, taken (and cleared) from the handler's log.
std::vector<std::pair<vst3::ParamID, double>> takePerformedEdits(host::ComponentHandler& handler);

} // namespace sideman::test
