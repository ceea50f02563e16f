// Conformance: parameters and MIDI mapping. Mirrors the SDK test suite's "Scan Parameters" (ids,
// flags, bypass, read-only, step counts, defaults, titles, units), "MIDI Mapping", "Automation"
// (every parameter, changes every 1/50/100 samples, sample accurate) and the edit controller's
// text and value conversions for every parameter at many values, edges and garbage included.
#include <cmath>
#include <limits>
#include <set>

#include "check.h"
#include "conformance_support.h"
#include "fixture.h"
#include "utf16.h"

using namespace sideman;
using namespace sideman::conformance;
using namespace sideman::test;
using namespace vst3;

namespace {
const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();

std::vector<ParameterInfo> allParameters(IEditController* c) {
    std::vector<ParameterInfo> all;
    for (int32 i = 0; i < c->getParameterCount(); ++i) {
        ParameterInfo info{};
        if (c->getParameterInfo(i, info) == kResultOk) all.push_back(info);
    }
    return all;
}

// An IParameterChanges whose queues remember which points the plug-in read.
class CountingQueue final : public ComObject, public IParamValueQueue {
public:
    explicit CountingQueue(ParamID id) : id_(id) {}
    tresult VST3_API queryInterface(const TUID iid, void** obj) override {
        if (obj == nullptr) return kInvalidArgument;
        if (offerInterface<IParamValueQueue>(iid, FUnknown::iid, this, obj) ||
            offerInterface<IParamValueQueue>(iid, IParamValueQueue::iid, this, obj))
            return kResultOk;
        *obj = nullptr;
        return kNoInterface;
    }
    SIDEMAN_COM_REFCOUNT
    ParamID VST3_API getParameterId() override { return id_; }
    int32 VST3_API getPointCount() override { return static_cast<int32>(points.size()); }
    tresult VST3_API getPoint(int32 index, int32& offset, ParamValue& value) override {
        if (index < 0 || index >= getPointCount()) return kResultFalse;
        offset = points[size_t(index)].first;
        value = points[size_t(index)].second;
        read[size_t(index)] = true;
        return kResultTrue;
    }
    tresult VST3_API addPoint(int32, ParamValue, int32&) override { return kResultFalse; }
    std::vector<std::pair<int32, double>> points;
    std::vector<bool> read;

private:
    ParamID id_;
};

class CountingChanges final : public ComObject, public IParameterChanges {
public:
    ~CountingChanges() override {
        for (CountingQueue* q : queues) q->release();
    }
    tresult VST3_API queryInterface(const TUID iid, void** obj) override {
        if (obj == nullptr) return kInvalidArgument;
        if (offerInterface<IParameterChanges>(iid, FUnknown::iid, this, obj) ||
            offerInterface<IParameterChanges>(iid, IParameterChanges::iid, this, obj))
            return kResultOk;
        *obj = nullptr;
        return kNoInterface;
    }
    SIDEMAN_COM_REFCOUNT
    int32 VST3_API getParameterCount() override { return static_cast<int32>(queues.size()); }
    IParamValueQueue* VST3_API getParameterData(int32 index) override {
        return index >= 0 && index < getParameterCount() ? queues[size_t(index)] : nullptr;
    }
    IParamValueQueue* VST3_API addParameterData(const ParamID&, int32&) override { return nullptr; }
    std::vector<CountingQueue*> queues;
};
} // namespace

TEST_CASE(conformance_scan_parameters) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    IEditController* c = p.controller;
    const std::vector<ParameterInfo> params = allParameters(c);
    REQUIRE(static_cast<int32>(params.size()) == c->getParameterCount() && !params.empty());
    std::set<ParamID> ids;
    int bypasses = 0;
    for (const ParameterInfo& info : params) {
        const std::string title = utf16ToUtf8(info.title);
        CHECK_MSG(ids.insert(info.id).second, title << ": id " << info.id << " used twice");
        CHECK_MSG(static_cast<int32>(info.id) >= 0, title << ": negative id");
        CHECK_MSG(!title.empty() && !utf16ToUtf8(info.shortTitle).empty(), "parameter " << info.id << " lacks a title");
        CHECK_MSG(info.stepCount >= 0, title << ": step count " << info.stepCount);
        CHECK_MSG(info.defaultNormalizedValue >= 0 && info.defaultNormalizedValue <= 1, title << ": default out of range");
        CHECK_MSG(info.unitId == 0, title << ": unit " << info.unitId << " but the controller has no IUnitInfo");
        const int32 f = info.flags;
        CHECK_MSG(!((f & ParameterInfo::kCanAutomate) && (f & ParameterInfo::kIsReadOnly)), title << ": automatable and read-only");
        CHECK_MSG(!((f & ParameterInfo::kIsProgramChange) && (f & ParameterInfo::kIsReadOnly)), title << ": program change and read-only");
        if (f & ParameterInfo::kIsBypass) {
            ++bypasses;
            CHECK_MSG((f & ~(ParameterInfo::kIsBypass | ParameterInfo::kCanAutomate)) == 0, title << ": bypass with other flags");
        }
        if (f & ParameterInfo::kIsList) CHECK_MSG(info.stepCount > 0, title << ": a list with no steps");
        CHECK_MSG(std::fabs(c->getParamNormalized(info.id) - info.defaultNormalizedValue) < 1e-12, title << ": not at its default");
        // Stepped: the steps are distinct plain values in increasing order.
        if (info.stepCount > 0) {
            double previous = -kInf;
            for (int32 s = 0; s <= info.stepCount; ++s) {
                const double plain = c->normalizedParamToPlain(info.id, static_cast<double>(s) / info.stepCount);
                CHECK_MSG(plain > previous, title << ": step " << s << " is not above step " << s - 1);
                previous = plain;
            }
        }
    }
    CHECK_MSG(bypasses <= 1, bypasses << " bypass parameters");
    ParameterInfo untouched{};
    untouched.id = 12345;
    CHECK(c->getParameterInfo(static_cast<int32>(params.size()), untouched) != kResultOk);
    CHECK(c->getParameterInfo(-1, untouched) != kResultOk);
    CHECK(untouched.id == 12345);
}

// Text both ways, plain both ways, for every parameter at many values; edges and garbage.
TEST_CASE(conformance_parameter_conversions) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    IEditController* c = p.controller;
    for (const ParameterInfo& info : allParameters(c)) {
        const std::string title = utf16ToUtf8(info.title);
        const double tolerance = info.stepCount > 0 ? 1e-9 : 0.01;
        double previousPlain = -kInf, previousText = -kInf;
        for (int k = 0; k <= 40; ++k) {
            double v = k / 40.0;
            if (info.stepCount > 0) v = std::round(v * info.stepCount) / info.stepCount;
            String128 text{};
            REQUIRE(c->getParamStringByValue(info.id, v, text) == kResultOk);
            CHECK_MSG(!utf16ToUtf8(text).empty(), title << ": empty text at " << v);
            ParamValue back = -1;
            CHECK_MSG(c->getParamValueByString(info.id, text, back) == kResultOk,
                      title << ": its own text '" << utf16ToUtf8(text) << "' does not parse");
            // The text round trip lands on a value that prints the same (display precision).
            String128 again{};
            c->getParamStringByValue(info.id, back, again);
            CHECK_MSG(utf16ToUtf8(again) == utf16ToUtf8(text),
                      title << ": " << v << " -> '" << utf16ToUtf8(text) << "' -> " << back << " -> '" << utf16ToUtf8(again) << "'");
            CHECK_MSG(std::fabs(back - v) <= tolerance || std::fabs(c->normalizedParamToPlain(info.id, back) -
                                                                     c->normalizedParamToPlain(info.id, v)) <= 0.05 * std::max(1.0, std::fabs(c->normalizedParamToPlain(info.id, v))),
                      title << ": " << v << " -> '" << utf16ToUtf8(text) << "' -> " << back);
            // Plain values: increasing with the normalized value, and back again.
            const double plain = c->normalizedParamToPlain(info.id, v);
            CHECK_MSG(plain >= previousPlain, title << ": plain value falls from " << previousPlain << " to " << plain << " at " << v);
            if (info.stepCount == 0 && k > 0) CHECK_MSG(plain > previousPlain, title << ": plain value flat at " << v);
            previousPlain = plain;
            const double normalized = c->plainParamToNormalized(info.id, plain);
            CHECK_MSG(std::fabs(normalized - v) < 1e-9, title << ": plain round trip " << v << " -> " << plain << " -> " << normalized);
            CHECK(back >= previousText - tolerance);
            previousText = back;
        }
        // Edges: out-of-range, NaN and infinite inputs never produce an out-of-range or NaN answer.
        for (double bad : {-1.0, 2.0, kNaN, kInf, -kInf, 1e300, -1e-300}) {
            const double n = c->plainParamToNormalized(info.id, bad);
            CHECK_MSG(n >= 0.0 && n <= 1.0, title << ": plainParamToNormalized(" << bad << ") = " << n);
            const double plain = c->normalizedParamToPlain(info.id, bad);
            CHECK_MSG(!std::isnan(plain), title << ": normalizedParamToPlain(" << bad << ") is NaN");
            CHECK_MSG(plain == c->normalizedParamToPlain(info.id, std::isnan(bad) ? 0.0 : std::clamp(bad, 0.0, 1.0)),
                      title << ": normalizedParamToPlain(" << bad << ") is not the clamped value's");
        }
        String128 text{};
        CHECK_MSG(c->getParamStringByValue(info.id, kNaN, text) != kResultOk, title << ": a text for NaN");
        CHECK(c->setParamNormalized(info.id, kNaN) != kResultOk);
        CHECK(c->setParamNormalized(info.id, kInf) != kResultOk);
        CHECK(std::fabs(c->getParamNormalized(info.id) - info.defaultNormalizedValue) < 1e-12);
        CHECK(c->setParamNormalized(info.id, 1.0) == kResultOk && c->getParamNormalized(info.id) == 1.0);
        CHECK(c->setParamNormalized(info.id, 0.0) == kResultOk && c->getParamNormalized(info.id) == 0.0);
        CHECK(c->setParamNormalized(info.id, 7.0) == kResultOk && c->getParamNormalized(info.id) == 1.0);
        ParamValue untouched = 0.123;
        for (const char* garbage : {"", "   ", "abc", "1e999", "nan", "--3"}) {
            String128 g{};
            utf8ToUtf16(g, 128, garbage);
            const tresult rc = c->getParamValueByString(info.id, g, untouched);
            CHECK_MSG(rc != kResultOk || (untouched >= 0 && untouched <= 1),
                      title << ": '" << garbage << "' parsed to " << untouched);
        }
        CHECK(c->getParamValueByString(info.id, nullptr, untouched) != kResultOk);
        CHECK(c->getParamStringByValue(info.id, 0.5, nullptr) != kResultOk);
    }
    // Unknown ids are refused where the API can say so.
    String128 text{};
    ParamValue value = 0;
    CHECK(c->getParamStringByValue(0x7FFFFFF0u, 0.5, text) != kResultOk);
    utf8ToUtf16(text, 128, "1");
    CHECK(c->getParamValueByString(0x7FFFFFF0u, text, value) != kResultOk);
    CHECK(c->setParamNormalized(0x7FFFFFF0u, 0.5) != kResultOk);
}

TEST_CASE(conformance_midi_mapping) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    RawPlugin p(loaded.module());
    REQUIRE(p.ok() && p.initializeAndConnect());
    std::set<ParamID> known;
    for (const ParameterInfo& info : allParameters(p.controller)) known.insert(info.id);
    void* object = nullptr;
    REQUIRE(p.controller->queryInterface(IMidiMapping::iid.bytes, &object) == kResultOk);
    auto* mapping = static_cast<IMidiMapping*>(object);
    BusInfo midiIn{};
    REQUIRE(p.component->getBusInfo(kEvent, kInput, 0, midiIn) == kResultOk);
    int found = 0;
    const int16 countCtrlNumber = 133; // kCountCtrlNumber: CCs, aftertouch, bend, program, poly pressure, quarter frame
    for (int16 channel = 0; channel < midiIn.channelCount; ++channel)
        for (int16 cc = -1; cc <= countCtrlNumber + 1; ++cc) {
            ParamID id = 0xFFFFFFFFu;
            if (mapping->getMidiControllerAssignment(0, channel, cc, id) != kResultTrue) continue;
            ++found;
            CHECK_MSG(cc >= 0 && cc < countCtrlNumber, "an assignment for controller number " << cc);
            CHECK_MSG(known.count(id) == 1, "controller " << cc << " maps to unknown parameter " << id);
            // The same on every channel (one instrument, omni).
            ParamID onZero = 0;
            CHECK(mapping->getMidiControllerAssignment(0, 0, cc, onZero) == kResultTrue && onZero == id);
        }
    CHECK_MSG(found >= 3 * midiIn.channelCount && found % midiIn.channelCount == 0,
              "expected at least sustain, mod wheel and pitch bend, the same on every channel; found " << found);
    for (int16 cc : {int16(64), int16(1), int16(kPitchBend)}) {
        ParamID id = 0;
        CHECK_MSG(mapping->getMidiControllerAssignment(0, 9, cc, id) == kResultTrue, "controller " << cc << " is not mapped");
    }
    // No assignments on event buses that do not exist.
    for (int32 bus : {1, 2, -1}) {
        ParamID id = 0;
        CHECK(mapping->getMidiControllerAssignment(bus, 0, 64, id) != kResultTrue);
    }
    mapping->release();
}

// "Automation": every parameter (hidden controller targets included) changed every 1, 50 and
// 100 samples with sample-accurate points, in both sample sizes. Every point is read, every call
// succeeds, the output stays finite.
TEST_CASE(conformance_automation_all_parameters) {
    LoadedModule loaded;
    REQUIRE(loaded.ok());
    for (int32_t sampleSize : {kSample32, kSample64}) {
        for (int32_t every : {1, 50, 100}) {
            RawPlugin p(loaded.module());
            REQUIRE(p.ok() && p.initializeAndConnect() && p.setup(44100, 1024, sampleSize));
            const std::vector<ParameterInfo> params = allParameters(p.controller);
            REQUIRE(p.component->setActive(1) == kResultOk);
            OutputBuffers buffers(kOutputBuses, kChannels, 1024, sampleSize);
            auto* events = new host::EventList();
            TestRandom random(static_cast<uint64_t>(every * 10 + sampleSize));
            int unread = 0;
            for (int block = 0; block < 6; ++block) {
                auto* changes = new CountingChanges();
                for (const ParameterInfo& info : params) {
                    auto* queue = new CountingQueue(info.id);
                    for (int32 offset = 0; offset < 1024; ++offset)
                        if (offset == 0 || offset == 1 || random.below(every) == 0)
                            queue->points.push_back({offset, random.unit()});
                    queue->read.assign(queue->points.size(), false);
                    changes->queues.push_back(queue);
                }
                events->clear();
                Event on{};
                on.type = Event::kNoteOnEvent;
                on.sampleOffset = 100 * block;
                on.noteOn = NoteOnEvent{0, static_cast<int16>(60 + block), 0.0f, 0.9f, 0, -1};
                events->addEvent(on);
                buffers.fill(kNaN);
                ProcessData data = makeProcessData(1024, &buffers, events, changes, nullptr, nullptr, sampleSize);
                CHECK(p.processor->process(data) == kResultOk);
                CHECK_MSG(buffers.allFinite(0, 1024), "every " << every << ", block " << block << ": non-finite output");
                for (CountingQueue* q : changes->queues)
                    for (bool r : q->read) unread += r ? 0 : 1;
                changes->release();
            }
            CHECK_MSG(unread == 0, unread << " automation points were never read (every " << every << ")");
            events->release();
            p.component->setActive(0);
        }
    }
}
