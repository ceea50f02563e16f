// Opening and closing the editor, many times and while the audio runs, leaves nothing behind and does not touch
// the audio: no bridge object alive afterwards, the audio thread allocates no managed byte (the plug-in's own count,
// logged at deactivation), and an offline bounce with the editor opening, drawing and closing is bit-identical to
// one without it.
#include <atomic>
#include <cstdio>
#include <fstream>
#include <thread>

#include "check.h"
#include "editor_support.h"
#include "fixture.h"
#include "os_probe.h"
#include "renderer.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

namespace {

constexpr int64_t kBar = 96000;

// One window's life as a DAW gives it: made, attached, a few frames, closed, released.
bool openAndClose(host::PluginInstance& instance, host::EditorHost& editorHost, std::chrono::milliseconds open) {
    IPlugView* view = instance.controller()->createView(kEditorViewName);
    if (view == nullptr) return false;
    const bool attached = editorHost.attach(view) == kResultOk;
    if (attached) {
        editorHost.loop().runFor(open);
        editorHost.detach();
    }
    view->release();
    return attached;
}

// The last "The audio thread allocated N managed bytes in M process calls" line of the plug-in's log.
bool audioThreadTally(long long& bytes, long long& calls) {
    std::ifstream log(bridgeLogFolder() + "/sideman.log");
    std::string line, last;
    while (std::getline(log, line))
        if (line.find("The audio thread allocated ") != std::string::npos) last = line;
    const size_t at = last.find("The audio thread allocated ");
    return at != std::string::npos &&
           std::sscanf(last.c_str() + at, "The audio thread allocated %lld managed bytes in %lld process calls", &bytes, &calls) == 2;
}

} // namespace

TEST_CASE(editor_opened_and_closed_100_times_while_processing_leaves_nothing_and_allocates_nothing_on_the_audio_thread) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 256, kSample32, kRealtime, false, /*band=*/true);
    REQUIRE(instance != nullptr);
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    const int32_t before = loaded.liveObjects();
    std::remove((bridgeLogFolder() + "/sideman.log").c_str()); // only this run's lines count below

    // The host's audio thread: blocks at the pace of real time, a chord held, the band following it.
    std::atomic<bool> stop{false};
    std::atomic<int> failed{0}, blocks{0};
    std::thread audio([&] {
        auto* events = new host::EventList();
        for (int64_t position = 0; !stop.load(); position += 256) {
            events->clear();
            if (position == 0)
                for (int16_t key : {48, 52, 55}) {
                    Event on = host::noteOn(key, 0.7f);
                    events->addEvent(on);
                }
            ProcessContext context = host::makeContext(position, 48000, 120, 4, 4, true);
            if (instance->process(256, events, nullptr, &context) != kResultOk) ++failed;
            ++blocks;
            std::this_thread::sleep_for(std::chrono::microseconds(5333));
        }
        events->release();
    });

    int opened = 0;
    for (int i = 0; i < 100; ++i) {
        if (openAndClose(*instance, *editorHost, std::chrono::milliseconds(i % 10 == 0 ? 120 : 40))) ++opened;
        const int32_t live = loaded.liveObjects();
        if (live != before) {
            CHECK_MSG(live == before, "after closing the editor " << i + 1 << " times " << live << " bridge objects are alive, " << before << " before");
            break;
        }
    }
    stop = true;
    audio.join();
    CHECK_MSG(opened == 100, "the editor opened " << opened << " times of 100");
    CHECK(failed.load() == 0);
    CHECK(editorHost->loop().handlerCount() == 0 && editorHost->loop().timerCount() == 0);
    std::printf("editor opened and closed %d times over %d audio blocks\n", opened, blocks.load());

    instance->stop(); // deactivation logs what the audio thread allocated since activation
    long long bytes = -1, calls = 0;
    REQUIRE(audioThreadTally(bytes, calls));
    CHECK_MSG(calls >= blocks.load(), "the plug-in counted " << calls << " process calls, the host made " << blocks.load());
    CHECK_MSG(bytes == 0, "the audio thread allocated " << bytes << " managed bytes while the editor opened and closed");
    instance.reset();
}

TEST_CASE(editor_open_leaves_an_offline_bounce_bit_identical) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto editorHost = openEditorHost();
    REQUIRE(editorHost != nullptr);
    auto plain = startInstance(loaded.module(), 48000, 512, kSample32, kOffline, true, /*band=*/true);
    REQUIRE(plain != nullptr);
    BandSession without(*plain);
    without.play(3 * kBar);
    plain.reset();

    auto watched = startInstance(loaded.module(), 48000, 512, kSample32, kOffline, true, /*band=*/true);
    REQUIRE(watched != nullptr);
    BandSession with(*watched);
    IPlugView* view = nullptr;
    int frames = 0, cycles = 0;
    // Every 24 blocks the UI loop runs: the editor opens, draws (asking the processor for frames), and every
    // other time closes again.
    with.play(3 * kBar, 24, [&] {
        if (view == nullptr) {
            view = watched->controller()->createView(kEditorViewName);
            if (view != nullptr && editorHost->attach(view) != kResultOk) {
                view->release();
                view = nullptr;
            }
        }
        const int before = editorHost->loop().timerCalls;
        editorHost->loop().runFor(std::chrono::milliseconds(70));
        frames += editorHost->loop().timerCalls - before;
        if (view != nullptr && ++cycles % 2 == 0) {
            editorHost->detach();
            view->release();
            view = nullptr;
        }
    });
    if (view != nullptr) {
        editorHost->detach();
        view->release();
    }
    CHECK_MSG(frames > 10, "the editor drew " << frames << " frames during the bounce");
    CHECK(with.failedBlocks() == 0 && without.failedBlocks() == 0);
    REQUIRE(with.main().size() == without.main().size());
    const int64_t differs = firstDifference(with.main(), without.main(), 0.0f);
    CHECK_MSG(differs < 0, "the bounce with the editor open differs from the one without at sample " << differs);
    for (int part = 0; part < 5; ++part)
        CHECK_MSG(firstDifference(with.stem(part), without.stem(part), 0.0f) < 0, "stem " << part << " differs with the editor open");
}
