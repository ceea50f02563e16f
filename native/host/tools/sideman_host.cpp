// sideman-host: drive the built bundle as a DAW does.
//   sideman-host render IN.mid OUT.wav [--bundle B] [--rate HZ] [--block N] [--tempo BPM] [--length SEC] [--double]
//                [--time-sig N/D] [--realtime] [--stems DIR] [--midi-out FILE] [--set ID=TEXT]... [--chart TEXT]
//   sideman-host bench [--bundle B] [--seconds S]
#include <time.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "plugin_instance.h"
#include "renderer.h"
#include "smf_reader.h"
#include "smf_writer.h"
#include "utf16.h"
#include "utf8_system.h"
#include "vst3_module.h"
#include "wav_writer.h"

using namespace sideman::host;
using Clock = std::chrono::steady_clock;

namespace {

int usage() {
    std::fprintf(stderr,
                 "usage:\n"
                 "  sideman-host render IN.mid OUT.wav [--bundle PATH] [--rate HZ] [--block N] [--tempo BPM]\n"
                 "                                   [--length SECONDS] [--double] [--time-sig N/D] [--realtime]\n"
                 "                                   [--stems DIR] [--midi-out FILE] [--set ID=TEXT]... [--chart TEXT]\n"
                 "  sideman-host bench [--bundle PATH] [--seconds S]\n"
                 "defaults: --bundle " SIDEMAN_DEFAULT_BUNDLE " (or $SIDEMAN_BUNDLE), --rate 48000, --block 512,\n"
                 "          --tempo from the MIDI file (120 if none), --length = MIDI length + 2 s, --time-sig 4/4,\n"
                 "          offline processing (--realtime: kRealtime)\n"
                 "render options:\n"
                 "  --stems DIR      activate every aux output bus and write each as DIR/<bus name>.wav\n"
                 "                   (drums.wav, bass.wav, keys.wav, pad.wav, arp.wav), float stereo like OUT.wav\n"
                 "  --midi-out FILE  write what the plug-in put on its event output as a Standard MIDI File\n"
                 "                   (format 1, 96 PPQ, a conductor track, one track per channel)\n"
                 "  --set ID=TEXT    set a parameter by its string id before the render (repeatable), e.g.\n"
                 "                   --set band.style=Funk --set master.volume=-6; TEXT as the plug-in displays it\n"
                 "  --time-sig N/D   the time signature the host reports (D a power of two)\n"
                 "  --chart TEXT     the chord chart, sent as the Sideman.SetChart message, e.g. \"C | Am | F | G7\"\n"
                 "exit status: 0 done, 1 failure (file, bundle, plug-in), 2 bad arguments (usage, unknown\n"
                 "             parameter id, a value or chart the plug-in refuses)\n");
    return 2;
}

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> named;
    std::vector<std::string> sets; // every --set, in order
    std::string unknown;           // the first option this command does not know
    bool flag(const std::string& name) const { return named.count(name) != 0; }
    double number(const std::string& name, double fallback) const {
        auto it = named.find(name);
        return it == named.end() ? fallback : std::atof(it->second.c_str());
    }
    std::string text(const std::string& name) const {
        auto it = named.find(name);
        return it == named.end() ? std::string() : it->second;
    }
    std::string bundle() const {
        if (auto it = named.find("--bundle"); it != named.end()) return it->second;
        if (std::string env; environmentVariable("SIDEMAN_BUNDLE", env)) return env;
        return SIDEMAN_DEFAULT_BUNDLE;
    }
};

bool parse(const std::vector<std::string>& args, Options& o) {
    const std::string& command = args[1];
    const std::set<std::string> flags = {"--double", "--realtime"};
    const std::set<std::string> valued =
        command == "bench" ? std::set<std::string>{"--bundle", "--seconds"}
                           : std::set<std::string>{"--bundle", "--rate", "--block", "--tempo", "--length", "--stems",
                                                   "--midi-out", "--set", "--time-sig", "--chart"};
    const size_t count = args.size();
    for (size_t i = 2; i < count; ++i) {
        const std::string& a = args[i];
        if (a.rfind("--", 0) != 0) {
            o.positional.push_back(a);
        } else if (command != "bench" && flags.count(a) != 0) {
            o.named[a] = "1";
        } else if (valued.count(a) != 0) {
            if (i + 1 >= count) return false;
            if (a == "--set") o.sets.push_back(args[++i]);
            else o.named[a] = args[++i];
        } else {
            if (o.unknown.empty()) o.unknown = a;
        }
    }
    return true;
}

std::u16string toUtf16(const std::string& utf8) {
    std::vector<char16_t> buffer(utf8.size() + 1, u'\0');
    sideman::utf8ToUtf16(buffer.data(), static_cast<int>(buffer.size()), utf8);
    return std::u16string(buffer.data());
}

// "N/D" with 1 <= N <= 64 and D one of 1, 2, 4, ..., 64.
bool parseTimeSignature(const std::string& text, int& numerator, int& denominator) {
    const size_t slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) return false;
    for (size_t i = 0; i < text.size(); ++i)
        if (i != slash && !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    if (slash > 2 || text.size() - slash - 1 > 2) return false;
    numerator = std::atoi(text.substr(0, slash).c_str());
    denominator = std::atoi(text.substr(slash + 1).c_str());
    const bool powerOfTwo = denominator > 0 && (denominator & (denominator - 1)) == 0;
    return numerator >= 1 && numerator <= 64 && powerOfTwo && denominator <= 64;
}

// A bus name as a file name: lower case, anything but letters, digits, '-' and '_' as '_'.
std::string fileNameOf(const std::string& busName) {
    std::string name;
    for (unsigned char c : busName)
        name += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(std::tolower(c)) : '_';
    return name.empty() ? std::string("bus") : name;
}

struct ParameterSetting {
    std::string stringId, text;
    vst3::ParamID id = 0;
    double normalized = 0;
};

// Checks every --set against the controller and converts its text; false (message printed) on the
// first unknown id or text the parameter does not take.
bool resolveSettings(PluginInstance& instance, const std::vector<std::string>& sets, std::vector<ParameterSetting>& out) {
    for (const std::string& item : sets) {
        const size_t equals = item.find('=');
        if (equals == std::string::npos || equals == 0) {
            std::fprintf(stderr, "error: --set %s: write it as ID=TEXT, e.g. --set band.style=Funk\n", item.c_str());
            return false;
        }
        ParameterSetting setting;
        setting.stringId = item.substr(0, equals);
        setting.text = item.substr(equals + 1);
        setting.id = paramIdOf(setting.stringId);
        if (!instance.hasParameter(setting.id)) {
            std::fprintf(stderr,
                         "error: --set %s: Sideman has no parameter with the id '%s' (ParamID %u); the ids are the\n"
                         "       stable string ids of the README's parameter table, e.g. master.volume, band.style\n",
                         item.c_str(), setting.stringId.c_str(), static_cast<unsigned>(setting.id));
            return false;
        }
        std::u16string text = toUtf16(setting.text);
        vst3::ParamValue value = 0;
        if (instance.controller()->getParamValueByString(setting.id, const_cast<char16_t*>(text.c_str()), value) !=
            vst3::kResultOk) {
            std::fprintf(stderr, "error: --set %s: parameter '%s' does not take the value '%s'\n", item.c_str(),
                         setting.stringId.c_str(), setting.text.c_str());
            return false;
        }
        setting.normalized = value;
        out.push_back(setting);
    }
    return true;
}

// Sends the chart as the Sideman.SetChart message. 0: set; 2: refused (reason printed); 1: not delivered.
int sendChart(PluginInstance& instance, const std::string& chart) {
    vst3::IMessage* message = instance.newMessage("Sideman.SetChart");
    if (message == nullptr || message->getAttributes() == nullptr) {
        std::fprintf(stderr, "error: could not make the Sideman.SetChart message\n");
        if (message != nullptr) message->release();
        return 1;
    }
    const std::u16string text = toUtf16(chart);
    message->getAttributes()->setString("text", text.c_str());
    const vst3::tresult rc = instance.notifyComponent(message);
    int status = 0;
    if (rc == vst3::kResultFalse) {
        std::vector<char16_t> problem(4096, u'\0');
        if (message->getAttributes()->getString("problem", problem.data(),
                                                static_cast<vst3::uint32>(problem.size() * sizeof(char16_t))) != vst3::kResultOk)
            problem[0] = 0;
        std::fprintf(stderr, "error: --chart refused: %s\n",
                     problem[0] != 0 ? sideman::utf16ToUtf8(problem.data()).c_str() : "the plug-in gave no reason");
        status = 2;
    } else if (rc != vst3::kResultOk) {
        std::fprintf(stderr, "error: the plug-in did not take the Sideman.SetChart message (notify answered %d)\n", rc);
        status = 1;
    }
    message->release();
    return status;
}

int render(const Options& o) {
    if (!o.unknown.empty()) {
        std::fprintf(stderr, "error: render has no option %s\n", o.unknown.c_str());
        return usage();
    }
    if (o.positional.size() != 2) return usage();
    int numerator = 4, denominator = 4;
    if (o.flag("--time-sig") && !parseTimeSignature(o.text("--time-sig"), numerator, denominator)) {
        std::fprintf(stderr, "error: --time-sig %s: write N/D with 1<=N<=64 and D a power of two up to 64, e.g. 3/4 or 7/8\n",
                     o.text("--time-sig").c_str());
        return 2;
    }
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
    const int32_t mode = o.flag("--realtime") ? vst3::kRealtime : vst3::kOffline;
    const std::string stems = o.text("--stems");
    const std::string midiOut = o.text("--midi-out");
    if (!(rate >= 8000 && rate <= 384000) || block < 1 || block > 8192 || !(tempo > 0) || !(seconds > 0)) {
        std::fprintf(stderr, "error: need 8000<=rate<=384000, 1<=block<=8192, tempo>0, length>0\n");
        return 2;
    }
    if (o.flag("--stems") && stems.empty()) {
        std::fprintf(stderr, "error: --stems needs a folder\n");
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
        if (!instance) {
            std::fprintf(stderr, "error: %s (details in the Sideman log)\n", error.c_str());
            return 1;
        }
        // Parameters and chart first: a value or chart the plug-in refuses stops here, before any work.
        std::vector<ParameterSetting> settings;
        if (!resolveSettings(*instance, o.sets, settings)) return 2;
        if (o.flag("--chart"))
            if (int status = sendChart(*instance, o.text("--chart")); status != 0) return status;
        if (!instance->setup(rate, block, sampleSize, mode, !stems.empty(), error) || !instance->start(error)) {
            std::fprintf(stderr, "error: %s (details in the Sideman log)\n", error.c_str());
            return 1;
        }
        RenderSpec spec;
        spec.sampleRate = rate;
        spec.blockSize = block;
        spec.tempo = tempo;
        spec.timeSigNumerator = numerator;
        spec.timeSigDenominator = denominator;
        spec.captureAuxBuses = !stems.empty();
        spec.totalSamples = static_cast<int64_t>(std::llround(seconds * rate));
        for (const ParameterSetting& setting : settings) {
            // As a host applies an edit: the controller learns the value, the processor gets it as a
            // parameter change at sample 0 of the first block.
            instance->controller()->setParamNormalized(setting.id, setting.normalized);
            spec.params.push_back(TimedParam{0, setting.id, setting.normalized});
            vst3::String128 shown{};
            instance->controller()->getParamStringByValue(setting.id, setting.normalized, shown);
            std::fprintf(stderr, "set %s = %s\n", setting.stringId.c_str(), sideman::utf16ToUtf8(shown).c_str());
        }
        for (const MidiNoteEvent& n : midi.notes) {
            TimedEvent e;
            e.at = static_cast<int64_t>(std::llround(n.seconds * rate));
            e.event = n.on ? noteOn(n.key, n.velocity / 127.0f, n.channel) : noteOff(n.key, n.velocity / 127.0f, n.channel);
            spec.events.push_back(e);
        }
        std::fprintf(stderr, "rendering %zu note events, %.2f s at %.0f Hz, %d-sample blocks, %.1f BPM, %d/%d, %s\n",
                     spec.events.size(), seconds, rate, block, tempo, numerator, denominator,
                     mode == vst3::kOffline ? "offline" : "realtime");
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
        if (!stems.empty()) {
            std::error_code made;
            std::filesystem::create_directories(std::filesystem::u8path(stems), made);
            if (made) {
                std::fprintf(stderr, "error: %s: cannot create the folder (%s)\n", stems.c_str(), made.message().c_str());
                return 1;
            }
            for (size_t i = 0; i < result.aux.size(); ++i) {
                const std::string path =
                    (std::filesystem::u8path(stems) / (fileNameOf(instance->outputBuses()[i + 1].name) + ".wav")).u8string();
                if (!writeWavFloat(path, result.aux[i].left, result.aux[i].right, static_cast<int>(rate), error)) {
                    std::fprintf(stderr, "error: %s\n", error.c_str());
                    return 1;
                }
                float stemPeak = 0;
                for (size_t k = 0; k < result.aux[i].left.size(); ++k)
                    stemPeak = std::max({stemPeak, std::fabs(result.aux[i].left[k]), std::fabs(result.aux[i].right[k])});
                std::printf("wrote %s: peak %.3f\n", path.c_str(), stemPeak);
            }
        }
        if (!midiOut.empty()) {
            MidiFileSpec file;
            file.tempoBpm = tempo;
            file.timeSigNumerator = numerator;
            file.timeSigDenominator = denominator;
            const std::vector<MidiFileEvent> events = midiFromEvents(result.outEvents, rate, file);
            if (!writeMidiFile(midiOut, file, events, error)) {
                std::fprintf(stderr, "error: %s\n", error.c_str());
                return 1;
            }
            std::set<int> channels;
            for (const MidiFileEvent& e : events) channels.insert((e.status & 0x0F) + 1);
            std::string list;
            for (int c : channels) list += (list.empty() ? "" : ", ") + std::to_string(c);
            std::printf("wrote %s: %zu events on %zu channels%s%s\n", midiOut.c_str(), events.size(), channels.size(),
                        channels.empty() ? "" : " (", channels.empty() ? "" : (list + ")").c_str());
        }
    }
    return exitCode;
}

struct Stats {
    double mean, p99, max;
};

// Thread CPU time in microseconds: immune to preemption on a busy machine (wall time is not).
// Windows counts it in scheduler ticks (10-16 ms), useless for one block, so bench leaves it out there.
#if defined(_WIN32)
constexpr bool kThreadCpuClock = false;
double threadCpuMicros() { return 0; }
#else
constexpr bool kThreadCpuClock = true;
double threadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}
#endif

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double sum = 0;
    for (double x : v) sum += x;
    size_t i99 = std::min(v.size() - 1, static_cast<size_t>(std::ceil(0.99 * v.size())) - 1);
    return Stats{sum / v.size(), v[i99], v.back()};
}

int bench(const Options& o) {
    if (!o.unknown.empty() || !o.positional.empty()) {
        std::fprintf(stderr, "error: bench takes no %s\n", o.unknown.empty() ? o.positional[0].c_str() : o.unknown.c_str());
        return usage();
    }
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
    std::printf("wall = elapsed time of the process() call; cpu = this thread's CPU time (excludes preemption)%s\n",
                kThreadCpuClock ? "" : "\n(no cpu rows: this OS counts thread CPU time in scheduler ticks)");
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
        for (int k = 0; k < (kThreadCpuClock ? 2 : 1); ++k) {
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
    const std::vector<std::string> arguments = commandLineArguments(argc, argv); // UTF-8 on every OS
    if (arguments.size() < 2) return usage();
    Options o;
    if (!parse(arguments, o)) return usage();
    const std::string& command = arguments[1];
    if (command == "render") return render(o);
    if (command == "bench") return bench(o);
    return usage();
}
