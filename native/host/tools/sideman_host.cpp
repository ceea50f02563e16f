// sideman-host: drive the built bundle as a DAW does.
//   sideman-host render IN.mid OUT.wav [--bundle B] [--rate HZ] [--block N] [--tempo BPM] [--length SEC]
//   sideman-host bench [--bundle B] [--seconds S]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "plugin_instance.h"
#include "renderer.h"
#include "smf_reader.h"
#include "vst3_module.h"
#include "wav_writer.h"

using namespace sideman::host;
using Clock = std::chrono::steady_clock;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage:\n"
                 "  sideman-host render IN.mid OUT.wav [--bundle PATH] [--rate HZ] [--block N] [--tempo BPM]\n"
                 "                                   [--length SECONDS] [--double]\n"
                 "  sideman-host bench [--bundle PATH] [--seconds S]\n"
                 "defaults: --bundle " SIDEMAN_DEFAULT_BUNDLE " (or $SIDEMAN_BUNDLE), --rate 48000, --block 512,\n"
                 "          --tempo from the MIDI file (120 if none), --length = MIDI length + 2 s\n");
    return 2;
}

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> named;
    bool flag(const std::string& name) const { return named.count(name) != 0; }
    double number(const std::string& name, double fallback) const {
        auto it = named.find(name);
        return it == named.end() ? fallback : std::atof(it->second.c_str());
    }
    std::string bundle() const {
        if (auto it = named.find("--bundle"); it != named.end()) return it->second;
        if (const char* env = std::getenv("SIDEMAN_BUNDLE")) return env;
        return SIDEMAN_DEFAULT_BUNDLE;
    }
};

bool parse(int argc, char** argv, Options& o) {
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--double") o.named[a] = "1";
        else if (a.rfind("--", 0) == 0) {
            if (i + 1 >= argc) return false;
            o.named[a] = argv[++i];
        } else o.positional.push_back(a);
    }
    return true;
}

int render(const Options& o) {
    if (o.positional.size() != 2) return usage();
    MidiFile midi;
    std::string error;
    if (!readMidiFile(o.positional[0], midi, error)) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    const double rate = o.number("--rate", 48000);
    const auto block = static_cast<int32_t>(o.number("--block", 512));
    const double tempo = o.number("--tempo", midi.firstTempoBpm);
    const double seconds = o.number("--length", midi.lengthSeconds + 2.0);
    const int32_t sampleSize = o.flag("--double") ? vst3::kSample64 : vst3::kSample32;
    if (!(rate >= 8000 && rate <= 384000) || block < 1 || block > 8192 || !(tempo > 0) || !(seconds > 0)) {
        std::fprintf(stderr, "error: need 8000<=rate<=384000, 1<=block<=8192, tempo>0, length>0\n");
        return 2;
    }
    Vst3Module module;
    if (!module.load(o.bundle(), error)) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    int exitCode = 0;
    {
        auto instance = PluginInstance::create(module, error);
        if (!instance || !instance->setup(rate, block, sampleSize, vst3::kOffline, false, error) ||
            !instance->start(error)) {
            std::fprintf(stderr, "error: %s (details in the Sideman log)\n", error.c_str());
            return 1;
        }
        RenderSpec spec;
        spec.sampleRate = rate;
        spec.blockSize = block;
        spec.tempo = tempo;
        spec.totalSamples = static_cast<int64_t>(std::llround(seconds * rate));
        for (const MidiNoteEvent& n : midi.notes) {
            TimedEvent e;
            e.at = static_cast<int64_t>(std::llround(n.seconds * rate));
            e.event = n.on ? noteOn(n.key, n.velocity / 127.0f, n.channel) : noteOff(n.key, n.velocity / 127.0f, n.channel);
            spec.events.push_back(e);
        }
        std::fprintf(stderr, "rendering %zu note events, %.2f s at %.0f Hz, %d-sample blocks, %.1f BPM\n",
                     spec.events.size(), seconds, rate, block, tempo);
        RenderResult result = render(*instance, spec, sampleSize);
        float peak = 0;
        for (size_t i = 0; i < result.left.size(); ++i)
            peak = std::max({peak, std::fabs(result.left[i]), std::fabs(result.right[i])});
        if (result.failedBlocks > 0 || result.nonFiniteSamples > 0) {
            std::fprintf(stderr, "error: %d blocks failed, %lld non-finite samples\n", result.failedBlocks,
                         static_cast<long long>(result.nonFiniteSamples));
            exitCode = 1;
        }
        if (!writeWavFloat(o.positional[1], result.left, result.right, static_cast<int>(rate), error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 1;
        }
        std::printf("wrote %s: %zu frames, peak %.3f (%.1f dBFS)\n", o.positional[1].c_str(), result.left.size(), peak,
                    peak > 0 ? 20 * std::log10(peak) : -INFINITY);
    }
    return exitCode;
}

struct Stats {
    double mean, p99, max;
};

// Thread CPU time in microseconds: immune to preemption on a busy machine (wall time is not).
double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    size_t i99 = std::min(v.size() - 1, static_cast<size_t>(std::ceil(0.99 * v.size())) - 1);
    return Stats{sum / v.size(), v[i99], v.back()};
}

int bench(const Options& o) {
    const double seconds = o.number("--seconds", 10);
    std::string error;
    Vst3Module module;
    auto t0 = Clock::now();
    if (!module.load(o.bundle(), error)) {
        std::fprintf(stderr, "error: %s\n", error.c_str());
        return 1;
    }
    const double rate = 48000;
    std::printf("Sideman bench (%s)\n", module.binaryPath().c_str());
    {
        auto instance = PluginInstance::create(module, error);
        if (!instance || !instance->setup(rate, 512, vst3::kSample32, vst3::kRealtime, false, error) ||
            !instance->start(error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 1;
        }
        auto* events = new EventList();
        auto* params = new ParameterChanges();
        auto context = makeContext(0, rate, 120, 4, 4, true);
        instance->process(512, events, params, &context);
        auto t1 = Clock::now();
        std::printf("factory -> first processed block (runtime start, create, connect, setup, activate): %.1f ms\n",
                    std::chrono::duration<double, std::milli>(t1 - t0).count());
        events->release();
        params->release();
    }
    const int chords[8] = {48, 52, 55, 60, 64, 67, 71, 74};
    std::printf("process() per block at 48 kHz, 8 notes held, %.0f s of audio per size:\n", seconds);
    std::printf("wall = elapsed time of the process() call; cpu = this thread's CPU time (excludes preemption)\n");
    std::printf("  %6s %5s %10s %10s %10s %10s %12s\n", "block", "clock", "mean us", "p99 us", "max us", "period us",
                "p99 % period");
    for (int32_t block : {64, 128, 512}) {
        auto instance = PluginInstance::create(module, error);
        if (!instance || !instance->setup(rate, block, vst3::kSample32, vst3::kRealtime, false, error) ||
            !instance->start(error)) {
            std::fprintf(stderr, "error: %s\n", error.c_str());
            return 1;
        }
        auto* events = new EventList();
        auto* params = new ParameterChanges();
        for (int key : chords) {
            vst3::Event e = noteOn(static_cast<int16_t>(key), 0.8f);
            events->addEvent(e);
        }
        const auto blocks = static_cast<int64_t>(seconds * rate / block);
        std::vector<double> micros, cpu;
        micros.reserve(static_cast<size_t>(blocks));
        cpu.reserve(static_cast<size_t>(blocks));
        for (int64_t i = 0; i < blocks; ++i) {
            auto context = makeContext(i * block, rate, 120, 4, 4, true);
            const double cpuStart = threadCpuMicros();
            auto start = Clock::now();
            instance->process(block, events, params, &context);
            auto end = Clock::now();
            const double cpuEnd = threadCpuMicros();
            if (i == 0) events->clear();
            if (i >= 16) { // skip the first blocks (caches, page faults)
                micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
                cpu.push_back(cpuEnd - cpuStart);
            }
        }
        const double period = block / rate * 1e6;
        for (int k = 0; k < 2; ++k) {
            Stats s = stats(k == 0 ? micros : cpu);
            std::printf("  %6d %5s %10.2f %10.2f %10.2f %10.1f %11.2f%% (mean %.2f%%, max %.2f%%)\n", block,
                        k == 0 ? "wall" : "cpu", s.mean, s.p99, s.max, period, 100 * s.p99 / period,
                        100 * s.mean / period, 100 * s.max / period);
        }
        events->release();
        params->release();
    }
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    Options o;
    if (!parse(argc, argv, o)) return usage();
    std::string command = argv[1];
    if (command == "render") return render(o);
    if (command == "bench") return bench(o);
    return usage();
}
