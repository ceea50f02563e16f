// The runtime and process-level behaviour: several instances sharing one runtime, 64-bit
// processing, MIDI pass-through, the bundled runtime actually being the one loaded, and a
// broken bundle failing politely.
#include <xmmintrin.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "check.h"
#include "fixture.h"
#include "os_probe.h"
#include "utf8_system.h"

using namespace sideman;
using namespace sideman::test;
using namespace vst3;

TEST_CASE(two_instances_share_the_runtime) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto a = startInstance(loaded.module(), 48000, 128);
    auto b = startInstance(loaded.module(), 44100, 333);
    REQUIRE(a != nullptr && b != nullptr);
    host::RenderSpec spec;
    spec.sampleRate = 48000;
    spec.blockSize = 128;
    spec.totalSamples = 9600;
    spec.events.push_back({100, host::noteOn(64, 0.8f)});
    host::RenderSpec quiet = spec;
    quiet.sampleRate = 44100;
    quiet.blockSize = 333;
    quiet.events.clear();
    auto ra = host::render(*a, spec, kSample32);
    auto rb = host::render(*b, quiet, kSample32);
    CHECK(ra.failedBlocks == 0 && rb.failedBlocks == 0);
    CHECK(rms(ra.left, 100, 9600) > 1e-3);
    CHECK_MSG(rms(rb.left, 0, 9600) == 0.0, "instance b sounds although only a got a note");
}

TEST_CASE(double_precision) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    std::string error;
    auto probe = host::PluginInstance::create(loaded.module(), error);
    REQUIRE(probe != nullptr);
    const bool supported = probe->processor()->canProcessSampleSize(kSample64) == kResultTrue;
    probe.reset();
    if (!supported) {
        std::printf("64-bit processing not offered by the plug-in: checking that setup refuses it\n");
        auto instance = host::PluginInstance::create(loaded.module(), error);
        REQUIRE(instance != nullptr);
        CHECK(!instance->setup(48000, 256, kSample64, kRealtime, false, error));
        return;
    }
    auto i32 = startInstance(loaded.module(), 48000, 256, kSample32);
    auto i64 = startInstance(loaded.module(), 48000, 256, kSample64);
    REQUIRE(i32 && i64);
    host::RenderSpec spec;
    spec.sampleRate = 48000;
    spec.blockSize = 256;
    spec.totalSamples = 12000;
    spec.events.push_back({300, host::noteOn(60, 0.8f)});
    auto r32 = host::render(*i32, spec, kSample32);
    auto r64 = host::render(*i64, spec, kSample64);
    CHECK(r64.failedBlocks == 0 && r64.nonFiniteSamples == 0);
    CHECK(firstDifference(r64.left, std::vector<float>(r64.left.size(), 0.0f), 1e-7f) >= 300);
    CHECK_MSG(rmsOfDifference(r32.left, r64.left, 0, 12000) < 1e-4, "64-bit output differs from 32-bit output");
}

TEST_CASE(midi_passes_through) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    auto instance = startInstance(loaded.module(), 48000, 256);
    REQUIRE(instance != nullptr);
    host::RenderSpec spec;
    spec.sampleRate = 48000;
    spec.blockSize = 256;
    spec.totalSamples = 2048;
    spec.events.push_back({0, host::noteOn(60, 0.5f, 0)});
    spec.events.push_back({255, host::noteOn(67, 0.75f, 9)});
    spec.events.push_back({700, host::noteOff(60, 0.0f, 0)});
    // The host's floating-point mode survives the call (the bridge sets FTZ/DAZ only inside).
    const unsigned hostMode = _mm_getcsr();
    _mm_setcsr(hostMode & ~0x8040u);
    auto result = host::render(*instance, spec, kSample32);
    CHECK_MSG((_mm_getcsr() & 0x8040u) == 0, "process() left FTZ/DAZ set in the host thread");
    _mm_setcsr(hostMode);
    int ons = 0, offs = 0;
    bool timing = true;
    for (const auto& e : result.outEvents) {
        if (e.event.type == Event::kNoteOnEvent) {
            ++ons;
            if (e.event.noteOn.pitch == 60) timing = timing && e.at == 0 && std::fabs(e.event.noteOn.velocity - 0.5f) < 1e-6;
            if (e.event.noteOn.pitch == 67) timing = timing && e.at == 255 && e.event.noteOn.channel == 9;
        } else if (e.event.type == Event::kNoteOffEvent) {
            ++offs;
            timing = timing && e.at == 700 && e.event.noteOff.pitch == 60;
        }
    }
    CHECK_MSG(ons == 2 && offs == 1, "passed through " << ons << " note-ons and " << offs << " note-offs");
    CHECK_MSG(timing, "pass-through events lost their offset, pitch, channel or velocity");
}

// Run by ctest inside a mount namespace where the system .NET is hidden (see CMakeLists.txt); on
// Windows in a Wine prefix that has no .NET installed (tests/windows).
TEST_CASE(bundled_runtime_is_loaded) {
    std::string root;
    CHECK_MSG(!host::environmentVariable("DOTNET_ROOT", root), "DOTNET_ROOT is set: the test must run without it");
    CHECK_MSG(!pathExists(systemDotnetFolder()), "the system .NET is still visible to the test: " << systemDotnetFolder());
    {
        LoadedModule loaded;
        REQUIRE(loaded.ok());
        auto instance = startInstance(loaded.module(), 48000, 512);
        REQUIRE(instance != nullptr);
        host::RenderSpec spec;
        spec.sampleRate = 48000;
        spec.blockSize = 512;
        spec.totalSamples = 4800;
        spec.events.push_back({0, host::noteOn(60, 0.8f)});
        auto result = host::render(*instance, spec, kSample32);
        CHECK(rms(result.left, 0, 4800) > 1e-3);
    }
    const std::string coreclr = loadedClrPath();
    std::printf("coreclr mapped from: %s\n", coreclr.c_str());
    const std::string expected = bundledClrPath(bundlePath());
    CHECK_MSG(samePath(coreclr, expected), "coreclr comes from '" << coreclr << "', expected " << expected);
}

// Run by ctest on a damaged copy of the bundle (no Contents/<arch>/dotnet, or no hostfxr in it), with a
// private log folder: the host must survive and the log must say why.
// SIDEMAN_EXPECT_IN_LOG names what the log line must mention.
TEST_CASE(broken_bundle_fails_politely) {
    const std::string logFolder = bridgeLogFolder();
    std::string expect;
    REQUIRE(!logFolder.empty() && host::environmentVariable("SIDEMAN_EXPECT_IN_LOG", expect));
    {
        LoadedModule loaded;
        REQUIRE(loaded.ok());
        IPluginFactory* factory = loaded.module().factory();
        CHECK(factory->countClasses() == 2); // the factory answers without .NET
        PClassInfo info{};
        CHECK(factory->getClassInfo(0, &info) == kResultOk);
        for (int attempt = 0; attempt < 2; ++attempt) {
            void* obj = reinterpret_cast<void*>(1);
            CHECK(factory->createInstance(info.cid, IComponent::iid.bytes, &obj) != kResultOk);
            CHECK(obj == nullptr);
        }
        std::string error;
        CHECK(host::PluginInstance::create(loaded.module(), error) == nullptr);
    }
    std::ifstream log(std::filesystem::u8path(logFolder + "/sideman.log"));
    std::stringstream text;
    text << log.rdbuf();
    std::printf("log: %s\n", text.str().c_str());
    CHECK_MSG(text.str().find(expect) != std::string::npos && text.str().find("reinstall") != std::string::npos,
              "the log does not name '" << expect << "' and the fix: '" << text.str() << "'");
}

// Run by ctest on a copy of the bundle whose band model is missing or damaged: the instrument still loads and
// plays the player's notes, and the log says why the band is silent and what to do.
TEST_CASE(band_without_its_model_still_plays_the_player) {
    const std::string logFolder = bridgeLogFolder();
    std::string expect;
    REQUIRE(!logFolder.empty() && host::environmentVariable("SIDEMAN_EXPECT_IN_LOG", expect));
    {
        LoadedModule loaded;
        REQUIRE(loaded.ok());
        auto instance = startInstance(loaded.module(), 48000, 512, kSample32, kOffline, false, /*band=*/true);
        REQUIRE(instance != nullptr);
        host::RenderSpec spec;
        spec.totalSamples = 48000;
        spec.events.push_back(host::TimedEvent{100, host::noteOn(60, 0.8f)});
        spec.events.push_back(host::TimedEvent{24000, host::noteOff(60)});
        const host::RenderResult r = host::render(*instance, spec, kSample32);
        CHECK(r.failedBlocks == 0 && r.nonFiniteSamples == 0);
        CHECK_MSG(rms(r.left, 100, 24000) > 1e-3, "the player's note is silent without the band's model");
        int bandNotes = 0;
        for (const host::TimedEvent& e : r.outEvents)
            bandNotes += e.event.type == Event::kNoteOnEvent && e.event.noteOn.channel != 0;
        CHECK_MSG(bandNotes == 0, "a band without a model played " << bandNotes << " notes");
    }
    std::ifstream log(std::filesystem::u8path(logFolder + "/sideman.log"));
    std::stringstream text;
    text << log.rdbuf();
    CHECK_MSG(text.str().find("The band cannot play") != std::string::npos && text.str().find(expect) != std::string::npos,
              "the log does not say why the band is silent ('" << expect << "'): '" << text.str() << "'");
}
